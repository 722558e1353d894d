/**
 * npm run bench:pages -- [--papers N] [--sequential 200] [--seq-warmup 20] [--duration 15] [--connections 16]
 *                        [--warmup 300] [--only <target,...>] [--keep] [--skip-build] [--chunk 50000]
 *                        [--search-queries 200] [--seed-only] [--data <folder kept by an earlier --keep run>]
 *                        [--search-only] [--url <postgres URL of a seeded database already running>]
 *
 * Page and API latency, one reader at a time and under load, on a fresh embedded Postgres
 * seeded with N synthetic papers over 365 days:
 *   1. seeds the database (streamed generation, chunked runIngest), then VACUUM ANALYZE;
 *   2. times `searchPapers` directly for varied queries (target p95 < 50 ms);
 *   3. builds the production app into .next-bench (never .next) and starts its
 *      standalone server on a free loopback port against the seeded database;
 *   4. one reader at a time (bench/pages-seq.ts): per target, `--seq-warmup` requests then
 *      `--sequential` requests, each sent once the previous answer is read; cached pages cycle
 *      over a few paths, uncached ones (paper pages, authors, searches, first renders of the
 *      lists) take a path never requested before in the run for every request;
 *   5. under load (bench/pages-load.ts): autocannon from a child process, `--connections` at a
 *      time for `--duration` s per target after `--warmup` requests, each request taking the
 *      next of many paths;
 *   6. prints a table per phase and a markdown summary against the target p99 < 100 ms (for
 *      the issue's one-at-a-time targets, and under load for the cached pages and APIs; the
 *      others report), then stops everything and deletes the temp folder (unless --keep; the
 *      build folder always stays).
 * `--only daily,week,...` runs a subset of the targets (the keys are listed by `--only help`;
 * `search-direct` is step 2); `--sequential 0` or `--duration 0` skips a phase.
 * `--data` reuses the database of an earlier `--keep` run instead of seeding a new one
 * (that folder is left as it is). `--search-only` stops after timing searchPapers (no build, no
 * load); `--url` times it against a database some other process runs (nothing is started,
 * migrated or seeded: apply new migrations to it first).
 * Exits 1 when the bench itself could not run (build failed, server did not start).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import "./quiet-logs";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { addMonths, addWeeks, isoWeekOf, monthOf } from "@/lib/papers/dates";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import type { LoadPlan, LoadResult } from "./pages-load";
import type { SearchPlan, SearchTiming } from "./pages-search";
import type { SeqPlan, SeqResult, SeqTarget } from "./pages-seq";
import { seedPapers } from "./pages-seed";
import { build, DIST_DIR, pendingRestore, serverJs, startServer } from "./pages-server";
import { benchResult, children, fmtInt, killChildren, root, runTsx, seconds, stopChild } from "./pages-util";
import { seededRandom } from "@/lib/test/random";

const TARGET_P99_MS = 100;
const TARGET_SEARCH_P95_MS = 50;
/** The sequential phase's time per target at most (a slow first render at 1M papers x 220 requests). */
const SEQ_BUDGET_S = 180;

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "100000" },
    sequential: { type: "string", default: "200" },
    "seq-warmup": { type: "string", default: "20" },
    only: { type: "string" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "16" },
    warmup: { type: "string", default: "300" },
    chunk: { type: "string", default: "50000" },
    "search-queries": { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    "search-only": { type: "boolean", default: false },
    data: { type: "string" },
    url: { type: "string" },
  },
});
const int = (name: keyof typeof values, min: number) => {
  const n = Number(values[name]);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${values[name]}`);
  return n;
};
let papers = int("papers", 1);
const sequential = int("sequential", 0);
const seqWarmup = int("seq-warmup", 0);
const duration = int("duration", 0);
const connections = int("connections", 1);
const warmup = int("warmup", 0);
const chunk = int("chunk", 1);
const searchQueries = int("search-queries", 1);
/** The targets' keys, for --only (checked against targets() when it runs). */
const KEY_DIRECT = "search-direct";
const TARGET_KEYS = [
  "daily",
  "week",
  "month",
  "paper",
  "paper-cached",
  "search",
  "search-common",
  "search-rare",
  "search-api",
  "author",
  "author-top",
  "api-daily",
  "api-daily-date",
  "day-render",
  "week-render",
  "month-render",
];
const only =
  values.only === undefined
    ? undefined
    : new Set(
        values.only
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
      );
for (const k of only ?? []) {
  if (k !== KEY_DIRECT && !TARGET_KEYS.includes(k)) {
    console.error(`--only: unknown target "${k}"; the targets: ${[...TARGET_KEYS, KEY_DIRECT].join(", ")}`);
    process.exit(2);
  }
}

process.chdir(root); // applyMigrations reads prisma/migrations from the working directory
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-pages-"));
let postgres: RunningPostgres | undefined;

// Ctrl-C / SIGTERM: embedded-postgres' exit hook stops the cluster and exits; our children
// get SIGTERM now, and whatever is left at exit is killed, then the temp folder goes.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => killChildren("SIGTERM"));
process.on("exit", () => {
  killChildren("SIGKILL");
  pendingRestore?.();
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------- database

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function seed(url: string) {
  console.log(`seeding ${fmtInt(papers)} synthetic papers over 365 days, ${fmtInt(Math.min(chunk, papers))} per ingest run`);
  const r = await seedPapers(url, {
    papers,
    chunk,
    workDir: tmp,
    onChunk: (done, total, ms) =>
      console.log(
        `  ${fmtInt(done).padStart(11)} / ${fmtInt(total)}  ${seconds(ms).padStart(8)}  ${fmtInt(done / (ms / 1000)).padStart(7)} papers/s  ` +
          `RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
      ),
  });
  if (r.new !== papers || r.rejected || r.updated || r.unchanged) {
    throw new Error(
      `expected ${papers} new papers, got ${r.new} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`,
    );
  }
  const t = performance.now();
  await sql(url, "VACUUM (ANALYZE)");
  const vacuumMs = performance.now() - t;
  const [size] = await sql<{ db: string; papers: string; features: string }>(
    url,
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS db,
            pg_size_pretty(pg_total_relation_size('papers')) AS papers,
            (SELECT count(*) FROM paper_features)::text AS features`,
  );
  console.log(
    `seeded ${fmtInt(r.new)} papers (${(r.bytes / 1024 / 1024).toFixed(0)} MB of feed JSON) in ${seconds(r.ms)}: ` +
      `${fmtInt(r.new / (r.ms / 1000))} papers/s wall clock (generation overlapping), ` +
      `${fmtInt(r.new / (r.ingestMs / 1000))} papers/s inside runIngest; ` +
      `bench process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  console.log(
    `VACUUM (ANALYZE) in ${seconds(vacuumMs)}; database ${size.db}, papers table ${size.papers}, ${fmtInt(Number(size.features))} featured-day rows`,
  );
  return r;
}

