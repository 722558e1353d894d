import type { PrismaClient } from "@/lib/generated/prisma/client";
import { centroid, dot, emptyCorpus, score, vectorizeBinary, type Corpus, type LinearModel, type SparseVec } from "@/lib/recs/model";
import { featureOf, FEATURES, paperTerms, termCounts, TERMS_VERSION } from "@/lib/recs/text";

/**
 * Computing recommendations, run by the job worker (lib/jobs/worker.ts), the evaluation and the
 * benchmark; never in a request. A person's model is the Rocchio centroid of their positives
 * (upvoted and saved papers) less half the centroid of their "Not interested" papers; each
 * candidate (a paper featured in the last WINDOW_DAYS featured days) that shares words with it
 * scores its dot product with it, less its dot product with the mean of all the candidates (what
 * every paper of the window is about says nothing about one person).
 */

/** Featured days (the latest and those before it) whose papers are candidates. */
export const WINDOW_DAYS = 7;
/** Rows kept per person and featured day: enough for a page of the day and the week's top. */
export const KEEP_PER_DAY = 100;
/** Fewer positive signals than this and /for-you shows trending instead. */
export const MIN_SIGNALS = 3;
/** Weight of the "Not interested" centroid subtracted from the positives' (Rocchio's beta). */
export const NEGATIVE_WEIGHT = 0.5;
/** Weight of the candidates' mean subtracted from a person's model (the background). */
export const BACKGROUND_WEIGHT = 1;
/** Cosine with an upvoted or saved paper from which the reason names it ("like …"). */
const LIKE_THRESHOLD = 0.12;
/** Papers of each day, best first, whose reason may name a paper; the rest say the words that matched. */
const LIKE_REASONS_PER_DAY = 30;

/** Writes of a batch may wait on a busy server: Prisma's 5 s default is too short under load. */
const LONG_TX = { timeout: 120_000, maxWait: 30_000 };

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw" | "$queryRawUnsafe" | "$executeRawUnsafe" | "$transaction">;

/** A stored term vector as read: its two arrays in Postgres's binary form (array_send), in base64. */
interface TermRow {
  paper_id: number;
  idx: string;
  tf: string;
}

/**
 * The columns of a term vector for reading: base64 of the binary arrays moves and decodes in about
 * a third of the time of Postgres's text arrays (measured on 25,000 vectors), and reading the
 * positives' vectors is most of what an arrival job waits for.
 */
const TERM_COLUMNS = (t: string) => `encode(array_send(${t}.idx), 'base64') AS idx, encode(array_send(${t}.tf), 'base64') AS tf`;

/** Papers tokenised, then written in one transaction: their rows and one upsert of their document frequencies. */
const TERMS_BATCH = 20_000;
/** Rows a statement within it. */
const TERMS_SLICE = 2_000;

/**
 * Term vectors for the papers that have none yet (new ones, or all of them after the migration or
 * a change of the words), with the document frequencies moved in the same transaction. Returns
 * their ids. A batch is read and tokenised first, outside any transaction; then its rows are
 * inserted a slice a statement and its document frequencies added in one upsert, counted in this
 * process from the rows the inserts report as new, so two workers computing the same papers at
 * once cannot count them twice. rec_df has a row per feature (up to 2^20): upserting once per
 * TERMS_BATCH papers rather than once per slice is most of what makes the one-time backfill cheap.
 */
