import { AppError } from "@/lib/errors";
import { normalizeArxivId } from "@/lib/ingest/sources/text";
import { parseCsv } from "@/lib/lists/csv";
import { LIMITS } from "@/lib/lists/validation";

/** An arXiv id found in pasted text, with the line it came from (1-based). */
export interface ImportRef {
  line: number;
  arxivId: string;
}

/** A part of the pasted text that names no paper, and why. */
export interface ImportProblem {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedImport {
  /** Distinct ids, in the order they appear. */
  refs: ImportRef[];
  /** Ids that appear again further down. */
  repeated: ImportRef[];
  problems: ImportProblem[];
}

// Brackets, quotes and sentence punctuation around a pasted id: "(arXiv:2406.12345)."
const TRAILING_PUNCTUATION = new Set(")>]\"'.,;:");

/**
 * `text` without the run of `chars` at its end. A loop rather than `/[…]+$/`: the regex
 * tries every run of those characters, each to its end, which is quadratic on ")))…x".
 */
export function trimEnd(text: string, chars: Set<string>): string {
  let end = text.length;
  while (end > 0 && chars.has(text[end - 1])) end--;
  return text.slice(0, end);
}

const ARXIV_HOSTS = new Set(["arxiv.org", "www.arxiv.org", "export.arxiv.org"]);
const HF_HOSTS = new Set(["huggingface.co", "hf.co"]);

/**
 * One token: an arXiv id (`2406.12345`, `2406.12345v2`, `arXiv:2406.12345`, `hep-th/9901001`)
 * or a URL naming one (arxiv.org `/abs/`, `/pdf/` or `/html/`, huggingface.co `/papers/`).
 */
export function parseArxivRef(token: string): { arxivId: string } | { reason: string } {
  const t = trimEnd(token.replace(/^[(<["']+/, ""), TRAILING_PUNCTUATION);
  if (/^(https?:\/\/|(www\.|export\.)?arxiv\.org\/|huggingface\.co\/)/i.test(t)) return fromUrl(t);
  const id = normalizeArxivId(t);
  if (id) return { arxivId: id };
  const newStyle = /^(?:arxiv:)?(\d{2})(\d{2})\.\d{4,5}(v\d+)?$/i.exec(t);
  if (newStyle) return { reason: `not a valid arXiv id (there is no month ${newStyle[2]})` };
  return { reason: "not an arXiv id or arxiv.org URL" };
}

const SLASH = new Set("/");

function fromUrl(raw: string): { arxivId: string } | { reason: string } {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { reason: "not a valid URL" };
  }
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = trimEnd(decodeURIComponent(url.pathname), SLASH);
  } catch {
    // "%E0%A4%A" or "%zz": a URIError here would surface as a 500 for the whole import.
    return { reason: "the URL has a malformed percent-encoding (a % not followed by valid UTF-8 hex)" };
  }
  let candidate: string | null = null;
  if (ARXIV_HOSTS.has(host)) {
    const m = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?$/i.exec(path);
    if (!m) return { reason: "an arxiv.org URL that names no paper (use its /abs/ or /pdf/ address)" };
    candidate = m[1];
  } else if (HF_HOSTS.has(host)) {
    const m = /^\/papers\/(.+)$/.exec(path);
    if (!m) return { reason: "a Hugging Face URL that names no paper" };
    candidate = m[1];
  } else {
    return { reason: "not an arxiv.org URL" };
  }
  const id = normalizeArxivId(candidate);
  return id ? { arxivId: id } : { reason: `the URL names no valid arXiv id ("${candidate.slice(0, 40)}")` };
}

/**
 * Reads pasted text: arXiv ids or URLs one per line or separated by spaces or commas, or a
 * whole BibTeX or CSV file exported from Paperboy (or anything with `eprint` fields or an
 * `arxiv_id` column). Blank lines and lines starting with `#` or `%` are skipped.
 */
export function parseImportText(input: string): ParsedImport {
  const text = input.replace(/^\uFEFF/, "");
  const found: (ImportRef | ImportProblem)[] = /^\s*@\w+\s*[{(]/.test(text)
    ? fromBibtex(text)
    : looksLikeCsv(text)
      ? fromCsv(text)
      : fromPlainText(text);
  const seen = new Set<string>();
  const out: ParsedImport = { refs: [], repeated: [], problems: [] };
  for (const f of found) {
    if ("reason" in f) out.problems.push(f);
    else if (seen.has(f.arxivId)) out.repeated.push(f);
    else {
      seen.add(f.arxivId);
      out.refs.push(f);
    }
  }
  if (out.refs.length > LIMITS.importIds) {
    throw new AppError("bad_request", `Import at most ${LIMITS.importIds} papers at once (this text names ${out.refs.length})`);
  }
  return out;
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function fromPlainText(text: string): (ImportRef | ImportProblem)[] {
  const out: (ImportRef | ImportProblem)[] = [];
  lines(text).forEach((content, i) => {
    const trimmed = content.trim();
    if (!trimmed || trimmed.startsWith("#") || trimmed.startsWith("%")) return;
    for (const token of trimmed.split(/[\s,]+/).filter(Boolean)) {
      const ref = parseArxivRef(token);
      out.push("arxivId" in ref ? { line: i + 1, arxivId: ref.arxivId } : { line: i + 1, text: token.slice(0, 200), reason: ref.reason });
    }
  });
  return out;
}

function looksLikeCsv(text: string): boolean {
  const header = lines(text.trimStart())[0] ?? "";
  return /(^|,)"?arxiv_id"?(,|$)/i.test(header);
}

function fromCsv(text: string): (ImportRef | ImportProblem)[] {
  const leading = text.length - text.trimStart().length;
  const skipped = lines(text.slice(0, leading)).length - 1;
  const [header, ...rows] = parseCsv(text.trimStart());
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const idCol = names.indexOf("arxiv_id");
  const urlCol = names.indexOf("url");
  const titleCol = names.indexOf("title");
  return rows.map((row) => {
    const line = row.line + skipped;
    const id = (row.fields[idCol] ?? "").trim().replace(/^'/, "");
    if (id) {
      const ref = parseArxivRef(id);
      return "arxivId" in ref ? { line, arxivId: ref.arxivId } : { line, text: id.slice(0, 200), reason: ref.reason };
    }
    const url = urlCol >= 0 ? (row.fields[urlCol] ?? "").trim() : "";
    const ref = url ? parseArxivRef(url) : null;
    if (ref && "arxivId" in ref) return { line, arxivId: ref.arxivId };
    const title = titleCol >= 0 ? (row.fields[titleCol] ?? "").replace(/^'/, "") : row.fields.join(",");
    return { line, text: title.slice(0, 200), reason: "this row has no arXiv id" };
  });
}

function fromBibtex(text: string): (ImportRef | ImportProblem)[] {
  const out: (ImportRef | ImportProblem)[] = [];
  let entry: { line: number; key: string; found: boolean } | null = null;
  const close = () => {
    if (entry && !entry.found)
      out.push({ line: entry.line, text: `@${entry.key}`, reason: "a BibTeX entry without an arXiv eprint or arxiv.org URL" });
  };
  lines(text).forEach((content, i) => {
    const start = /^\s*@(\w+)\s*[{(]\s*([^,\s]*)/.exec(content);
    if (start) {
      close();
      const kind = start[1].toLowerCase();
      entry =
        kind === "comment" || kind === "preamble" || kind === "string" ? null : { line: i + 1, key: start[2] || start[1], found: false };
      return;
    }
    if (!entry || entry.found) return;
    const field = bibtexField(content);
    if (!field) return;
    const name = field.name.toLowerCase();
    const value = name === "doi" ? arxivFromDoi(field.value) : field.value;
    if (!value) return;
    const ref = parseArxivRef(value);
    if ("arxivId" in ref) {
      out.push({ line: i + 1, arxivId: ref.arxivId });
      entry.found = true;
    } else if (name === "eprint") {
      out.push({ line: i + 1, text: value.slice(0, 200), reason: ref.reason });
      entry.found = true;
    }
  });
  close();
  return out;
}

const FIELD_START = /^\s*(eprint|url|doi)\s*=\s*[{"]/i;
const CLOSING = /[}"]/;

/**
 * `eprint = {value}` (or `url`, `doi`; braces or quotes) at the start of a line: the name,
 * and the value up to the first `}` or `"`, trimmed. It gives what
 * `/^\s*(eprint|url|doi)\s*=\s*[{"]\s*([^}"]+?)\s*[}"]/i` gave, but in linear time: that
 * pattern split a run of spaces three ways (`\s*`, the lazy value, `\s*`) and took minutes
 * on `eprint = {` followed by 20,000 spaces and no closing brace.
 */
export function bibtexField(line: string): { name: string; value: string } | null {
  const start = FIELD_START.exec(line);
  if (!start) return null;
  const from = start[0].length;
  const close = line.slice(from).search(CLOSING);
  if (close <= 0) return null; // no closing brace or quote, or an empty value
  const inner = line.slice(from, from + close);
  const value = inner.trim();
  // All blank: the pattern needed one character for its value and took the last space.
  return { name: start[1], value: value || inner[inner.length - 1] };
}

/** arXiv's DOIs: 10.48550/arXiv.2406.12345. */
function arxivFromDoi(doi: string): string | null {
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi.trim());
  return m ? m[1] : null;
}