/** Deterministic shuffle (mulberry32), so runs are comparable. */
function shuffled<T>(xs: T[], seed = 7): T[] {
  const rnd = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Samples {
  latestDay: string;
  days: string[];
  middleDay: string;
  arxivIds: string[];
  middleArxivId: string;
  /** Single words matching 1-10% of papers: the "realistic share" searches. */
  midWords: { word: string; share: number }[];
  /** Words matching most papers (the synthetic abstracts share one small vocabulary). */
  commonWords: { word: string; share: number }[];
  /** Words in at most 0.1% of the sampled papers (and at least one): the long tail's. */
  rareWords: { word: string; share: number }[];
  /** The most prolific authors, most papers first. */
  topAuthors: { name: string; papers: number }[];
  /** Authors with about the median number of papers, shuffled. */
  typicalAuthors: { name: string; papers: number }[];
}

async function pickSamples(url: string): Promise<Samples> {
  const days = (await sql<{ day: string }>(url, "SELECT DISTINCT day::text AS day FROM paper_features ORDER BY 1")).map((r) => r.day);
  const middleDay = days[Math.floor(days.length / 2)];
  // The middle paper by id (ids follow the feed's day order), then a sample of the rest:
  // enough for the sequential phase's never-read papers and the load's 2,000.
  const [{ arxiv_id: middleArxivId }] = await sql<{ arxiv_id: string }>(
    url,
    "SELECT arxiv_id FROM papers WHERE arxiv_id IS NOT NULL ORDER BY id OFFSET $1 LIMIT 1",
    [Math.floor(papers / 2)],
  );
  const pct = Math.min(100, (100 * 6000) / papers);
  const sampledIds = (
    await sql<{ arxiv_id: string }>(
      url,
      `SELECT arxiv_id FROM papers TABLESAMPLE SYSTEM (${pct}) REPEATABLE (42) WHERE arxiv_id IS NOT NULL LIMIT 4000`,
    )
  )
    .map((r) => r.arxiv_id)
    .filter((id) => id !== middleArxivId);

  // Lexeme document frequencies over a sample of papers. The synthetic titles and abstracts
  // draw from one ~200-word vocabulary, so each of those words is in about half the papers;
  // author surnames are the mid-frequency words (a few % each), as real topic words are; the
  // long tail of pseudo-words gives the rare ones.
  const samplePct = Math.min(100, (100 * 5000) / papers);
  const [{ n }] = await sql<{ n: string }>(url, `SELECT count(*)::text AS n FROM papers TABLESAMPLE SYSTEM (${samplePct}) REPEATABLE (3)`);
  const stats = await sql<{ word: string; ndoc: number }>(
    url,
    `SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM papers TABLESAMPLE SYSTEM (${samplePct}) REPEATABLE (3)')
      WHERE word ~ '^[a-z]{3,}$' ORDER BY ndoc DESC, word`,
  );
  const withShare = stats.map((s) => ({ word: s.word, share: s.ndoc / Number(n) }));
  const midWords = withShare.filter((s) => s.share >= 0.01 && s.share <= 0.1);
  const commonWords = withShare.filter((s) => s.share >= 0.3);
  const rareWords = shuffled(withShare.filter((s) => s.share <= 0.001)).slice(0, 2000);
  if (!midWords.length) throw new Error("no search word matches 1-10% of the papers");

  // Papers per author, exactly (one pass over paper_authors: a few seconds at 1M papers).
  const authors = await sql<{ name: string; papers: number }>(
    url,
    `SELECT a.name, c.papers FROM (SELECT author_id, count(*)::int AS papers FROM paper_authors GROUP BY author_id) c
       JOIN authors a ON a.id = c.author_id ORDER BY c.papers DESC, a.name`,
  );
  const band = authors.slice(Math.floor(authors.length * 0.4), Math.ceil(authors.length * 0.6));
  return {
    latestDay: days[days.length - 1],
    days,
    middleDay,
    arxivIds: [middleArxivId, ...shuffled(sampledIds)],
    middleArxivId,
    midWords,
    commonWords,
    rareWords,
    topAuthors: authors.slice(0, 500),
    typicalAuthors: shuffled(band).slice(0, 2000),
  };
}

// ---------------------------------------------------------------------------- search

async function timeSearch(url: string, s: Samples): Promise<SearchTiming[]> {
  const cycle = (words: string[], count: number) => Array.from({ length: count }, (_, i) => words[i % words.length]);
  const mid = shuffled(s.midWords.map((w) => w.word));
  const common = shuffled(s.commonWords.map((w) => w.word));
  const plan: SearchPlan = {
    limit: 20, // the API's default page
    warmup: 10,
    budgetMs: 120_000,
    sets: [
      { name: "one mid-frequency word (1-10% of papers)", queries: cycle(mid, searchQueries) },
      {
        name: "two mid-frequency words",
        queries: cycle(mid, searchQueries)
          .map((w, i) => `${w} ${mid[(i * 7 + 3) % mid.length]}`)
          .slice(0, Math.ceil(searchQueries / 4)),
      },
      { name: "one common word (30%+ of papers)", queries: cycle(common, Math.ceil(searchQueries / 4)) },
    ].filter((set) => set.queries.length && !set.queries.includes(undefined as unknown as string)),
  };
  const file = path.join(tmp, "search-plan.json");
  writeFileSync(file, JSON.stringify(plan));
  const stdout = await runTsx("bench/pages-search.ts", [file], {
    nodeFlags: ["--conditions=react-server"],
    env: { DATABASE_URL: url, LOG_LEVEL: "warn" },
    echo: true,
  });
  return benchResult<SearchTiming[]>(stdout);
}

// ---------------------------------------------------------------------------- targets

interface Target {
  /** For --only. */
  key: string;
  label: string;
  /** The label in the markdown summary (paths in backticks, so `<word>` is not taken for a tag). */
  md: string;
  /** What the paths are, for the notes under the tables. */
  detail: string;
  /**
   * Cached once rendered (the lists' and paper pages' ISR, the daily-papers API's minute): under
   * load too, p99 < 100 ms. The others report requests/s and p99 under load.
   */
  cacheable: boolean;
  /** One of issue 17's "one reader at a time" targets: p99 < 100 ms over the sequential requests. */
  seqGoal: boolean;
  /**
   * The sequential phase's paths: cycled (after a warm-up that reads each of them, so every
   * measured request of a cacheable page is a cache hit), or, when `fresh`, each measured request
   * a path never requested before in this run, warm-up on other paths (from `warmPool` if set).
   */
  seq?: { pool: string[]; fresh: boolean; warmPool?: string[] };
  /** The load phase's paths, cycled; `cost` orders the targets, cheapest first. */
  load?: { paths: string[]; cost: number };
}

const cycle = <T>(xs: T[], n: number): T[] => (xs.length ? Array.from({ length: n }, (_, i) => xs[i % xs.length]) : []);
const withQuery = (base: string, params: string[]) => (params.some(Boolean) ? `${base}?${params.filter(Boolean).join("&")}` : base);
const range = (xs: number[]) => (xs.length ? `${fmtInt(Math.min(...xs))}-${fmtInt(Math.max(...xs))}` : "none");
const pctRange = (xs: { share: number }[]) =>
  xs.length
    ? `${(Math.min(...xs.map((x) => x.share)) * 100).toFixed(2)}-${(Math.max(...xs.map((x) => x.share)) * 100).toFixed(2)}%`
    : "none";

function targets(s: Samples): Target[] {
  const q = (w: string) => encodeURIComponent(w);
  const search = (w: string) => `/search?q=${q(w)}`;
  const mid = shuffled(s.midWords.map((w) => w.word));
  const common = shuffled(s.commonWords.map((w) => w.word));
  const rare = s.rareWords.map((w) => w.word);
  const middleDays = s.days.slice(Math.floor(s.days.length / 4), Math.ceil((s.days.length * 3) / 4));
  // The latest week and month and a few before them: what readers open, each cached once rendered.
  const latestWeek = isoWeekOf(s.latestDay);
  const weeks = [0, 1, 2, 3].map((i) => `/papers/week/${addWeeks(latestWeek, -i)}`);
  const latestMonth = monthOf(s.latestDay);
  const months = [0, 1, 2].map((i) => `/papers/month/${addMonths(latestMonth, -i)}`);
  // Uncached paper pages: the sequential phase's from the start of the sample, the load's after them.
  const [middle, ...others] = s.arxivIds;
  const paperPath = (id: string) => `/papers/${id}`;
  const seqPapers = others.slice(0, 600).map(paperPath);
  const loadPapers = [middle, ...others.slice(600, 2600)].map(paperPath);
  // First renders of the lists: every day, week and month in each sort order (and for weeks
  // and months, further pages), each its own cached page, so each is rendered on its first request.
  const sorts = ["", "sort=upvotes", "sort=newest"];
  const weekKeys = [...new Set(s.days.map(isoWeekOf))];
  const monthKeys = [...new Set(s.days.map(monthOf))];
  const dayRenders = shuffled(s.days.flatMap((d) => sorts.map((o) => withQuery("/papers", [`date=${d}`, o]))));
  const weekRenders = shuffled(
    weekKeys.flatMap((w) => sorts.flatMap((o) => ["", "page=2", "page=3"].map((p) => withQuery(`/papers/week/${w}`, [o, p])))),
  );
  const monthRenders = shuffled(
    monthKeys.flatMap((m) =>
      sorts.flatMap((o) => [1, 2, 3, 4, 5, 6, 7, 8].map((p) => withQuery(`/papers/month/${m}`, [o, p > 1 ? `page=${p}` : ""]))),
    ),
  );
  const author = (a: { name: string }) => `/authors/${encodeURIComponent(a.name)}`;
  const top = s.topAuthors;
  const typical = s.typicalAuthors;
  const dailyApiDays = [s.middleDay, ...shuffled(middleDays)].map((d) => `/api/daily_papers?date=${d}`);
  const list: Target[] = [
    {
      key: "daily",
      md: "(a) `/` (daily page, latest day)",
      label: "(a)  / daily page, latest day",
      detail: `the latest day, ${s.latestDay}`,
      cacheable: true,
      seqGoal: true,
      seq: { pool: ["/"], fresh: false },
      load: { paths: ["/"], cost: 3 },
    },
    {
      key: "week",
      md: "(e) `/papers/week/<week>` (latest weeks)",
      label: "(e)  /papers/week/<week>",
      detail: `the latest ${weeks.length} weeks, ${weeks.map((w) => w.split("/").pop()).join(" ")}`,
      cacheable: true,
      seqGoal: true,
      seq: { pool: weeks, fresh: false },
      load: { paths: weeks, cost: 3.2 },
    },
    {
      key: "month",
      md: "(f) `/papers/month/<month>` (latest months)",
      label: "(f)  /papers/month/<month>",
      detail: `the latest ${months.length} months, ${months.map((m) => m.split("/").pop()).join(" ")}`,
      cacheable: true,
      seqGoal: true,
      seq: { pool: months, fresh: false },
      load: { paths: months, cost: 3.4 },
    },
    {
      key: "paper",
      md: "(b) `/papers/<id>` (a paper not yet rendered)",
      label: "(b)  /papers/<arXiv id>, uncached",
      detail: `one at a time: papers never requested before in the run (of ${fmtInt(seqPapers.length)}); load: ${fmtInt(loadPapers.length)} other papers cycled, first ${loadPapers[0]}`,
      cacheable: false,
      seqGoal: true,
      seq: { pool: seqPapers, fresh: true },
      load: { paths: loadPapers, cost: 6 },
    },
    // A paper everybody is reading (the day's top paper, a link going round): its page is
    // rendered once a minute and served from the cache in between.
    {
      key: "paper-cached",
      md: "(b') `/papers/<id>` (one paper everybody reads)",
      label: "(b') /papers/<one arXiv id>, cached",
      detail: `one paper, ${paperPath(middle)}`,
      cacheable: true,
      seqGoal: false,
      seq: { pool: [paperPath(middle)], fresh: false },
      load: { paths: [paperPath(middle)], cost: 2.5 },
    },
    {
      key: "search",
      md: "(c) `/search?q=<word>` (word in 1-10%)",
      label: "(c)  /search?q=<word in 1-10%>",
      detail: `${fmtInt(mid.length)} words in ${pctRange(s.midWords)} of the sampled papers`,
      cacheable: false,
      seqGoal: false,
      seq: { pool: mid.map(search), fresh: true },
      load: { paths: mid.map(search), cost: 5 },
    },
    {
      key: "search-common",
      md: "(c1) `/search?q=<word>` (word in 30%+)",
      label: "(c1) /search?q=<word in 30%+>",
      detail: `${fmtInt(common.length)} words in ${pctRange(s.commonWords)} of the sampled papers (warm-up on 1-10% words)`,
      cacheable: false,
      seqGoal: true,
      seq: { pool: common.map(search), fresh: true, warmPool: [...mid].reverse().map(search) },
    },
    {
      key: "search-rare",
      md: "(c2) `/search?q=<word>` (word in <= 0.1%)",
      label: "(c2) /search?q=<word in <=0.1%>",
      detail: `${fmtInt(rare.length)} words in ${pctRange(s.rareWords)} of the sampled papers`,
      cacheable: false,
      seqGoal: true,
      seq: { pool: rare.map(search), fresh: true },
    },
    {
      key: "search-api",
      md: "(c') `/api/papers/search?q=<word>`",
      label: "(c') /api/papers/search?q=<word>",
      detail: `the words of (c)`,
      cacheable: false,
      seqGoal: false,
      seq: { pool: mid.map((w) => `/api/papers/search?q=${q(w)}`), fresh: true },
      load: { paths: mid.map((w) => `/api/papers/search?q=${q(w)}`), cost: 4 },
    },
    {
      key: "author",
      md: "(g) `/authors/<name>` (typical author)",
      label: "(g)  /authors/<typical author>",
      detail: `${fmtInt(typical.length)} authors with ${range(typical.map((a) => a.papers))} papers each (the middle fifth of all authors)`,
      cacheable: false,
      seqGoal: true,
      seq: { pool: typical.map(author), fresh: true },
      load: { paths: typical.map(author), cost: 5.5 },
    },
    {
      key: "author-top",
      md: "(g') `/authors/<name>` (prolific author)",
      label: "(g') /authors/<prolific author>",
      detail: `the ${fmtInt(top.length)} most prolific authors, most papers first: ${range(top.map((a) => a.papers))} papers each`,
      cacheable: false,
      seqGoal: true,
      seq: { pool: top.map(author), fresh: true },
    },
    {
      key: "api-daily",
      md: "(d) `/api/daily_papers` (latest day)",
      label: "(d)  /api/daily_papers (latest)",
      detail: "the latest day",
      cacheable: true,
      seqGoal: true,
      seq: { pool: ["/api/daily_papers"], fresh: false },
      load: { paths: ["/api/daily_papers"], cost: 1 },
    },
    {
      key: "api-daily-date",
      md: "(d') `/api/daily_papers?date=<day>`",
      label: "(d') /api/daily_papers?date=<day>",
      detail: `one at a time: ${dailyApiDays.slice(0, 5).length} days cycled; load: ${fmtInt(dailyApiDays.length)} days of the middle half of the year`,
      cacheable: true,
      seqGoal: false,
      seq: { pool: dailyApiDays.slice(0, 5), fresh: false },
      load: { paths: dailyApiDays, cost: 2 },
    },
    {
      key: "day-render",
      md: "(h) `/papers?date=<day>&sort=` (first render)",
      label: "(h)  /papers?date=<day>&sort=, 1st render",
      detail: `${fmtInt(dayRenders.length)} day x sort pages, each rendered on its first request`,
      cacheable: false,
      seqGoal: false,
      seq: { pool: dayRenders, fresh: true },
    },
    {
      key: "week-render",
      md: "(h') `/papers/week/<week>?sort=&page=` (first render)",
      label: "(h') /papers/week/<week>?..., 1st render",
      detail: `${fmtInt(weekRenders.length)} week x sort x page (1-3) pages, each rendered on its first request`,
      cacheable: false,
      seqGoal: false,
      seq: { pool: weekRenders, fresh: true },
    },
    {
      key: "month-render",
      md: "(h'') `/papers/month/<month>?sort=&page=` (first render)",
      label: "(h'') /papers/month/<month>?..., 1st render",
      detail: `${fmtInt(monthRenders.length)} month x sort x page (1-8) pages, each rendered on its first request`,
      cacheable: false,
      seqGoal: false,
      seq: { pool: monthRenders, fresh: true },
    },
  ];
  if (list.map((t) => t.key).join() !== TARGET_KEYS.join()) throw new Error("TARGET_KEYS and targets() disagree");
  return list;
}

/** One request to a target's first path, before any other: status and a cold time. */
async function probe(baseUrl: string, p: string): Promise<Probe> {
  const started = performance.now();
  try {
    const res = await fetch(baseUrl + p, { signal: AbortSignal.timeout(30_000), redirect: "manual" });
    const body = await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started, bytes: body.byteLength };
  } catch (err) {
    return { status: err instanceof Error ? err.name : "error", ms: performance.now() - started, bytes: 0 };
  }
}

