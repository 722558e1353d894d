import { FeedParseError, type ParseItem, type ParsedOrganization, type ParsedPaper } from "../types";
import { collapseWhitespace, monthNumber, utcDateTime, utcDay } from "./text";

/*
 * A Hugging Face papers page copied as text. One element per line:
 *
 *   Title
 *   Abstract (one long line; may be missing)
 *     • 6 authors            or   MicrosoftResearch Microsoft Research
 *   ·
 *   Jun 18                   or   Dec 8, 2025   or   Mar 13 1   (1 = upvotes)
 *
 * The meta block is optional, and may sit on one line ("• 6 authors · Jun 18").
 */

const AUTHORS = /^•\s*(\d+)\s+authors?\b\s*(.*)$/i;
const DOT = /^·\s*(.*)$/;
const DATE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d+))?$/;
const HEADER = new Set([
  "new",
  "get trending papers in your email inbox!",
  "subscribe",
  "daily papers",
  "byak and the research community",
  "by ak and the research community",
]);

interface PageDate {
  raw: string;
  month: number;
  day: number;
  year?: number;
  upvotes?: number;
}

interface Meta {
  kind: "meta";
  authorCount?: number;
  organization?: ParsedOrganization;
  date?: PageDate;
}

type Unit = { kind: "text"; text: string } | Meta;

/** True when the text has the marks of a copied papers page (used by format detection). */
export function looksLikePageText(text: string): boolean {
  const lines = splitLines(text);
  return lines.some(
    (line, i) =>
      AUTHORS.test(line) || line.toLowerCase() === "daily papers" || (DOT.test(line) && !!dateOf(DOT.exec(line)![1] || lines[i + 1] || "")),
  );
}

export function* parseHfPageText(text: string, opts: { year: number }): Generator<ParseItem> {
  if (!Number.isInteger(opts.year) || opts.year < 1000 || opts.year > 9999) {
    throw new RangeError(`year must be a four-digit integer, got ${opts.year}`);
  }
  const { headerDate, sawHeader, units } = readUnits(splitLines(text));
  const items: ParseItem[] = [];
  let run: string[] = [];
  for (const unit of [...units, undefined]) {
    if (unit?.kind === "text") {
      run.push(unit.text);
      continue;
    }
    const papers = segment(run);
    run = [];
    papers.forEach((p, i) => {
      const meta = i === papers.length - 1 ? unit : undefined;
      items.push(toItem(p.title, p.abstract, meta, headerDate, opts.year));
    });
  }
  if (!items.length || (!sawHeader && !units.some((u) => u.kind === "meta"))) {
    throw new FeedParseError("No recognisable paper in the text: expected a copied Hugging Face papers page", "hf-page-text");
  }
  yield* items;
}

function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function dateOf(s: string): PageDate | undefined {
  const m = DATE.exec(s.trim());
  const month = m && monthNumber(m[1]);
  if (!m || !month) return undefined;
  return {
    raw: s.trim(),
    month,
    day: Number(m[2]),
    year: m[3] ? Number(m[3]) : undefined,
    upvotes: m[4] ? Number(m[4]) : undefined,
  };
}

function readUnits(lines: string[]) {
  const units: Unit[] = [];
  let headerDate: PageDate | undefined;
  let sawHeader = false;
  let i = 0;
  // The page header comes first: fixed strings and the day shown.
  for (; i < lines.length; i++) {
    const isHeader = HEADER.has(lines[i].toLowerCase());
    const date = dateOf(lines[i]);
    if (!isHeader && !date) break;
    if (isHeader) sawHeader = true;
    headerDate = date ?? headerDate;
  }
  const next = () => lines[i + 1] ?? "";
  for (; i < lines.length; i++) {
    const line = lines[i];
    const last = units[units.length - 1];
    let meta: Meta | undefined;
    let rest = "";
    const authors = AUTHORS.exec(line);
    const orgAndDate = splitOrgAndDate(line);
    if (authors) {
      meta = { kind: "meta", authorCount: Number(authors[1]) };
      rest = authors[2].replace(/^·\s*/, "");
      if (!rest && DOT.test(next())) rest = DOT.exec(lines[++i])![1];
    } else if (DOT.test(line)) {
      meta = { kind: "meta" };
      // The line before a lone "·" is the organization ("handle Display Name").
      if (last?.kind === "text") {
        units.pop();
        meta.organization = organization(last.text);
      }
      rest = DOT.exec(line)![1];
    } else if (orgAndDate && dateOf(orgAndDate[2])) {
      meta = { kind: "meta", organization: organization(orgAndDate[1]) };
      rest = orgAndDate[2];
    } else if (dateOf(line) && last?.kind === "text") {
      meta = { kind: "meta" };
      rest = line;
    } else if (/^\d+$/.test(line) && last?.kind === "meta" && last.date && last.date.upvotes === undefined) {
      last.date.upvotes = Number(line);
      continue;
    }
    if (!meta) {
      units.push({ kind: "text", text: line });
      continue;
    }
    if (!rest && dateOf(next())) rest = lines[++i];
    meta.date = dateOf(rest);
    units.push(meta);
  }
  return { headerDate, sawHeader, units };
}