export async function ensurePaperTerms(prisma: Db, batch = TERMS_BATCH): Promise<number[]> {
  await resetOutdatedTerms(prisma);
  const done: number[] = [];
  // A cursor on the primary key: each batch starts where the last ended (linear, however many).
  for (let after = 0; ;) {
    const rows = await prisma.$queryRaw<{ id: number; title: string; abstract: string | null }[]>`
      SELECT p.id, p.title, p.abstract FROM papers p
      WHERE p.id > ${after} AND NOT EXISTS (SELECT 1 FROM rec_paper_terms t WHERE t.paper_id = p.id)
      ORDER BY p.id LIMIT ${batch}`;
    if (rows.length === 0) return done;
    after = rows[rows.length - 1].id;
    const terms = new Map(rows.map((r) => [r.id, paperTerms(r.title, r.abstract)]));
    await prisma.$transaction(async (tx) => {
      const df = new Int32Array(FEATURES);
      for (let i = 0; i < rows.length; i += TERMS_SLICE) {
        const ids = rows.slice(i, i + TERMS_SLICE).map((r) => r.id);
        const vecs = ids.map((id) => terms.get(id)!);
        // Vectors travel as array literals in one text[] each (Postgres parses these far faster than JSON).
        const inserted = await tx.$queryRawUnsafe<{ paper_id: number }[]>(
          `INSERT INTO rec_paper_terms (paper_id, idx, tf)
           SELECT id, i::int[], v::real[] FROM unnest($1::int[], $2::text[], $3::text[]) AS r(id, i, v)
           ON CONFLICT (paper_id) DO NOTHING
           RETURNING paper_id`,
          ids,
          vecs.map((t) => `{${t.idx.join(",")}}`),
          vecs.map((t) => `{${t.tf.map((x) => Math.round(x * 1e4) / 1e4).join(",")}}`),
        );
        for (const { paper_id } of inserted) for (const f of terms.get(paper_id)!.idx) df[f]++;
      }
      // In feature order, so two workers' upserts take their row locks in the same order.
      const features: number[] = [];
      const counts: number[] = [];
      for (let f = 0; f < FEATURES; f++) {
        if (df[f] === 0) continue;
        features.push(f);
        counts.push(df[f]);
      }
      await tx.$executeRawUnsafe(
        `INSERT INTO rec_df (feature, df) SELECT f, n FROM unnest($1::int[], $2::int[]) AS x(f, n)
         ON CONFLICT (feature) DO UPDATE SET df = rec_df.df + excluded.df`,
        features,
        counts,
      );
    }, LONG_TX);
    done.push(...rows.map((r) => r.id));
  }
}

/** rec_df's row holding the TERMS_VERSION the stored term vectors were made with (features are ≥ 0). */
const VERSION_ROW = -1;

async function termsVersion(prisma: Db): Promise<number> {
  const [row] = await prisma.$queryRaw<{ df: number }[]>`SELECT df FROM rec_df WHERE feature = ${VERSION_ROW}`;
  // No row: vectors from before versions were kept (version 1), or none at all (the same work).
  return row?.df ?? 1;
}

/**
 * Term vectors made by another version of lib/recs/text.ts are dropped, with their document
 * frequencies, and every person and list is marked stale, so the backfill that follows (and the
 * recomputations) use the current words. Once, under a lock, whichever worker comes first.
 */
async function resetOutdatedTerms(prisma: Db): Promise<void> {
  if ((await termsVersion(prisma)) === TERMS_VERSION) return;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rec_terms_version'))`;
    if ((await termsVersion(tx)) === TERMS_VERSION) return;
    await tx.$executeRaw`TRUNCATE rec_paper_terms, rec_df`;
    await tx.$executeRaw`INSERT INTO rec_df (feature, df) VALUES (${VERSION_ROW}, ${TERMS_VERSION})`;
    await tx.$executeRaw`UPDATE rec_profiles SET stale_at = now() WHERE stale_at IS NULL AND paused_at IS NULL`;
    await tx.$executeRaw`
      UPDATE reading_lists SET rec_stale_at = now() WHERE rec_stale_at IS NULL AND id IN (SELECT list_id FROM rec_list_scores)`;
  }, LONG_TX);
}

/** Whether some paper has no term vector yet (an ingest whose job was missed), or they are outdated. */
export async function papersWithoutTerms(prisma: Db): Promise<boolean> {
  if ((await termsVersion(prisma)) !== TERMS_VERSION) return true;
  const [row] = await prisma.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM papers p WHERE NOT EXISTS (SELECT 1 FROM rec_paper_terms t WHERE t.paper_id = p.id)) AS any`;
  return row.any;
}

export async function loadCorpus(prisma: Db): Promise<Corpus> {
  const corpus = emptyCorpus();
  const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM rec_paper_terms`;
  corpus.n = n;
  const rows = await prisma.$queryRaw<{ feature: number; df: number }[]>`SELECT feature, df FROM rec_df`;
  for (const r of rows) if (r.feature >= 0 && r.feature < FEATURES) corpus.df[r.feature] = r.df;
  return corpus;
}

