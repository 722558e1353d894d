import path from "node:path";
import { SKLEARN_ENGLISH_STOP_WORDS } from "./anchor-stop-words";

/**
 * The anchor of `npm run eval:recs`: arxiv-sanity-lite's recommender as it ships (karpathy/arxiv-sanity-lite,
 * compute.py and serve.py / send_emails.py), replicated so that the evaluation runs it on the same papers and
 * protocol as ours, with no Python.
 *
 * - Features (compute.py): one text per paper, `' '.join([title, summary, ' '.join(author names)])`, through
 *   scikit-learn's `TfidfVectorizer(strip_accents='unicode', lowercase=True, analyzer='word',
 *   stop_words='english', token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2),
 *   max_features=20000, norm='l2', use_idf=True, smooth_idf=True, sublinear_tf=True, max_df=0.1, min_df=5)`,
 *   fitted on every paper, the matrix cast to float32.
 * - Model (serve.py `svm_rank`, C's default 0.01 there and in send_emails.py): `LinearSVC(class_weight='balanced',
 *   max_iter=10000, tol=1e-6, C=0.01)` fitted on every paper's features, the tagged papers positive and every
 *   other one negative; papers ranked by `decision_function`.
 *
 * Its figures were checked once against scikit-learn 1.2.1 itself (bench/README.md, "Quality"), and
 * lib/recs/anchor.test.ts pins the vectorizer and the SVM to scikit-learn's output on small inputs.
 */

/** The evaluation's 1,000 arXiv records (arXiv Atom; bench/fixtures/arxiv-metadata-2007-dev.README.md). */
export const evalFixture = path.resolve(import.meta.dirname, "fixtures/arxiv-metadata-2007-dev.xml");

/** arxiv-sanity-lite's compute.py defaults (`--num`, `--min_df`, `--max_df`). */
export const ASL_TFIDF = { maxFeatures: 20000, minDocs: 5, maxDfShare: 0.1 } as const;
/** arxiv-sanity-lite's serve.py `svm_rank`. */
export const ASL_SVM = { C: 0.01, tol: 1e-6, maxIter: 10000 } as const;

/** arxiv-sanity-lite's text of a paper (compute.py `make_corpus`). */
export function aslText(title: string, summary: string, authors: string[]): string {
  return [title, summary, authors.join(" ")].join(" ");
}

/**
 * scikit-learn's preprocessing: `str.lower()`, then `strip_accents_unicode` (NFKD, then every character whose
 * canonical combining class is not 0 dropped). JavaScript cannot read combining classes; nonspacing marks
 * (\p{Mn}) are the ones that have them, less a few (some Indic vowel signs have class 0 and are kept by
 * scikit-learn, dropped here). Python and JavaScript lower-case alike but for context-dependent rules that
 * touch no ASCII letter.
 */
export function preprocess(doc: string): string {
  const lower = doc.toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize("NFKD").replace(/\p{Mn}/gu, "");
}

/**
 * `(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b` as Python reads it: `\b` is a boundary between a word character (a Unicode
 * letter or number, or `_`: `str.isalnum()`) and anything else. JavaScript's `\b` knows ASCII only, hence the
 * lookarounds.
 */
const TOKEN = /(?<![\p{L}\p{N}_])[a-zA-Z_][a-zA-Z0-9_]+(?![\p{L}\p{N}_])/gu;

/** scikit-learn's word analyzer: tokens, English stop words out, then unigrams followed by bigrams. */
export function analyze(doc: string): string[] {
  const words: string[] = [];
  for (const m of preprocess(doc).matchAll(TOKEN)) if (!SKLEARN_ENGLISH_STOP_WORDS.has(m[0])) words.push(m[0]);
  const terms = [...words];
  for (let i = 0; i + 1 < words.length; i++) terms.push(`${words[i]} ${words[i + 1]}`);
  return terms;
}

/** A row of the tf-idf matrix: column indexes ascending, values as float32 (compute.py casts the matrix). */
export interface AnchorRow {
  idx: Int32Array;
  val: Float32Array;
}

export interface AnchorTfidf {
  /** Kept terms, sorted (a term's column is its index here), as `vectorizer.get_feature_names_out()`. */
  vocabulary: string[];
  /** Smooth idf of each column: ln((1 + n) / (1 + df)) + 1. */
  idf: Float64Array;
  /** One row per document, in input order. */
  rows: AnchorRow[];
}

export interface TfidfOptions {
  /** Most columns kept, by total count over the corpus (`max_features`). */
  maxFeatures: number;
  /** Columns in fewer documents are dropped (`min_df` as an int). */
  minDocs: number;
  /** Columns in more than this share of the documents are dropped (`max_df` as a float). */
  maxDfShare: number;
}