interface Probe {
  status: number | string;
  ms: number;
  bytes: number;
}

// ---------------------------------------------------------------------------- sequential

/**
 * Each target's warm-up and measured paths, in the order the targets run; `read` holds every
 * path requested so far in the run, so a fresh target's measured paths were never requested.
 */
function seqPlan(list: Target[], read: Set<string>): SeqTarget[] {
  const out: SeqTarget[] = [];
  for (const t of list) {
    if (!t.seq) continue;
    let warmup: string[];
    let paths: string[];
    if (!t.seq.fresh) {
      // Each path at least once in the warm-up, so every measured request is a cache hit.
      warmup = cycle(t.seq.pool, Math.max(seqWarmup, new Set(t.seq.pool).size));
      paths = cycle(t.seq.pool, sequential);
    } else {
      const unread = [...new Set(t.seq.pool)].filter((p) => !read.has(p));
      paths = unread.slice(0, sequential);
      // Too few never-read paths: the rest repeat them (the table says how many were distinct).
      if (paths.length < sequential) paths.push(...cycle(paths.length ? paths : t.seq.pool, sequential - paths.length));
      const measured = new Set(paths);
      warmup = [...new Set(t.seq.warmPool ?? t.seq.pool)].filter((p) => !read.has(p) && !measured.has(p)).slice(0, seqWarmup);
    }
    for (const p of [...warmup, ...paths]) read.add(p);
    out.push({ name: t.label, warmup, paths });
  }
  return out;
}