export interface Candidate {
  id: number;
  day: string;
  /** For the reason's matched words. */
  title: string;
  vec: SparseVec;
  /** Its dot product with the mean of all the candidates: how much it is like every paper of the window. */
  common: number;
}

/** What one computation run shares between people: the corpus and the window's candidates. */
export interface RecsContext {
  corpus: Corpus;
  candidates: Candidate[];
  /** The window's first day (older rows are deleted). */
  since: string | null;
  /** A reusable weight buffer. */
  w: Float32Array<ArrayBuffer>;
}

/** The corpus and the candidates: the window's papers, or the papers given (the evaluation). */
export async function loadContext(prisma: Db, opts: { paperIds?: number[] } = {}): Promise<RecsContext> {
  const corpus = await loadCorpus(prisma);
  type Row = TermRow & { day: string; title: string };
  let rows: Row[] = [];
  let since: string | null = null;
  if (opts.paperIds) {
    rows = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT t.paper_id, ${TERM_COLUMNS("t")}, '' AS day, p.title FROM rec_paper_terms t JOIN papers p ON p.id = t.paper_id
       WHERE t.paper_id = ANY($1::int[])`,
      opts.paperIds,
    );
  } else {
    const days = await prisma.$queryRaw<{ day: string }[]>`
      SELECT DISTINCT day::text AS day FROM paper_features ORDER BY day DESC LIMIT ${WINDOW_DAYS}`;
    since = days.length ? days[days.length - 1].day : null;
    if (since)
      rows = await prisma.$queryRawUnsafe<Row[]>(
        `SELECT DISTINCT ON (t.paper_id) t.paper_id, ${TERM_COLUMNS("t")}, f.day::text AS day, p.title
         FROM paper_features f JOIN rec_paper_terms t ON t.paper_id = f.paper_id JOIN papers p ON p.id = f.paper_id
         WHERE f.day >= $1::date AND p.hidden_at IS NULL
         ORDER BY t.paper_id, f.day DESC`,
        since,
      );
  }
  const vecs = rows.map((r) => vectorOf(r, corpus));
  const w = new Float32Array(FEATURES);
  // The background: the candidates' mean, and each candidate's dot product with it (once per run).
  const background = centroid(vecs, [], 0, w).w;
  const candidates = rows.map((r, i) => ({ id: r.paper_id, day: r.day, title: r.title, vec: vecs[i], common: dot(background, vecs[i]) }));
  return { corpus, since, candidates, w };
}

function vectorOf(r: TermRow, corpus: Corpus): SparseVec {
  return vectorizeBinary(Buffer.from(r.idx, "base64"), Buffer.from(r.tf, "base64"), corpus);
}

async function vectorsOf(prisma: Db, ids: number[], corpus: Corpus): Promise<Map<number, SparseVec>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<TermRow[]>(
    `SELECT t.paper_id, ${TERM_COLUMNS("t")} FROM rec_paper_terms t WHERE t.paper_id = ANY($1::int[])`,
    ids,
  );
  return new Map(rows.map((r) => [r.paper_id, vectorOf(r, corpus)]));
}

export interface Scored {
  paperId: number;
  score: number;
  reasonPaperId: number | null;
  reasonWords: string[];
}

/**
 * Ranks the candidates for a set of positives and negatives: the best KEEP_PER_DAY of each day,
 * with a reason each: the closest positive when close enough, else the title's words that weigh most.
 */
export function rankCandidates(
  ctx: Pick<RecsContext, "candidates" | "w">,
  positives: Map<number, SparseVec>,
  negatives: Map<number, SparseVec>,
  exclude: Set<number>,
  keepPerDay = KEEP_PER_DAY,
): Scored[] {
  const pos = [...positives.values()];
  const model: LinearModel = centroid(pos, [...negatives.values()], NEGATIVE_WEIGHT, ctx.w);
  // The best keepPerDay of each day, kept as they come (a bounded heap): no list of every
  // candidate, no sort of thousands a person.
  const byDay = new Map<string, TopK>();
  const candidates = ctx.candidates;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (exclude.has(c.id)) continue;
    // Only papers that share words with the person's (a raw score above 0) are recommended.
    const raw = score(model, c.vec);
    if (!(raw > 0)) continue;
    let top = byDay.get(c.day);
    if (!top) byDay.set(c.day, (top = new TopK(keepPerDay)));
    top.offer(i, raw - BACKGROUND_WEIGHT * c.common);
  }
  const out: Scored[] = [];
  const index = new PositivesIndex(positives);
  try {
    for (const top of byDay.values()) {
      top.best().forEach(({ at, s }, rank) => {
        const c = candidates[at];
        // The closest positive, for the first of each day only (a page's worth).
        const [best, bestId] = rank < LIKE_REASONS_PER_DAY ? index.closest(c.vec) : [0, null];
        const like = best >= LIKE_THRESHOLD;
        out.push({ paperId: c.id, score: s, reasonPaperId: like ? bestId : null, reasonWords: like ? [] : candidateWords(model.w, c) });
      });
    }
  } finally {
    index.release();
  }
  return out;
}

/**
 * The k best of a stream of (position, score), as a min-heap on score (ties: the later position
 * counts as worse, so the result is what a stable sort by score would keep).
 */
export class TopK {
  private at: Int32Array;
  private s: Float64Array;
  private size = 0;

  constructor(private k: number) {
    this.at = new Int32Array(Math.max(0, k));
    this.s = new Float64Array(Math.max(0, k));
  }

  private worse(i: number, j: number): boolean {
    return this.s[i] < this.s[j] || (this.s[i] === this.s[j] && this.at[i] > this.at[j]);
  }

  private swap(i: number, j: number) {
    [this.at[i], this.at[j]] = [this.at[j], this.at[i]];
    [this.s[i], this.s[j]] = [this.s[j], this.s[i]];
  }

  offer(at: number, s: number) {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      this.at[i] = at;
      this.s[i] = s;
      for (let p = (i - 1) >> 1; i > 0 && this.worse(i, p); i = p, p = (i - 1) >> 1) this.swap(i, p);
      return;
    }
    // Only better than the worst kept gets in (scores arrive in position order, so a tie is worse).
    if (!(s > this.s[0])) return;
    this.at[0] = at;
    this.s[0] = s;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** What was kept, best first. */
  best(): { at: number; s: number }[] {
    return Array.from({ length: this.size }, (_, i) => ({ at: this.at[i], s: this.s[i] })).sort((a, b) => b.s - a.s || a.at - b.at);
  }
}

/**
 * A person's positives as an inverted index (feature → the positives holding it), so the closest
 * positive to a candidate costs the candidate's features and their shared postings, not a dot
 * product with every positive. The heads live in one shared dense array, reset after each person.
 */
const heads = new Int32Array(FEATURES).fill(-1);
class PositivesIndex {
  private ids: number[];
  private next: Int32Array;
  private owner: Int32Array;
  private val: Float32Array;
  private touched: number[] = [];
  private sims: Float64Array;

  constructor(positives: Map<number, SparseVec>) {
    this.ids = [...positives.keys()];
    const vecs = [...positives.values()];
    const n = vecs.reduce((t, v) => t + v.idx.length, 0);
    this.next = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.val = new Float32Array(n);
    this.sims = new Float64Array(vecs.length);
    let e = 0;
    vecs.forEach((v, p) => {
      for (let k = 0; k < v.idx.length; k++, e++) {
        const f = v.idx[k];
        if (heads[f] === -1) this.touched.push(f);
        this.owner[e] = p;
        this.val[e] = v.val[k];
        this.next[e] = heads[f];
        heads[f] = e;
      }
    });
  }

  /** The positive most like a vector (cosine; vectors are l2-normalised) and its id. */
  closest(x: SparseVec): [number, number | null] {
    this.sims.fill(0);
    for (let k = 0; k < x.idx.length; k++) {
      const xv = x.val[k];
      for (let e = heads[x.idx[k]]; e !== -1; e = this.next[e]) this.sims[this.owner[e]] += this.val[e] * xv;
    }
    let best = -1;
    let bestAt = -1;
    for (let p = 0; p < this.sims.length; p++) if (this.sims[p] > best) [best, bestAt] = [this.sims[p], p];
    return [best, bestAt === -1 ? null : this.ids[bestAt]];
  }

  release() {
    for (const f of this.touched) heads[f] = -1;
  }
}

/** A candidate's title terms (feature and words as written), computed once per run. */
const titleTerms = new WeakMap<Candidate, { f: number; shown: string }[]>();
function candidateWords(model: Float32Array, c: Candidate, n = 3): string[] {
  let terms = titleTerms.get(c);
  if (!terms) {
    terms = [...termCounts(c.title)].map(([term, { shown }]) => ({ f: featureOf(term), shown }));
    titleTerms.set(c, terms);
  }
  return terms
    .map((t) => ({ shown: t.shown, w: model[t.f] }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w)
    .slice(0, n)
    .map((x) => x.shown);
}

/** The words of a paper's text that weigh most in a model (for reasons without a close paper), as written. */
export function matchedWords(model: Float32Array, text: string, n = 3): string[] {
  return [...termCounts(text)]
    .map(([term, { shown }]) => ({ shown, w: model[featureOf(term)] }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w)
    .slice(0, n)
    .map((x) => x.shown);
}

/** The database's clock: stale marks are written with it, so comparisons never mix clocks. */
async function dbNow(prisma: Db): Promise<Date> {
  const [row] = await prisma.$queryRaw<{ t: Date }[]>`SELECT clock_timestamp() AS t`;
  return row.t;
}

/** Recomputes until nothing is stale (bounded: a person re-marked at every pass waits for the next job). */
export async function drainStale(prisma: Db): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const done = await recomputeStale(prisma);
    if (!done.people && !done.lists) return;
  }
}

/**
 * Score rows on their way to rec_scores or rec_list_scores, as one array a column: written by a
 * single INSERT … SELECT FROM unnest(…), which Postgres parses far faster than JSON. Reason words
 * (letters, digits, _ and spaces) travel joined by commas.
 */
class ScoreRows<Owner extends string | number> {
  owner: Owner[] = [];
  paper: number[] = [];
  score: number[] = [];
  reason: (number | null)[] = [];
  words: string[] = [];

  add(owner: Owner, scored: Scored[]) {
    for (const x of scored) {
      this.owner.push(owner);
      this.paper.push(x.paperId);
      this.score.push(x.score);
      this.reason.push(x.reasonPaperId);
      this.words.push(x.reasonWords.join(","));
    }
  }

  get length() {
    return this.paper.length;
  }

  async insert(tx: Pick<Db, "$executeRawUnsafe">, table: "rec_scores" | "rec_list_scores", ownerColumn: "user_id" | "list_id") {
    if (this.length === 0) return;
    const cast = ownerColumn === "user_id" ? "text" : "int";
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table} (${ownerColumn}, paper_id, score, reason_paper_id, reason_words)
       SELECT o, p, s, r, string_to_array(w, ',')
       FROM unnest($1::${cast}[], $2::int[], $3::real[], $4::int[], $5::text[]) AS x(o, p, s, r, w)
       ON CONFLICT DO NOTHING`,
      this.owner,
      this.paper,
      this.score,
      this.reason,
      this.words,
    );
  }
}