/** `TfidfVectorizer(...).fit_transform(docs)` with arxiv-sanity-lite's settings (or others), as float32. */
export function fitTransform(docs: string[], opts: TfidfOptions = ASL_TFIDF): AnchorTfidf {
  const counts = docs.map((d) => {
    const c = new Map<string, number>();
    for (const t of analyze(d)) c.set(t, (c.get(t) ?? 0) + 1);
    return c;
  });
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  for (const c of counts)
    for (const [t, n] of c) {
      df.set(t, (df.get(t) ?? 0) + 1);
      total.set(t, (total.get(t) ?? 0) + n);
    }
  const maxDocs = opts.maxDfShare * docs.length;
  // Python sorts str by code point; terms are ASCII, so the default sort agrees.
  let kept = [...df.keys()].filter((t) => df.get(t)! <= maxDocs && df.get(t)! >= opts.minDocs).sort();
  if (kept.length > opts.maxFeatures) {
    // scikit-learn takes the most frequent with an unstable argsort: ties at the cut are broken by term here.
    const best = new Set([...kept].sort((a, b) => total.get(b)! - total.get(a)! || (a < b ? -1 : 1)).slice(0, opts.maxFeatures));
    kept = kept.filter((t) => best.has(t));
  }
  if (kept.length === 0) throw new Error("After pruning, no terms remain");
  const column = new Map(kept.map((t, i) => [t, i]));
  const idf = Float64Array.from(kept, (t) => Math.log((1 + docs.length) / (1 + df.get(t)!)) + 1);
  const rows = counts.map((c) => {
    const cells = [...c].filter(([t]) => column.has(t)).map(([t, n]) => [column.get(t)!, n] as const);
    cells.sort((a, b) => a[0] - b[0]);
    const vals = cells.map(([j, n]) => (1 + Math.log(n)) * idf[j]);
    const norm = Math.sqrt(vals.reduce((s, v) => s + v * v, 0));
    return {
      idx: Int32Array.from(cells, ([j]) => j),
      val: Float32Array.from(vals, (v) => (norm > 0 ? v / norm : v)),
    };
  });
  return { vocabulary: kept, idf, rows };
}

/** A fitted LinearSVC: weights over the columns and the intercept. */
export interface AnchorSvm {
  w: Float64Array;
  b: number;
  /** Outer iterations of coordinate descent run (liblinear's `iter`). */
  iterations: number;
}

/**
 * scikit-learn's `LinearSVC(class_weight='balanced', C, tol, max_iter)` (penalty l2, loss squared_hinge, dual):
 * liblinear's dual coordinate descent with shrinking (`solve_l2r_l1l2_svc`, L2 loss). Each class's C is
 * C × n / (2 × its size); the intercept is a feature of value 1 (`intercept_scaling=1`), regularised like any
 * weight, as liblinear treats it. The problem is strictly convex, so the solution does not depend on the order
 * coordinates are visited in (liblinear's is random; this one is a fixed pseudo-random one).
 */
export function linearSvc(
  rows: AnchorRow[],
  positive: boolean[],
  dims: number,
  opts: { C: number; tol: number; maxIter: number } = ASL_SVM,
): AnchorSvm {
  const l = rows.length;
  const nPos = positive.filter(Boolean).length;
  if (nPos === 0 || nPos === l) throw new Error("need both classes");
  const cPos = (opts.C * l) / (2 * nPos);
  const cNeg = (opts.C * l) / (2 * (l - nPos));
  const y = positive.map((p) => (p ? 1 : -1));
  const diag = positive.map((p) => 0.5 / (p ? cPos : cNeg));
  const qd = rows.map((x, i) => diag[i] + x.val.reduce((s, v) => s + v * v, 0) + 1);
  const w = new Float64Array(dims);
  let b = 0;
  const alpha = new Float64Array(l);
  const index = Int32Array.from({ length: l }, (_, i) => i);
  let active = l;
  let pgMaxOld = Infinity;
  let seed = 0x2545f491;
  const rand = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  let iter = 0;
  while (iter < opts.maxIter) {
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let i = 0; i < active; i++) {
      const j = i + rand(active - i);
      [index[i], index[j]] = [index[j], index[i]];
    }
    for (let s = 0; s < active; s++) {
      const i = index[s];
      const x = rows[i];
      let wx = b;
      for (let k = 0; k < x.idx.length; k++) wx += w[x.idx[k]] * x.val[k];
      const g = y[i] * wx - 1 + alpha[i] * diag[i];
      let pg = 0;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          // Shrink: at its bound and likely to stay there.
          active--;
          [index[s], index[active]] = [index[active], index[s]];
          s--;
          continue;
        } else if (g < 0) pg = g;
      } else pg = g; // L2 loss: no upper bound
      pgMax = Math.max(pgMax, pg);
      pgMin = Math.min(pgMin, pg);
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.max(old - g / qd[i], 0);
        const d = (alpha[i] - old) * y[i];
        for (let k = 0; k < x.idx.length; k++) w[x.idx[k]] += d * x.val[k];
        b += d;
      }
    }
    iter++;
    if (pgMax - pgMin <= opts.tol) {
      if (active === l) break;
      active = l;
      pgMaxOld = Infinity;
      continue;
    }
    // (liblinear also keeps the smallest projected gradient, to shrink at the upper bound: L2 loss has none.)
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  return { w, b, iterations: iter };
}

/** `decision_function` for one row. */
export function decision(m: AnchorSvm, x: AnchorRow): number {
  let s = m.b;
  for (let k = 0; k < x.idx.length; k++) s += m.w[x.idx[k]] * x.val[k];
  return s;
}

/**
 * serve.py's `svm_rank` for one person: an SVM with `positives` (row indexes) against every other row, then
 * `candidates` best first (ties, which real scores do not have, by row).
 */
export function anchorRank(tfidf: AnchorTfidf, positives: Iterable<number>, candidates: number[]): number[] {
  const pos = new Set(positives);
  const m = linearSvc(
    tfidf.rows,
    tfidf.rows.map((_, i) => pos.has(i)),
    tfidf.vocabulary.length,
  );
  return candidates
    .map((i) => ({ i, s: decision(m, tfidf.rows[i]) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((r) => r.i);
}

/**
 * The "above the anchor" on one archive, for precision@10 (`p`) and nDCG@10 (`n`): a higher precision@10,
 * or the same (it moves in steps of 0.1) and a higher nDCG@10. Equal on both is not above.
 */
export function above(ours: { p: number; n: number }, anchor: { p: number; n: number }): boolean {
  const p = Math.round(ours.p * 10) - Math.round(anchor.p * 10);
  return p > 0 || (p === 0 && ours.n > anchor.n + 1e-9);
}