async function runSequential(baseUrl: string, list: Target[], read: Set<string>): Promise<SeqResult[]> {
  const plan: SeqPlan = { baseUrl, targets: seqPlan(list, read), timeoutMs: 30_000, budgetMs: SEQ_BUDGET_S * 1000 };
  const file = path.join(tmp, "seq-plan.json");
  writeFileSync(file, JSON.stringify(plan));
  const stdout = await runTsx("bench/pages-seq.ts", [file], { echo: true });
  return benchResult<SeqResult[]>(stdout);
}

// ---------------------------------------------------------------------------- load

async function load(baseUrl: string, list: Target[]): Promise<LoadResult[]> {
  // Cheap targets first: a slow target's abandoned requests (timeouts) keep the server busy
  // for a while after it, and the load child waits for that to clear before the next one.
  const order = list.filter((t) => t.load).sort((a, b) => a.load!.cost - b.load!.cost);
  const plan: LoadPlan = {
    baseUrl,
    targets: order.map((t) => ({ name: t.label, paths: t.load!.paths })),
    duration,
    connections,
    warmup,
    timeoutS: 10,
    drainPath: "/api/daily_papers?limit=1",
  };
  const file = path.join(tmp, "load-plan.json");
  writeFileSync(file, JSON.stringify(plan));
  const stdout = await runTsx("bench/pages-load.ts", [file], { echo: true });
  return benchResult<LoadResult[]>(stdout);
}

