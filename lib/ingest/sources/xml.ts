import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FeedParseError, type FeedFormat } from "../types";
import { xmlRootName } from "./detect";

export type XmlNode = Record<string, unknown>;

/**
 * Validates and parses an XML feed, returning its root element (prefix-qualified name
 * as written, and the parsed node with namespace prefixes removed). `arrayPaths` are the
 * dotted element paths (prefixes removed) that always parse as arrays.
 */
export function parseXmlFeed(xml: string, format: FeedFormat, arrayPaths: string[]): { rootName: string; root: XmlNode } {
  const text = xml.replace(/^\uFEFF/, "");
  // Feeds never need a DOCTYPE internal subset; refusing it rules out entity-expansion tricks.
  if (hasInternalSubset(text)) {
    throw new FeedParseError("XML with a DOCTYPE internal subset (entity declarations) is not accepted", format);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = col ? `line ${line}, column ${col}` : `line ${line}`;
    throw new FeedParseError(`Malformed XML at ${where}: ${msg}`, format);
  }
  const arrays = new Set(arrayPaths);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    // Deprecated name, but it is what turns on numeric character references (&#233;).
    htmlEntities: true,
    processEntities: { enabled: true, maxEntitySize: 1_000, maxEntityCount: 50, maxExpandedLength: 100_000 },
    isArray: (_name, jPath) => arrays.has(String(jPath)),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (e) {
    throw new FeedParseError(`Malformed XML: ${(e as Error).message}`, format);
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith("?") && k !== "#comment");
  const rootName = xmlRootName(text);
  if (roots.length !== 1 || !rootName) {
    throw new FeedParseError(`Malformed XML: expected exactly one root element, found ${roots.length}`, format);
  }
  const node = doc[roots[0]];
  return { rootName, root: isNode(node) ? node : {} };
}

const DOCTYPE = /<!DOCTYPE/gi;

/**
 * Whether a `<!DOCTYPE` is followed by `[` before any `>`, as `/<!DOCTYPE[^>[]*\[/i` tests,
 * in one pass: the regex scanned from every `<!DOCTYPE` to the next `>` or `[`, so text of
 * nothing but "<!DOCTYPE " was quadratic. A later `<!DOCTYPE` before the `>` or `[` that
 * ended a scan would stop at the same character, so the search resumes after it.
 */
export function hasInternalSubset(text: string): boolean {
  DOCTYPE.lastIndex = 0;
  for (let m = DOCTYPE.exec(text); m; m = DOCTYPE.exec(text)) {
    let i = DOCTYPE.lastIndex;
    while (i < text.length && text[i] !== ">" && text[i] !== "[") i++;
    if (text[i] === "[") return true;
    if (i >= text.length) return false;
    DOCTYPE.lastIndex = i + 1;
  }
  return false;
}

export function isNode(v: unknown): v is XmlNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text content of an element (string, or `#text` of an element with attributes). */
export function textOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (isNode(v) && typeof v["#text"] === "string") return v["#text"];
  return undefined;
}

export function nodes(v: unknown): XmlNode[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isNode);
}

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === "string" ? v : undefined;
}
