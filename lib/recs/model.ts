import { FEATURES, type TermVector } from "@/lib/recs/text";

/**
 * The recommender's arithmetic, pure and synchronous: tf-idf vectors from stored term vectors,
 * a per-person linear model, and scores. No I/O, so the evaluation, the job and the benchmark
 * run exactly this code.
 */

/** A sparse, l2-normalised tf-idf vector. */
export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

/** Document frequencies of the features over the whole collection. */
export interface Corpus {
  /** Papers counted. */
  n: number;
  /** Papers holding each feature (dense, FEATURES long). */
  df: Int32Array;
  /** idf of every feature, computed once when first needed (cleared when the counts change). */
  idfs?: Float32Array;
}

/** Features in fewer papers than this are left out: a word in one paper says nothing about the next. */
export const MIN_DF = 2;

export function emptyCorpus(): Corpus {
  return { n: 0, df: new Int32Array(FEATURES) };
}

export function addToCorpus(corpus: Corpus, t: TermVector, sign: 1 | -1 = 1) {
  corpus.idfs = undefined;
  corpus.n += sign;
  for (const f of t.idx) corpus.df[f] += sign;
}

/** sklearn's smooth idf: ln((1 + n) / (1 + df)) + 1. */
export function idf(corpus: Corpus, f: number): number {
  return Math.log((1 + corpus.n) / (1 + corpus.df[f])) + 1;
}

export function vectorize(t: TermVector, corpus: Corpus, maxDfShare = 1): SparseVec {
  const idx: number[] = [];
  const val: number[] = [];
  const maxDf = Math.max(MIN_DF, corpus.n * maxDfShare);
  const idfs = (corpus.idfs ??= Float32Array.from(corpus.df, (_, f) => idf(corpus, f)));
  let norm = 0;
  for (let i = 0; i < t.idx.length; i++) {
    const f = t.idx[i];
    const df = corpus.df[f];
    if (df < MIN_DF || df > maxDf) continue;
    const v = t.tf[i] * idfs[f];
    idx.push(f);
    val.push(v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  return { idx: Int32Array.from(idx), val: Float32Array.from(val, (v) => v / norm) };
}

/**
 * vectorize() for a vector as stored: its feature and tf arrays in Postgres's binary array form
 * (array_send: a 20-byte header, then each element as a 4-byte length and a 4-byte big-endian
 * value). One pass straight into typed arrays: reading people's positives is the bulk of an
 * arrival job.
 */
export function vectorizeBinary(idxBuf: Uint8Array, tfBuf: Uint8Array, corpus: Corpus, maxDfShare = 1): SparseVec {
  const n = binaryLength(idxBuf);
  if (binaryLength(tfBuf) !== n) throw new Error("feature and tf arrays differ in length");
  const iv = new DataView(idxBuf.buffer, idxBuf.byteOffset, idxBuf.byteLength);
  const tv = new DataView(tfBuf.buffer, tfBuf.byteOffset, tfBuf.byteLength);
  const idfs = (corpus.idfs ??= Float32Array.from(corpus.df, (_, f) => idf(corpus, f)));
  const maxDf = Math.max(MIN_DF, corpus.n * maxDfShare);
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let k = 0;
  let norm = 0;
  for (let i = 0, off = 24; i < n; i++, off += 8) {
    const f = iv.getInt32(off);
    if (f < 0 || f >= FEATURES) continue;
    const df = corpus.df[f];
    if (df < MIN_DF || df > maxDf) continue;
    const v = tv.getFloat32(off) * idfs[f];
    idx[k] = f;
    val[k++] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < k; i++) val[i] /= norm;
  return { idx: idx.slice(0, k), val: val.slice(0, k) };
}

/** Elements of a one-dimensional binary array of 4-byte values without NULLs (checked). */
function binaryLength(buf: Uint8Array): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 12 || view.getInt32(0) === 0) return 0;
  if (view.getInt32(0) !== 1 || buf.byteLength < 20) throw new Error("expected a one-dimensional array");
  const n = view.getInt32(12);
  if (20 + n * 8 !== buf.byteLength) throw new Error("expected 4-byte elements without NULLs");
  return n;
}

export function dot(w: Float32Array, x: SparseVec): number {
  let s = 0;
  for (let i = 0; i < x.idx.length; i++) s += w[x.idx[i]] * x.val[i];
  return s;
}

export function cosine(a: SparseVec, b: SparseVec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) s += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return s;
}

/** A person's model: dense weights over the features and a bias. */
export interface LinearModel {
  w: Float32Array;
  b: number;
}

/** Rocchio: the mean of the positives, less `beta` times the mean of the negatives. */
export function centroid(pos: SparseVec[], neg: SparseVec[] = [], beta = 0, w = new Float32Array(FEATURES)): LinearModel {
  w.fill(0);
  for (const x of pos) for (let i = 0; i < x.idx.length; i++) w[x.idx[i]] += x.val[i] / pos.length;
  if (beta > 0 && neg.length > 0) for (const x of neg) for (let i = 0; i < x.idx.length; i++) w[x.idx[i]] -= (beta * x.val[i]) / neg.length;
  return { w, b: 0 };
}

export function score(m: LinearModel, x: SparseVec): number {
  return dot(m.w, x) + m.b;
}
