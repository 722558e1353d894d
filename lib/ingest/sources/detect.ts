import type { FeedFormat } from "../types";
import { looksLikePageText } from "./hf-page-text";

/**
 * Name of the root element of an XML/HTML document ("feed", "rdf:RDF"), skipping a BOM,
 * whitespace, `<?...?>`, comments and DOCTYPE. Null when the text does not start with
 * markup or ends before the root start tag.
 */
export function xmlRootName(text: string): string | null {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  while (i < text.length) {
    if (text.startsWith("<?", i)) i = after(text, "?>", i);
    else if (text.startsWith("<!--", i)) i = after(text, "-->", i);
    else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) i = afterDoctype(text, i);
    else return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200))?.[1] ?? null;
    if (i < 0) return null;
    i = skipSpace(text, i);
  }
  return null;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function after(text: string, end: string, from: number): number {
  const j = text.indexOf(end, from);
  return j < 0 ? -1 : j + end.length;
}

// The internal subset ([...]) may itself contain '>' characters.
function afterDoctype(text: string, from: number): number {
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "[") inSubset = true;
    else if (c === "]") inSubset = false;
    else if (c === ">" && !inSubset) return i + 1;
  }
  return -1;
}

/** Guess the format of a document from its first few KB. */
export function detectFormat(head: string): FeedFormat | null {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[") || text.startsWith("{")) return "hf-daily";
  if (text.startsWith("<")) {
    const root = xmlRootName(text);
    if (root === "feed") return "arxiv-atom";
    if (root === "rss" || root === "rdf:RDF") return "arxiv-rss";
    return null;
  }
  return looksLikePageText(text) ? "hf-page-text" : null;
}