// ---------------------------------------------------------------------------- report

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "-");
const kib = (bytes: number) => (bytes ? (bytes / 1024).toFixed(0) : "-");

function table(head: string[], rows: string[][], left: (i: number) => boolean) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

const statuses = (codes: Record<string, number>) =>
  Object.entries(codes)
    .map(([c, n]) => `${c}x${n}`)
    .join(" ") || "-";

function seqVerdict(t: Target, r: SeqResult): string {
  const broken = r.non2xx || r.errors ? " (errors)" : r.requests < sequential ? ` (stopped after ${SEQ_BUDGET_S} s)` : "";
  if (!t.seqGoal) return `report${broken}`;
  if (broken) return `FAIL${broken}`;
  return r.p99 < TARGET_P99_MS ? "PASS" : "FAIL (slow)";
}

function loadVerdict(t: Target, r: LoadResult): string {
  const broken = r.non2xx || r.errors || !r.requests;
  if (!t.cacheable) return broken ? "report (errors)" : "report";
  if (broken) return "FAIL (errors)";
  return r.p99 < TARGET_P99_MS ? "PASS" : "FAIL (slow)";
}

function printSeqTable(list: Target[], results: SeqResult[], probes: Map<string, Probe>) {
  console.log(
    `\nOne at a time: ${fmtInt(papers)} papers, ${sequential} requests per target after ${seqWarmup} warm-up, one connection, each request sent once the previous answer was read; loopback (load average now ${loadAvg()})`,
  );
  const rows = results.map((r) => {
    const t = list.find((x) => x.label === r.name)!;
    const p = probes.get(r.name);
    return [
      r.name,
      fmtInt(r.distinctPaths),
      ms(r.p50),
      ms(r.p90),
      ms(r.p99),
      ms(r.max),
      kib(r.bytesPerResponse),
      statuses(r.statusCodes),
      p ? `${p.status} ${ms(p.ms)}ms` : "-",
      seqVerdict(t, r),
    ];
  });
  table(["target", "distinct", "p50", "p90", "p99", "max", "KiB", "status codes", "first", "verdict"], rows, (i) => i === 0 || i >= 7);
  console.log(
    `latencies in ms, each request until its last byte; goal p99 < ${TARGET_P99_MS} ms with no errors for (a) (e) (f) (b) (c1) (c2) (g) (g') (d), ` +
      `the others report; p99 is the ${Math.ceil(0.99 * sequential)}th fastest of ${sequential} (nearest rank); "distinct" = different paths among the measured requests; ` +
      `a target stops after ${SEQ_BUDGET_S} s; "first" = one request before anything else (cold)`,
  );
  for (const r of results) console.log(`  ${r.name}: slowest ${ms(r.max)} ms, ${r.slowest}`);
}

