/**
 * BibTeX for a reading list, in the shape arXiv's own export uses (`@misc` with `eprint`,
 * `archivePrefix`, `primaryClass` and `url`), keyed as Google Scholar does:
 * first author's last name, year, first word of the title that is not a stop word.
 */
export interface BibtexPaper {
  arxivId: string | null;
  title: string;
  authors: readonly string[];
  year: number | null;
  /** arXiv category, e.g. "cs.CL". */
  primaryClass: string | null;
  /** Absolute URL: the arXiv abstract page, or this server's page for papers without an id. */
  url: string;
}

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "%": "\\%",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Text as a BibTeX field value: LaTeX's special characters escaped, whitespace collapsed. */
export function escapeBibtex(text: string): string {
  return escapeChars(text.replace(/\s+/g, " ").trim());
}

// "$5 and $10", "$20": a price, as lib/text/math.ts reads it.
const CURRENCY = /^\d[\d,.]*(?:\s+[A-Za-z]|\s*$)/;

function escapeChars(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (c) => SPECIAL[c]);
}

/**
 * A title keeps its inline math (`$Q$-Values` is LaTeX already, and BibTeX passes it to LaTeX);
 * everything else is escaped. Math with unbalanced braces is escaped too, so the field can
 * never end early.
 */
export function escapeTitle(title: string): string {
  const flat = title.replace(/\s+/g, " ").trim();
  let out = "";
  // Text before `done` is in `out`; the next dollar is looked for from `at`.
  let done = 0;
  let at = 0;
  while (at < flat.length) {
    const open = flat.indexOf("$", at);
    if (open === -1) break;
    const dollars = flat.startsWith("$$", open) ? "$$" : "$";
    const close = flat.indexOf(dollars, open + dollars.length);
    const tex = close === -1 ? "" : flat.slice(open + dollars.length, close);
    if (close === -1 || !tex.trim() || !balanced(tex) || tex.endsWith("\\") || CURRENCY.test(flat.slice(open + 1))) {
      // A lone dollar, a price ("$5 to $10") or unusable math: the dollar stays text, escaped with the rest
      // (one escape per run of text: one per dollar made "${${${…" slow).
      at = open + 1;
      continue;
    }
    out += escapeChars(flat.slice(done, open)) + dollars + tex + dollars;
    done = at = close + dollars.length;
  }
  return out + escapeChars(flat.slice(done));
}

function balanced(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === "\\") {
      i++;
      continue;
    }
    if (tex[i] === "{") depth++;
    if (tex[i] === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

const FOLD: Record<string, string> = { ß: "ss", ø: "o", ł: "l", æ: "ae", œ: "oe", đ: "d", þ: "th", ı: "i" };

/** Lower-case ASCII letters and digits only: "Łukasz Kaiser" → "lukaszkaiser". */
function asciiWord(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßøłæœđþı]/g, (c) => FOLD[c])
    .replace(/[^a-z0-9]/g, "");
}

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const STOP_WORDS = new Set(
  "a an the on of in for to and or with without towards toward via from is are do does can how what why when where which at by as into beyond not no".split(
    " ",
  ),
);

function lastName(author: string | undefined): string {
  if (!author) return "";
  const trimmed = author.trim();
  // "Vaswani, Ashish" already names the last name first.
  if (trimmed.includes(",")) return asciiWord(trimmed.split(",")[0]);
  const words = trimmed.split(/\s+/).filter((w) => !SUFFIXES.has(asciiWord(w)));
  return asciiWord(words[words.length - 1] ?? "");
}

function firstTitleWord(title: string): string {
  const words = title
    .replace(/\$[^$]*\$/g, " ")
    .split(/[\s\-:–—/]+/)
    .map(asciiWord)
    .filter(Boolean);
  return words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? "";
}

/** `vaswani2017attention`; "anon" stands in for an author without Latin letters. */
export function bibtexKey(p: Pick<BibtexPaper, "authors" | "year" | "title">): string {
  return `${lastName(p.authors[0]) || "anon"}${p.year ?? ""}${firstTitleWord(p.title)}`;
}

function authorField(authors: readonly string[]): string {
  // " and " separates names in BibTeX: a name that contains the word is braced whole.
  return authors.map((a) => (/\sand\s/i.test(a) ? `{${escapeBibtex(a)}}` : escapeBibtex(a))).join(" and ");
}

/** One `@misc` entry per paper; repeated keys get b, c, … appended. */
export function toBibtex(papers: readonly BibtexPaper[]): string {
  const used = new Map<string, number>();
  return papers
    .map((p) => {
      const base = bibtexKey(p);
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      const key = n === 0 ? base : `${base}${String.fromCharCode(97 + Math.min(n, 25))}${n > 25 ? n : ""}`;
      const fields: [string, string][] = [["title", `{${escapeTitle(p.title)}}`]];
      if (p.authors.length) fields.push(["author", authorField(p.authors)]);
      if (p.year) fields.push(["year", String(p.year)]);
      if (p.arxivId) {
        fields.push(["eprint", p.arxivId], ["archivePrefix", "arXiv"]);
        if (p.primaryClass) fields.push(["primaryClass", escapeBibtex(p.primaryClass)]);
      }
      fields.push(["url", p.url.replace(/[{}\s]/g, "")]);
      return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join("\n")}\n}\n`;
    })
    .join("\n");
}