async function writeListScores(prisma: Db, listId: number, scored: Scored[]) {
  const rows = new ScoreRows<number>();
  rows.add(listId, scored);
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM rec_list_scores WHERE list_id = ${listId}`;
    await rows.insert(tx, "rec_list_scores", "list_id");
  }, LONG_TX);
}

/** People computed per batch: one query for their signals, one for their papers' vectors, one write. */
const PEOPLE_BATCH = 500;

interface Signals {
  id: string;
  paused: boolean;
  pos: number[];
  neg: number[];
}

/**
 * Recomputes people: their scores over the whole window, or only over `onlyPapers` (new arrivals)
 * added to what they have. Paused, or fewer than MIN_SIGNALS positives: no scores. In batches of
 * PEOPLE_BATCH, so a run over everyone costs a few queries per batch, not per person.
 */
export async function recomputePeople(
  prisma: Db,
  ctx: RecsContext,
  userIds: string[],
  onlyPapers?: Set<number>,
  ms: PeopleTimings = { read: 0, compute: 0, write: 0 },
): Promise<number> {
  const sub = onlyPapers ? { ...ctx, candidates: ctx.candidates.filter((c) => onlyPapers.has(c.id)) } : ctx;
  let written = 0;
  let t = performance.now();
  const lap = (phase: keyof PeopleTimings) => {
    const now = performance.now();
    ms[phase] += now - t;
    t = now;
  };
  const load = async (ids: string[]) => {
    const startedAt = await dbNow(prisma);
    const people = await prisma.$queryRaw<Signals[]>`
      SELECT u.id, COALESCE(r.paused_at IS NOT NULL, false) AS paused,
             ARRAY(SELECT paper_id FROM upvotes WHERE user_id = u.id
                   UNION SELECT i.paper_id FROM reading_list_items i JOIN reading_lists l ON l.id = i.list_id WHERE l.user_id = u.id) AS pos,
             ARRAY(SELECT paper_id FROM rec_dismissals WHERE user_id = u.id) AS neg
      FROM unnest(${ids}::text[]) AS u(id) LEFT JOIN rec_profiles r ON r.user_id = u.id`;
    const active = people.filter((p) => !p.paused && p.pos.length >= MIN_SIGNALS);
    const vecs = await vectorsOf(prisma, [...new Set(active.flatMap((p) => [...p.pos, ...p.neg]))], ctx.corpus);
    return { ids, startedAt, people, active, vecs };
  };
  // A pipeline: the next batch is read, and the one before written, while this one is computed, so
  // Postgres and this process work at the same time. (A failure is thrown where it is awaited.)
  let next = userIds.length ? load(userIds.slice(0, PEOPLE_BATCH)) : null;
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < userIds.length; i += PEOPLE_BATCH) {
    const { ids, startedAt, people, active, vecs } = await next!;
    next = i + PEOPLE_BATCH < userIds.length ? load(userIds.slice(i + PEOPLE_BATCH, i + 2 * PEOPLE_BATCH)) : null;
    next?.catch(() => undefined);
    lap("read");
    const rows = new ScoreRows<string>();
    for (const person of active) {
      const pick = (list: number[]) => new Map(list.filter((id) => vecs.has(id)).map((id) => [id, vecs.get(id)!]));
      const scored = rankCandidates(sub, pick(person.pos), pick(person.neg), new Set([...person.pos, ...person.neg]));
      rows.add(person.id, scored);
    }
    written += rows.length;
    lap("compute");
    await writing;
    lap("write");
    writing = prisma.$transaction(async (tx) => {
      if (onlyPapers)
        await tx.$executeRaw`
          DELETE FROM rec_scores WHERE user_id = ANY(${ids}::text[]) AND paper_id = ANY(${[...onlyPapers]}::int[])`;
      else await tx.$executeRaw`DELETE FROM rec_scores WHERE user_id = ANY(${ids}::text[])`;
      // Paused or too few signals: nothing kept, whatever was there before.
      const inactive = people.filter((p) => !active.includes(p)).map((p) => p.id);
      if (inactive.length) await tx.$executeRaw`DELETE FROM rec_scores WHERE user_id = ANY(${inactive}::text[])`;
      await rows.insert(tx, "rec_scores", "user_id");
      // Stale again if a signal arrived while computing: the next pass picks it up.
      await tx.$executeRaw`
        INSERT INTO rec_profiles (user_id, computed_at, signals)
        SELECT u, ${startedAt}::timestamptz, n FROM unnest(${people.map((p) => p.id)}::text[], ${people.map((p) => p.pos.length)}::int[]) AS x(u, n)
        ON CONFLICT (user_id) DO UPDATE SET computed_at = excluded.computed_at, signals = excluded.signals,
          stale_at = CASE WHEN rec_profiles.stale_at > excluded.computed_at THEN rec_profiles.stale_at END`;
    }, LONG_TX);
    writing.catch(() => undefined);
  }
  await writing;
  lap("write");
  return written;
}

/**
 * Milliseconds of recomputePeople by phase: waiting for people's signals and their papers' vectors,
 * arithmetic, waiting for rows to be written (reads and writes overlap the arithmetic).
 */
export interface PeopleTimings {
  read: number;
  compute: number;
  write: number;
}

/** One person (tests, the evaluation): recomputePeople for one. */
export function recomputePerson(prisma: Db, ctx: RecsContext, userId: string, onlyPapers?: Set<number>): Promise<number> {
  return recomputePeople(prisma, ctx, [userId], onlyPapers);
}

/** "Papers like this list": the list's papers alone are the positives. */
export async function recomputeList(prisma: Db, ctx: RecsContext, listId: number): Promise<number> {
  const startedAt = await dbNow(prisma);
  const items = await prisma.$queryRaw<{ id: number }[]>`SELECT paper_id AS id FROM reading_list_items WHERE list_id = ${listId}`;
  const ids = items.map((r) => r.id);
  let scored: Scored[] = [];
  if (ids.length > 0) {
    const vecs = await vectorsOf(prisma, ids, ctx.corpus);
    scored = rankCandidates(ctx, vecs, new Map(), new Set(ids), 20);
  }
  await writeListScores(prisma, listId, scored);
  await prisma.$executeRaw`UPDATE reading_lists SET rec_stale_at = NULL WHERE id = ${listId} AND rec_stale_at <= ${startedAt}`;
  return scored.length;
}

/** Every person and list whose signals changed (stale), oldest first. */
export async function recomputeStale(prisma: Db, limit = 1000): Promise<{ people: number; lists: number }> {
  const people = await prisma.$queryRaw<{ user_id: string }[]>`
    SELECT user_id FROM rec_profiles WHERE stale_at IS NOT NULL ORDER BY stale_at LIMIT ${limit}`;
  const lists = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM reading_lists WHERE rec_stale_at IS NOT NULL ORDER BY rec_stale_at LIMIT ${limit}`;
  if (people.length === 0 && lists.length === 0) return { people: 0, lists: 0 };
  await ensurePaperTerms(prisma);
  const ctx = await loadContext(prisma);
  await recomputePeople(
    prisma,
    ctx,
    people.map((p) => p.user_id),
  );
  for (const l of lists) await recomputeList(prisma, ctx, l.id);
  return { people: people.length, lists: lists.length };
}

