// Web-style search syntax -> a Postgres tsquery string, meant for `to_tsquery('english', $1)`.
//
//   deep learning          'deep' & 'learning'
//   "neural radiance"      'neural' <-> 'radiance'
//   -survey  -"a b"        !'survey'   !('a' <-> 'b')
//   a or b   a OR b  a | b 'a' | 'b'   (OR binds tighter than the implicit AND, as on Google)
//
// Safety contract: user text reaches the output only as lexemes made of Unicode letters,
// marks and digits, each wrapped in single quotes; every operator in the output is ours.
// Stemming and stop words are left to Postgres.

export type ParsedQuery = {
  /** Argument for `to_tsquery('english', $1)`. */
  tsquery: string;
  /** Positive lexemes, deduped, in input order (for highlighting; not stemmed). */
  terms: string[];
};

export type ParseOptions = {
  /** Search-as-you-type: match the last positive unquoted word as a prefix (`'lear':*`). */
  prefixLast?: boolean;
};

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 16;

type Item = { lexemes: string[]; negated: boolean; quoted: boolean; prefix: boolean };
type Token = Item | "or";

/** Lower-cased runs of letters/marks/digits; everything else separates. */
function toLexemes(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

// Optional "-" then a quoted phrase (closing quote optional), a bare "|", or a bare word.
const TOKEN = /(-)?"([^"]*)"?|(\|)|([^\s"|]+)/gu;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
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
    let lexemes = toLexemes(quoted ? phrase : word!);
    if (lexemes.length === 0) continue;
    if (lexemes.length > budget) {
      // Truncating a negated phrase would widen what it excludes, so drop it instead.
      if (negated) break;
      lexemes = lexemes.slice(0, budget);
    }
    budget -= lexemes.length;
    tokens.push({ lexemes, negated, quoted, prefix: false });
  }
  return tokens;
}

/** Conjuncts of OR groups; a dangling `or` (leading, trailing, doubled) is ignored. */
function group(tokens: Token[]): Item[][] {
  const groups: Item[][] = [];
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

function renderItem(item: Item, nested: boolean): string {
  const last = item.lexemes.length - 1;
  const body = item.lexemes.map((l, i) => `'${l}'${item.prefix && i === last ? ":*" : ""}`).join(" <-> ");
  const wrapped = last > 0 && (nested || item.negated) ? `(${body})` : body;
  return item.negated ? `!${wrapped}` : wrapped;
}

/**
 * Compiles `input` (first 200 characters, first 16 lexemes) to a tsquery. Returns null when
 * nothing usable remains or when every conjunct is negative (a pure exclusion would match
 * nearly every paper); the caller then asks for some words.
 */
export function parseSearchQuery(input: string, opts: ParseOptions = {}): ParsedQuery | null {
  if (typeof input !== "string") return null;
  // Two UTF-16 units hold any code point, so the first 400 hold the first 200 code points:
  // a 200 KB query is not split into an array of 200,000 characters to keep 200.
  const tokens = tokenize(
    Array.from(input.slice(0, 2 * MAX_QUERY_CHARS))
      .slice(0, MAX_QUERY_CHARS)
      .join(""),
  );
  const items = tokens.filter((t): t is Item => t !== "or");

  if (opts.prefixLast) {
    const last = items.findLast((i) => !i.negated && !i.quoted);
    if (last) last.prefix = true;
  }

  const groups = group(tokens);
  if (!groups.some((g) => g.every((i) => !i.negated))) return null;

  const nested = groups.length > 1;
  const parts = groups.map((g) =>
    g.length === 1 ? renderItem(g[0], nested) : `${nested ? "(" : ""}${g.map((i) => renderItem(i, true)).join(" | ")}${nested ? ")" : ""}`,
  );
  const terms = items.filter((i) => !i.negated).flatMap((i) => i.lexemes);
  return { tsquery: [...new Set(parts)].join(" & "), terms: [...new Set(terms)] };
}
