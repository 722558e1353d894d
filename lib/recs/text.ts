/**
 * Words of a paper for recommendations: title and abstract, lower-cased, accents and LaTeX
 * commands dropped, English stop words out, a light plural stem, each word cut to its first
 * PREFIX letters (so "gravity" and "gravitational", "cosmology" and "cosmological" count as one),
 * then unigrams and the bigrams of neighbouring kept words (as arxiv-sanity-lite's tf-idf does).
 * Linear in the input.
 */

/**
 * Bumped whenever the terms a text gives change: stored term vectors of another version are
 * recomputed (lib/recs/compute.ts ensurePaperTerms), as are the recommendations made from them.
 */
export const TERMS_VERSION = 2;

/** Words are cut to this many letters: truncation stemming, as measured by `npm run eval:recs`. */
export const PREFIX = 6;

/** Terms are hashed into this many features (2^20: collisions are rare at a few hundred thousand terms). */
export const FEATURE_BITS = 20;
export const FEATURES = 1 << FEATURE_BITS;

// sklearn's English stop words, less a few that carry meaning in titles ("system", "bottom", …).
const STOP = new Set(
  (
    "a about above across after afterwards again against all almost alone along already also although always am among amongst " +
    "an and another any anyhow anyone anything anyway anywhere are around as at be became because become becomes becoming " +
    "been before beforehand behind being below beside besides between beyond both but by can cannot could de describe do " +
    "done down due during each eg either else elsewhere enough etc even ever every everyone everything everywhere except few " +
    "for former formerly from further get give given go had has hasnt have he hence her here hereafter hereby herein " +
    "hereupon hers herself him himself his how however i ie if in indeed interest into is it its itself just keep last latter " +
    "latterly least less made many may me meanwhile might mine more moreover most mostly much must my myself namely neither " +
    "never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other " +
    "others otherwise our ours ourselves out over own per perhaps please put rather re same see seem seemed seeming seems " +
    "several she should show shown shows since so some somehow someone something sometime sometimes somewhere still such " +
    "than that the their them themselves then thence there thereafter thereby therefore therein thereupon these they this " +
    "those though through throughout thru thus to together too toward towards un under until up upon us use used using very " +
    "via was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever " +
    "whether which while whither who whoever whole whom whose why will with within without would yet you your yours yourself " +
    "yourselves paper present presents study studied results result new based approach method methods propose proposed " +
    "obtain obtained find found also work consider considered"
  ).split(" "),
);

/** A light stem: "models" → "model", "studies" → "study"; leaves "class", "analysis" alone. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Text as search engines read it: LaTeX commands, `$` and braces out, accents folded, lower case. */
export function plainText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\\[a-zA-Z]+/g, " ")
    .toLowerCase();
}

/** A kept word: its term (stemmed and cut to PREFIX letters) and the word as shown in reasons. */
export interface Token {
  term: string;
  word: string;
}

/** The kept words of a text, in order (stop words and one-letter words out). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of plainText(text).matchAll(/[a-z_][a-z0-9_]+/g)) {
    const w = m[0];
    if (w.length > 40 || STOP.has(w)) continue;
    const word = stem(w);
    out.push({ term: word.slice(0, PREFIX), word });
  }
  return out;
}

/** The terms of a text, in order. */
export function words(text: string): string[] {
  return tokens(text).map((t) => t.term);
}

/**
 * Unigrams and bigrams of neighbouring kept words, each with its count and the words it was read
 * from (the first time), for reasons.
 */
export function termCounts(text: string, times = 1, counts = new Map<string, { n: number; shown: string }>()) {
  const ts = tokens(text);
  const add = (term: string, shown: string) => {
    const c = counts.get(term);
    if (c) c.n += times;
    else counts.set(term, { n: times, shown });
  };
  for (let i = 0; i < ts.length; i++) {
    add(ts[i].term, ts[i].word);
    if (i > 0) add(`${ts[i - 1].term} ${ts[i].term}`, `${ts[i - 1].word} ${ts[i].word}`);
  }
  return counts;
}

/** FNV-1a, 32 bits, folded to the feature space: a term's feature index. */
export function featureOf(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURES - 1);
}

/** A paper's text features: sorted feature indexes and their sublinear term frequencies (1 + ln tf). */
export interface TermVector {
  idx: number[];
  tf: number[];
}

export function paperTerms(title: string, abstract: string | null): TermVector {
  // The title counts twice: it is the paper's own summary of itself. No bigram spans title and abstract.
  const counts = termCounts(title, 2);
  termCounts(abstract ?? "", 1, counts);
  const byFeature = new Map<number, number>();
  for (const [term, { n }] of counts) {
    const f = featureOf(term);
    byFeature.set(f, (byFeature.get(f) ?? 0) + n);
  }
  const idx = [...byFeature.keys()].sort((a, b) => a - b);
  return { idx, tf: idx.map((f) => 1 + Math.log(byFeature.get(f)!)) };
}
