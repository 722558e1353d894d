// Web-style search syntax -> a plan that Postgres turns into a tsquery (see tsquerySql).
//
//   deep learning          deep & learning
//   "neural radiance"      the phrase, words in order
//   -survey  -"a b"        excluded word / phrase
//   a or b   a OR b  a | b either (OR binds tighter than the implicit AND, as on Google)
//
// Each word and phrase becomes lexemes in Postgres, by phraseto_tsquery with the configuration
// that built the stored vectors: the query meets the documents' own tokens (`Fara-2.5` is
// `fara` then `-2.5`, `k-NN` is `k-nn`, `k`, `nn`, `Qwen2.5-VL` one token), which a parser of
// our own could only imitate.
//
// Safety contract: user text reaches SQL only as bound parameters (phraseto_tsquery's
// argument), never in the statement's text nor in tsquery syntax; the statement's shape
// depends only on how many words and groups the query has.

export type QueryItem = {
  /** The word or phrase as typed (NFKC), without its leading `-`. */
  text: string;
  negated: boolean;
  quoted: boolean;
  /** Match its lexemes as prefixes (search as you type). */
  prefix: boolean;
};

/**
 * Conjuncts of OR groups of words and phrases; `text` is the positive words, for known-item
 * ranking, and `textIsPrefix` says that its last word is still being typed.
 */
export type SearchQuery = { groups: QueryItem[][]; text: string; textIsPrefix?: boolean };

export type ParsedQuery = {
  /** For searchPapers / searchPaperList (compiled to a tsquery in SQL by tsquerySql). */
  tsquery: SearchQuery;
  /** Positive words, lower-cased, deduped, in input order (for highlighting; not stemmed). */
  terms: string[];
};

export type ParseOptions = {
  /** Search-as-you-type: match the last positive unquoted word as a prefix. */
  prefixLast?: boolean;
};

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 16;
/** The text-search configuration of the stored vectors (paper_search_vector in prisma/migrations). */
export const SEARCH_CONFIG = "english";

type Token = QueryItem | "or";

/** Lower-cased runs of letters/marks/digits: to count a word's terms and to highlight. */
function toLexemes(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

// Optional "-" then a quoted phrase (closing quote optional), a bare "|", or a bare word.
const TOKEN = /(-)?"([^"]*)"?|(\|)|([^\s"|]+)/gu;

function tokenize(input: string): { tokens: Token[]; terms: string[] } {
  const tokens: Token[] = [];
  const terms: string[] = [];
  let budget = MAX_QUERY_TERMS;
  for (const m of input.matchAll(TOKEN)) {
    if (budget === 0) break;
    const [, phraseNeg, phrase, pipe, word] = m;
    if (pipe !== undefined || (word !== undefined && /^or$/i.test(word))) {
      tokens.push("or");
      continue;
    }
    const quoted = phrase !== undefined;
    const negated = quoted ? phraseNeg !== undefined : word!.startsWith("-");
    let text = (quoted ? phrase : word!.replace(/^-+/, "")).replace(/\s+/gu, " ").trim();
    let lexemes = toLexemes(text);
    if (lexemes.length === 0) continue;
    if (lexemes.length > budget) {
      // Truncating a negated phrase would widen what it excludes, so drop it instead.
      if (negated) break;
      lexemes = lexemes.slice(0, budget);
      text = lexemes.join(" ");
    }
    budget -= lexemes.length;
    if (!negated) terms.push(...lexemes);
    tokens.push({ text, negated, quoted, prefix: false });
  }
  return { tokens, terms };
}

/** Conjuncts of OR groups; a dangling `or` (leading, trailing, doubled) is ignored. */
function group(tokens: Token[]): QueryItem[][] {
  const groups: QueryItem[][] = [];
  let pendingOr = false;
  for (const t of tokens) {
    if (t === "or") {
      pendingOr = groups.length > 0;
    } else {
      if (pendingOr) groups[groups.length - 1].push(t);
      else groups.push([t]);
      pendingOr = false;
    }
  }
  return groups;
}

/**
 * Reads `input` (first 200 characters, first 16 terms) as a query. Returns null when nothing
 * usable remains or when every conjunct is negative (a pure exclusion would match nearly
 * every paper); the caller then asks for some words.
 */