function printLoadTable(list: Target[], results: LoadResult[], probes: Map<string, Probe>) {
  console.log(
    `\nLoad: ${fmtInt(papers)} papers, ${connections} connections, ${duration} s per target after ${warmup} warm-up requests, loopback; ${os.cpus().length} CPUs shared by autocannon, the server and Postgres (load average now ${loadAvg()})`,
  );
  const rows = results.map((r) => {
    const t = list.find((x) => x.label === r.name)!;
    const p = probes.get(r.name);
    return [
      r.name,
      fmtInt(r.rps),
      r.requests ? ms(r.p50) : "-",
      r.requests ? ms(r.p90) : "-",
      r.requests ? ms(r.p99) : "-",
      fmtInt(r.non2xx),
      r.timeouts ? `${fmtInt(r.errors)} (${fmtInt(r.timeouts)} timeouts)` : fmtInt(r.errors),
      kib(r.bytesPerResponse),
      statuses(r.statusCodes),
      p ? `${p.status} ${ms(p.ms)}ms ${kib(p.bytes)}KB` : "-",
      loadVerdict(t, r),
    ];
  });
  table(
    ["target", "req/s", "p50", "p90", "p99", "non-2xx", "errors", "KiB", "status codes", "first", "verdict"],
    rows,
    (i) => i === 0 || i >= 8,
  );
  console.log(
    `latencies in ms; goal p99 < ${TARGET_P99_MS} ms with no errors and no non-2xx for the cached pages and APIs (a) (e) (f) (b') (d) (d'), ` +
      `the others report requests/s and p99; errors are connection errors and timeouts (10 s); ` +
      `"undefined" = a response without a readable status (cut off by its timeout)`,
  );
  for (const r of results)
    if (r.distinctPaths > 1)
      console.log(`  ${r.name}: requests cycled over ${fmtInt(r.distinctPaths)} distinct paths, first ${r.firstPath}`);
}

