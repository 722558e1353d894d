/**
 * Which papers a subscription wants, decided in memory over the period's candidates.
 *
 * - Categories narrow: with any set, a paper must be in one of them (`cs` means every `cs.*`).
 * - Keywords, authors and organizations widen each other: with any of them set, a paper must
 *   match at least one (a keyword in the title, abstract or AI keywords; an author; an
 *   organization). With none set, every paper of the period qualifies.
 * - Matching ignores case and accents, and a term matches at the start of a word: `LLM` finds
 *   "LLMs", `diffusion` finds "diffusion-based", `Hinton` finds "Geoffrey E. Hinton".
 */
export interface DigestFilters {
  keywords: string[];
  authors: string[];
  organizations: string[];
  categories: string[];
}

export const NO_FILTERS: DigestFilters = { keywords: [], authors: [], organizations: [], categories: [] };

/** What the digest needs of a paper: text for the email and fields for the filters. */
export interface DigestPaper {
  id: number;
  arxivId: string | null;
  title: string;
  abstract: string | null;
  upvotes: number;
  /** In order; `authorCount` may be larger (feeds that give only a count). */
  authors: string[];
  authorCount: number;
  organization: { name: string; fullname: string | null } | null;
  categories: string[];
  aiKeywords: string[];
  githubRepo: string | null;
  projectPage: string | null;
  /** The featured day the paper is listed for in this period. */
  day: string;
}

export const MAX_FILTER_TERMS = 20;
export const MAX_FILTER_TERM_LENGTH = 100;
const CATEGORY = /^[a-z][a-z-]*(\.[a-z][a-z-]*)?$/i;

/** Terms from a text field (commas or new lines between them) or a list: trimmed, deduplicated, bounded. */
export function parseTerms(input: string | string[]): string[] {
  const raw = Array.isArray(input) ? input : input.split(/[,\n]/);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const term = r.replace(/\s+/g, " ").trim();
    if (!term) continue;
    const key = fold(term);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** An arXiv category as typed (`cs.LG`, `stat.ML`, `hep-th`, `cs` or `cs.*` for a whole archive), or null. */
export function normalizeCategory(term: string): string | null {
  const t = term.trim().replace(/\.\*$/, "");
  return CATEGORY.test(t) ? t : null;
}

export function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A paper's folded text, computed once per run rather than once per subscription. */
export interface PreparedPaper {
  paper: DigestPaper;
  text: string;
  authorWords: string[][];
  orgKeys: string[];
  orgWords: string[];
  categories: string[];
}

export function preparePaper(paper: DigestPaper): PreparedPaper {
  return {
    paper,
    text: fold([paper.title, paper.abstract ?? "", ...paper.aiKeywords].join("\n")),
    authorWords: paper.authors.map(words),
    orgKeys: paper.organization ? [fold(paper.organization.name), fold(paper.organization.fullname ?? "")].filter(Boolean) : [],
    orgWords: paper.organization ? [...words(paper.organization.name), ...words(paper.organization.fullname ?? "")] : [],
    categories: paper.categories.map((c) => c.toLowerCase()),
  };
}

/** Every word of the term starts some word of the name. */
function wordsPrefix(termWords: string[], nameWords: string[]): boolean {
  return termWords.length > 0 && termWords.every((t) => nameWords.some((w) => w.startsWith(t)));
}

/** A compiled filter set: a predicate over prepared papers. */
export function compileFilters(filters: DigestFilters): (p: PreparedPaper) => boolean {
  const keywords = filters.keywords.map((k) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegex(fold(k))}`, "u"));
  const authors = filters.authors.map(words).filter((w) => w.length);
  const orgs = filters.organizations.map((o) => ({ key: fold(o), words: words(o) }));
  const categories = filters.categories.map((c) => c.toLowerCase().replace(/\.\*$/, ""));
  const widening = keywords.length + authors.length + orgs.length > 0;

  return (p) => {
    if (categories.length && !categories.some((c) => p.categories.some((pc) => pc === c || (!c.includes(".") && pc.startsWith(`${c}.`)))))
      return false;
    if (!widening) return true;
    return (
      keywords.some((re) => re.test(p.text)) ||
      authors.some((a) => p.authorWords.some((name) => wordsPrefix(a, name))) ||
      orgs.some((o) => p.orgKeys.includes(o.key) || wordsPrefix(o.words, p.orgWords))
    );
  };
}

/** A stable key for a filter set, so subscriptions that share filters share the work. */
export function filterKey(filters: DigestFilters): string {
  const norm = (xs: string[]) => xs.map(fold).sort();
  return JSON.stringify([norm(filters.keywords), norm(filters.authors), norm(filters.organizations), norm(filters.categories)]);
}

export function hasFilters(filters: DigestFilters): boolean {
  return filters.keywords.length + filters.authors.length + filters.organizations.length + filters.categories.length > 0;
}