export function parseSearchQuery(input: string, opts: ParseOptions = {}): ParsedQuery | null {
  if (typeof input !== "string") return null;
  // Two UTF-16 units hold any code point, so the first 400 hold the first 200 code points:
  // a 200 KB query is not split into an array of 200,000 characters to keep 200.
  const { tokens, terms } = tokenize(
    Array.from(input.slice(0, 2 * MAX_QUERY_CHARS))
      .slice(0, MAX_QUERY_CHARS)
      .join("")
      // Control characters and lone surrogates separate words (Postgres refuses NUL).
      .replace(/[\p{Cc}\p{Cs}]/gu, " ")
      .normalize("NFKC"),
  );
  const items = tokens.filter((t): t is QueryItem => t !== "or");

  if (opts.prefixLast) {
    const last = items.findLast((i) => !i.negated && !i.quoted);
    if (last) last.prefix = true;
  }

  const all = group(tokens);
  if (!all.some((g) => g.every((i) => !i.negated))) return null;

  const seen = new Set<string>();
  const groups = all.filter((g) => {
    const key = JSON.stringify(g);
    return !seen.has(key) && seen.add(key);
  });
  const positive = items.filter((i) => !i.negated);
  const text = positive.map((i) => i.text).join(" ");
  const textIsPrefix = positive.at(-1)?.prefix ?? false;
  return { tsquery: { groups, text, ...(textIsPrefix ? { textIsPrefix } : {}) }, terms: [...new Set(terms)] };
}

/** Whether the query excludes anything (a title match must then be checked against the whole paper). */
export function hasExclusions(q: SearchQuery): boolean {
  return q.groups.some((g) => g.some((i) => i.negated));
}

/**
 * Every lexeme of a tsquery made a prefix (`'a' <-> 'b'` -> `'a':* <-> 'b':*`), by rewriting
 * Postgres's own text form of it, where each lexeme is quoted with '' for a quote inside.
 */
const prefixed = (x: string) =>
  `(CASE WHEN numnode(${x}) = 0 THEN ${x} ELSE regexp_replace(${x}::text, '''((?:[^'']|'''')*)''', '''\\1'':*', 'g')::tsquery END)`;

/**
 * SQL for the query's tsquery. Its words are never in the text: `wordArray` is an SQL expression of
 * type text[] that the caller binds to `params` (one array parameter), and word i is read as
 * `wordArray[i]`, so the statement's text depends only on the query's shape. A word is phraseto_tsquery of the word, so a hyphenated name is the
 * name and its parts in a row, as in the document (`k-nn`, `k`, `nn`). A hyphenated word
 * also matches its parts alone in a row (`Qwen3-Coder` in `Qwen3-Coder-Next`, a different
 * compound). A lone word with a digit (`Qwen2.5`) is also a prefix, since a name's longer
 * forms (`Qwen2.5-VL`) are single tokens. A version typed apart (`Llama 3.1`, `3.1-8B`) also
 * matches the signed number Postgres stores after a hyphen.
 */
export function tsquerySql(q: SearchQuery, wordArray: string): { sql: string; params: string[] } {
  const params: string[] = [];
  const item = (i: QueryItem) => {
    params.push(i.text);
    // search_text (prisma/migrations): the visible words of math markup, as in the stored vectors.
    const p = `search_text((${wordArray})[${params.length}])`;
    const words = `phraseto_tsquery('${SEARCH_CONFIG}', ${p})`;
    if (i.quoted) return i.negated ? `(!! ${words})` : words;
    const parts = `phraseto_tsquery('${SEARCH_CONFIG}', translate(${p}, '-', ' '))`;
    const whole = i.prefix
      ? prefixed(words)
      : `(CASE WHEN numnode(${words}) = 1 AND ${p} ~ '[0-9]' THEN ${prefixed(words)} ELSE ${words} END)`;
    // After a word, Postgres reads a hyphen and a number as a signed number (Llama-3.1-8B is
    // llama, -3.1, -8, b): a number (or a version such as 3.1-8B) also matches that form.
    const signed = `phraseto_tsquery('${SEARCH_CONFIG}', '-' || ${p})`;
    const sql = `(${whole} || (CASE WHEN strpos(${p}, '-') > 1 THEN ${i.prefix ? prefixed(parts) : parts} ELSE ''::tsquery END)
                           || (CASE WHEN ${p} ~ '^[0-9][0-9.]*(-|$)' THEN ${i.prefix ? prefixed(signed) : signed} ELSE ''::tsquery END))`;
    return i.negated ? `(!! ${sql})` : sql;
  };
  const sql = q.groups.map((g) => (g.length === 1 ? item(g[0]) : `(${g.map(item).join(" || ")})`)).join(" && ");
  return { sql: sql || `''::tsquery`, params };
}