/** Milliseconds by phase of an arrival job (for bench:recs). */
export interface ArrivalTimings extends PeopleTimings {
  terms: number;
  context: number;
  prune: number;
  lists: number;
}

/**
 * After papers arrive: term vectors for them, then every active person scores the new papers
 * (added to their rows), rows of papers that left the window go, and lists are recomputed.
 */
export async function recomputeAfterArrival(prisma: Db): Promise<{ papers: number; people: number; ms: ArrivalTimings }> {
  const ms: ArrivalTimings = { terms: 0, context: 0, prune: 0, read: 0, compute: 0, write: 0, lists: 0 };
  let t = performance.now();
  const lap = (phase: "terms" | "context" | "prune" | "lists") => {
    const now = performance.now();
    ms[phase] += now - t;
    t = now;
  };
  const fresh = await ensurePaperTerms(prisma);
  lap("terms");
  const ctx = await loadContext(prisma);
  lap("context");
  if (ctx.since) {
    await prisma.$executeRaw`
      DELETE FROM rec_scores s WHERE NOT EXISTS (
        SELECT 1 FROM paper_features f WHERE f.paper_id = s.paper_id AND f.day >= ${ctx.since}::date)`;
  }
  lap("prune");
  const freshSet = new Set(fresh);
  const people = await prisma.$queryRaw<{ user_id: string }[]>`
    SELECT user_id FROM rec_profiles WHERE paused_at IS NULL AND signals >= ${MIN_SIGNALS}`;
  if (freshSet.size > 0)
    await recomputePeople(
      prisma,
      ctx,
      people.map((p) => p.user_id),
      freshSet,
      ms,
    );
  t = performance.now();
  const lists = await prisma.$queryRaw<{ id: number }[]>`SELECT DISTINCT list_id AS id FROM rec_list_scores`;
  if (freshSet.size > 0) for (const l of lists) await recomputeList(prisma, ctx, l.id);
  lap("lists");
  return { papers: fresh.length, people: people.length, ms };
}