/** Both phases in one markdown table, one row per target, to paste into bench/README.md. */
function printSummary(list: Target[], seq: SeqResult[], loadResults: LoadResult[]) {
  console.log(
    `\nSummary (${fmtInt(papers)} papers; one at a time: ${seq.length ? `${sequential} requests per target` : "not run"}; ` +
      `under load: ${loadResults.length ? `${connections} connections, ${duration} s per target` : "not run"}; ms; goal p99 < ${TARGET_P99_MS} ms)\n`,
  );
  const head = ["target", "goal", "1-at-a-time p50", "p99", "max", "load req/s", "p50", "p99", "KiB", "verdict"];
  const rows: string[][] = [];
  for (const t of list) {
    const s = seq.find((r) => r.name === t.label);
    const l = loadResults.find((r) => r.name === t.label);
    if (!s && !l) continue;
    const goal = [t.seqGoal && s ? "1-at-a-time" : "", t.cacheable && l ? "load" : ""].filter(Boolean).join(", ") || "report";
    const verdicts = [s && t.seqGoal ? seqVerdict(t, s) : "", l && t.cacheable ? loadVerdict(t, l) : ""].filter(Boolean);
    const verdict = !verdicts.length ? "report" : verdicts.every((v) => v === "PASS") ? "PASS" : verdicts.find((v) => v !== "PASS")!;
    rows.push([
      t.md,
      goal,
      s ? ms(s.p50) : "-",
      s ? ms(s.p99) : "-",
      s ? ms(s.max) : "-",
      l ? fmtInt(l.rps) : "-",
      l?.requests ? ms(l.p50) : "-",
      l?.requests ? ms(l.p99) : "-",
      kib(s?.bytesPerResponse || l?.bytesPerResponse || 0),
      verdict,
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 || i === 9 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w, i) => (i < 2 || i === 9 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
  for (const r of rows) console.log(line(r));
  console.log();
  for (const t of list) {
    const r = seq.find((x) => x.name === t.label);
    if (!r && !loadResults.some((x) => x.name === t.label)) continue;
    console.log(`  ${t.label}: ${t.detail}`);
    // Too few never-read paths for a fresh target: say so beside the figures.
    if (r && t.seq?.fresh && r.distinctPaths < r.requests)
      console.log(
        `      one at a time: only ${fmtInt(r.distinctPaths)} distinct paths among ${fmtInt(r.requests)} requests (the rest repeat them)`,
      );
  }
}

function printSearchTable(timings: SearchTiming[]) {
  console.log(`\nsearchPapers() called directly (no HTTP), one query at a time, page of 20`);
  for (const t of timings) {
    const verdict = t.p95 < TARGET_SEARCH_P95_MS ? "PASS" : "FAIL";
    console.log(
      `  ${t.name.padEnd(42)} ${String(t.queries).padStart(4)} queries (${t.distinct} distinct)  p50 ${ms(t.p50).padStart(5)}  p95 ${ms(t.p95).padStart(5)}  p99 ${ms(t.p99).padStart(5)}  max ${ms(t.max).padStart(5)} ms  ${verdict} p95 < ${TARGET_SEARCH_P95_MS} ms  (slowest: "${t.slowest}")`,
    );
  }
}

// ---------------------------------------------------------------------------- main

/** The figures are only as good as the machine is quiet: the bench says how busy it was. */
const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function main(): Promise<number> {
  console.log(`${os.cpus().length} CPUs, load average ${loadAvg()} before the bench`);
  let t = performance.now();
  let url: string;
  if (values.url) {
    if (!values["search-only"]) throw new Error("--url only goes with --search-only");
    url = values.url;
    const [{ n }] = await sql<{ n: string }>(url, "SELECT count(*)::text AS n FROM papers");
    papers = Number(n);
    console.log(`using the running database at --url: ${fmtInt(papers)} papers`);
  } else if (values.data) {
    const dataDir = path.resolve(values.data, "pg");
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`--data: no Postgres data in ${dataDir}`);
    postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    await applyMigrations(postgres.url);
    const [{ n }] = await sql<{ n: string }>(postgres.url, "SELECT count(*)::text AS n FROM papers");
    papers = Number(n);
    url = postgres.url;
    console.log(
      `reusing the database in ${dataDir}: ${fmtInt(papers)} papers, up in ${seconds(performance.now() - t)} (work files in ${tmp})`,
    );
  } else {
    postgres = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort() });
    await applyMigrations(postgres.url);
    console.log(`fresh Postgres up and migrated in ${seconds(performance.now() - t)} (${tmp})`);
    url = postgres.url;
    await seed(url);
    if (values["seed-only"]) return 0;
  }

  const s = await pickSamples(url);
  console.log(
    `latest day ${s.latestDay}, middle day ${s.middleDay} (${s.days.length} days); middle paper ${s.middleArxivId}, ${s.arxivIds.length} paper ids; ` +
      `${s.midWords.length} mid-frequency search words (e.g. ${s.midWords
        .slice(0, 5)
        .map((w) => `${w.word} ${(w.share * 100).toFixed(1)}%`)
        .join(", ")}), ` +
      `${s.commonWords.length} common ones (e.g. ${s.commonWords
        .slice(0, 3)
        .map((w) => `${w.word} ${(w.share * 100).toFixed(0)}%`)
        .join(", ")}), ${s.rareWords.length} rare ones (e.g. ${s.rareWords
        .slice(0, 3)
        .map((w) => w.word)
        .join(", ")}); authors: the most prolific has ${fmtInt(s.topAuthors[0]?.papers ?? 0)} papers, ` +
      `typical ones ${fmtInt(Math.min(...s.typicalAuthors.map((a) => a.papers)))}-${fmtInt(Math.max(...s.typicalAuthors.map((a) => a.papers)))}`,
  );
  writeFileSync(path.join(tmp, "samples.json"), JSON.stringify(s, null, 1));

  let searchTimings: SearchTiming[] = [];
  if (!only || only.has(KEY_DIRECT)) {
    console.log(`\ntiming searchPapers directly`);
    searchTimings = await timeSearch(url, s);
  }
  if (values["search-only"]) {
    printSearchTable(searchTimings);
    return 0;
  }

  const list = targets(s).filter((x) => !only || only.has(x.key));
  let seqResults: SeqResult[] = [];
  let loadResults: LoadResult[] = [];
  const probes = new Map<string, Probe>();
  let code = 0;
  const wanted = list.some((x) => (x.seq && sequential) || (x.load && duration));
  let built = values["skip-build"] && existsSync(serverJs);
  if (!wanted) console.log(`\nno page targets to run (--only, --sequential 0, --duration 0)`);
  else if (built) console.log(`--skip-build: using the existing build in ${DIST_DIR}`);
  else built = await build(path.join(tmp, "build.log"));
  if (wanted && built) {
    t = performance.now();
    const server = await startServer(url, tmp);
    console.log(`server up on ${server.baseUrl} in ${seconds(performance.now() - t)}`);
    try {
      // Every path requested in the run, so the sequential phase's uncached paths are new.
      const read = new Set<string>();
      for (const target of list) {
        const first = target.load?.paths[0] ?? target.seq?.pool[0];
        if (!first) continue;
        probes.set(target.label, await probe(server.baseUrl, first));
        read.add(first);
      }
      const seqList = sequential ? list.filter((x) => x.seq) : [];
      if (seqList.length) {
        console.log(
          `\none at a time: ${seqList.length} targets, ${sequential} requests each after ${seqWarmup} warm-up (load average ${loadAvg()})`,
        );
        seqResults = await runSequential(server.baseUrl, seqList, read);
      }
      const loadList = duration ? list.filter((x) => x.load) : [];
      if (loadList.length) {
        console.log(`\nload-testing ${loadList.length} targets, ${duration} s each (load average ${loadAvg()})`);
        loadResults = await load(server.baseUrl, loadList);
      }
    } finally {
      await server.stop();
    }
  } else if (wanted) {
    code = 1;
  }

  if (seqResults.length) printSeqTable(list, seqResults, probes);
  if (loadResults.length) printLoadTable(list, loadResults, probes);
  if (wanted && !built) console.log(`\nPages: not run (no build)`);
  if (seqResults.length || loadResults.length) printSummary(list, seqResults, loadResults);
  if (searchTimings.length) printSearchTable(searchTimings);
  if (values.keep)
    writeFileSync(
      path.join(tmp, "results.json"),
      JSON.stringify(
        { papers, sequential, duration, connections, seqResults, loadResults, probes: Object.fromEntries(probes), searchTimings },
        null,
        1,
      ),
    );
  return code;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  killChildren("SIGTERM");
  await Promise.all([...children].map((c) => stopChild(c, 5_000)));
  await postgres?.stop();
  if (values.keep) {
    console.log(`kept ${tmp}: Postgres data in ${path.join(tmp, "pg")} (password in pg.password); results, samples and logs beside it`);
  }
}
process.exit(code);