const SPACE = /\s/;
// What `.` does not match.
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

/**
 * "MicrosoftResearch Microsoft Research · Dec 8, 2025" split at its first " · ": the same
 * groups as `/^(.+?)\s+·\s+(.+)$/.exec(line)` (null when that finds nothing), found by
 * one pass over the dots. The regex retried a run of spaces from each of its characters,
 * which is quadratic on "a", 100,000 spaces, "b".
 */
export function splitOrgAndDate(line: string): [whole: string, org: string, date: string] | null {
  // Neither part may hold a line terminator (the spaces around the dot may).
  let firstTerminator = Infinity;
  let lastTerminator = -1;
  for (const m of line.matchAll(LINE_TERMINATOR)) {
    firstTerminator = Math.min(firstTerminator, m.index);
    lastTerminator = m.index;
  }
  for (let dot = line.indexOf("·"); dot >= 0; dot = line.indexOf("·", dot + 1)) {
    // The organization ends where the run of spaces before the dot starts (and has a character).
    let end = dot;
    while (end > 0 && SPACE.test(line[end - 1])) end--;
    end = Math.max(end, 1);
    if (end >= dot) continue;
    if (firstTerminator < end) return null; // every later split keeps it in the organization too
    // The date starts after the run of spaces behind the dot, keeping at least one character.
    let start = dot + 1;
    while (start < line.length && SPACE.test(line[start])) start++;
    if (start === line.length) start--;
    if (start <= dot + 1 || lastTerminator >= start) continue;
    return [line, line.slice(0, end), line.slice(start)];
  }
  return null;
}

function organization(line: string): ParsedOrganization {
  const [name, ...fullname] = line.split(/\s+/);
  return fullname.length ? { name, fullname: fullname.join(" ") } : { name };
}

/**
 * Splits the lines between two meta blocks into papers of a title and an optional
 * abstract. Titles are short and abstracts long, so where an abstract is missing the
 * split that keeps long lines as abstracts wins (a small dynamic programme).
 */
function segment(lines: string[]): { title: string; abstract: string | null }[] {
  const titleCost = (s: string) => (s.length > 300 ? 5 : s.length > 200 ? 1 : 0);
  const abstractCost = (s: string) => (s.length < 100 ? 2 : 0);
  const missingAbstract = 1.5;
  const best: { cost: number; size: number }[] = [{ cost: 0, size: 0 }];
  for (let i = 1; i <= lines.length; i++) {
    best[i] = { cost: best[i - 1].cost + titleCost(lines[i - 1]) + missingAbstract, size: 1 };
    if (i >= 2) {
      const paired = best[i - 2].cost + titleCost(lines[i - 2]) + abstractCost(lines[i - 1]);
      if (paired <= best[i].cost) best[i] = { cost: paired, size: 2 };
    }
  }
  const papers: { title: string; abstract: string | null }[] = [];
  for (let i = lines.length; i > 0; i -= best[i].size) {
    const size = best[i].size;
    papers.unshift({ title: lines[i - size], abstract: size === 2 ? lines[i - 1] : null });
  }
  return papers;
}

function toItem(
  rawTitle: string,
  rawAbstract: string | null,
  meta: Meta | undefined,
  headerDate: PageDate | undefined,
  year: number,
): ParseItem {
  const title = collapseWhitespace(rawTitle);
  const paper: ParsedPaper = {
    arxivId: null,
    title,
    abstract: rawAbstract ? collapseWhitespace(rawAbstract) : null,
    authors: [],
    publishedAt: null,
    featured: null,
  };
  if (meta?.authorCount !== undefined) paper.authorCount = meta.authorCount;
  if (meta?.organization) paper.organization = meta.organization;
  const date = meta?.date;
  if (date) {
    const at = utcDateTime(date.year ?? year, date.month, date.day);
    if (!at) return { kind: "rejected", rejection: { ref: title, reason: `impossible date "${date.raw}"` } };
    paper.publishedAt = at;
    paper.featured = { day: utcDay(at), featuredAt: at };
    if (date.upvotes !== undefined) paper.upvotes = date.upvotes;
  } else if (headerDate) {
    const at = utcDateTime(headerDate.year ?? year, headerDate.month, headerDate.day);
    if (at) paper.featured = { day: utcDay(at), featuredAt: at };
  }
  return { kind: "paper", paper };
}
