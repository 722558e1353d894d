/**
 * npm run bench:pages -- [--papers N] [--duration 15] [--connections 16] [--keep] [--skip-build]
 *                        [--warmup 300] [--chunk 50000] [--search-queries 200] [--seed-only]
 *                        [--data <folder kept by an earlier --keep run>]
 *                        [--search-only] [--url <postgres URL of a seeded database already running>]
 *
 * Page and API latency under load, on a fresh embedded Postgres seeded with N synthetic
 * papers over 365 days:
 *   1. seeds the database (streamed generation, chunked runIngest), then VACUUM ANALYZE;
 *   2. times `searchPapers` directly for varied queries (target p95 < 50 ms);
 *   3. builds the production app into .next-bench (never .next) and starts its
 *      standalone server on a free loopback port against the seeded database;
 *   4. load-tests the daily page, a paper page, the search page and the APIs with
 *      autocannon from a child process, each request taking the next of many paths;
 *   5. prints a table against the target p99 < 100 ms, then stops everything and
 *      deletes the temp folder (unless --keep; the build folder always stays).
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
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import type { LoadPlan, LoadResult } from "./pages-load";
import type { SearchPlan, SearchTiming } from "./pages-search";
import { seedPapers } from "./pages-seed";
import { build, DIST_DIR, pendingRestore, serverJs, startServer } from "./pages-server";
import { benchResult, children, fmtInt, killChildren, root, runTsx, seconds, stopChild } from "./pages-util";

const TARGET_P99_MS = 100;
const TARGET_SEARCH_P95_MS = 50;

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "100000" },
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
const duration = int("duration", 1);
const connections = int("connections", 1);
const warmup = int("warmup", 0);
const chunk = int("chunk", 1);
const searchQueries = int("search-queries", 1);

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
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
}

async function pickSamples(url: string): Promise<Samples> {
  const days = (await sql<{ day: string }>(url, "SELECT DISTINCT day::text AS day FROM paper_features ORDER BY 1")).map((r) => r.day);
  const middleDay = days[Math.floor(days.length / 2)];
  // The middle paper by id (ids follow the feed's day order), then a sample of the rest.
  const [{ arxiv_id: middleArxivId }] = await sql<{ arxiv_id: string }>(
    url,
    "SELECT arxiv_id FROM papers WHERE arxiv_id IS NOT NULL ORDER BY id OFFSET $1 LIMIT 1",
    [Math.floor(papers / 2)],
  );
  const pct = Math.min(100, (100 * 4000) / papers);
  const sampledIds = (
    await sql<{ arxiv_id: string }>(
      url,
      `SELECT arxiv_id FROM papers TABLESAMPLE SYSTEM (${pct}) REPEATABLE (42) WHERE arxiv_id IS NOT NULL LIMIT 2000`,
    )
  ).map((r) => r.arxiv_id);

  // Lexeme document frequencies over a sample of papers. The synthetic titles and abstracts
  // draw from one ~200-word vocabulary, so each of those words is in about half the papers;
  // author surnames are the mid-frequency words (a few % each), as real topic words are.
  const samplePct = Math.min(100, (100 * 5000) / papers);
  const [{ n }] = await sql<{ n: string }>(url, `SELECT count(*)::text AS n FROM papers TABLESAMPLE SYSTEM (${samplePct}) REPEATABLE (3)`);
  const stats = await sql<{ word: string; ndoc: number }>(
    url,
    `SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM papers TABLESAMPLE SYSTEM (${samplePct}) REPEATABLE (3)')
      WHERE word ~ '^[a-z]{3,}$' ORDER BY ndoc DESC`,
  );
  const withShare = stats.map((s) => ({ word: s.word, share: s.ndoc / Number(n) }));
  const midWords = withShare.filter((s) => s.share >= 0.01 && s.share <= 0.1);
  const commonWords = withShare.filter((s) => s.share >= 0.3);
  if (!midWords.length) throw new Error("no search word matches 1-10% of the papers");
  return {
    latestDay: days[days.length - 1],
    days,
    middleDay,
    arxivIds: [middleArxivId, ...shuffled(sampledIds)],
    middleArxivId,
    midWords,
    commonWords,
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

// ---------------------------------------------------------------------------- load

interface Target {
  label: string;
  paths: string[];
  /** Expected cost rank: targets run cheapest first. */
  cost: number;
}

function targets(s: Samples): Target[] {
  const q = (w: string) => encodeURIComponent(w);
  const words = shuffled(s.midWords.map((w) => w.word));
  const middleDays = s.days.slice(Math.floor(s.days.length / 4), Math.ceil((s.days.length * 3) / 4));
  return [
    { label: "(a)  / daily page, latest day", paths: ["/"], cost: 3 },
    { label: "(b)  /papers/<arXiv id>", paths: s.arxivIds.map((id) => `/papers/${id}`), cost: 6 },
    // A paper everybody is reading (the day's top paper, a link going round): its page is
    // rendered once a minute and served from the cache in between.
    { label: "(b') /papers/<one arXiv id>", paths: [`/papers/${s.middleArxivId}`], cost: 2.5 },
    { label: "(c)  /search?q=<word>", paths: words.map((w) => `/search?q=${q(w)}`), cost: 5 },
    { label: "(c') /api/papers/search?q=<word>", paths: words.map((w) => `/api/papers/search?q=${q(w)}`), cost: 4 },
    { label: "(d)  /api/daily_papers (latest)", paths: ["/api/daily_papers"], cost: 1 },
    {
      label: "(d') /api/daily_papers?date=<day>",
      paths: [s.middleDay, ...shuffled(middleDays)].map((d) => `/api/daily_papers?date=${d}`),
      cost: 2,
    },
  ];
}

/** One request to each target's first path, before any load: status and a cold time. */
async function probe(baseUrl: string, t: Target): Promise<{ status: number | string; ms: number; bytes: number }> {
  const started = performance.now();
  try {
    const res = await fetch(baseUrl + t.paths[0], { signal: AbortSignal.timeout(30_000), redirect: "manual" });
    const body = await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started, bytes: body.byteLength };
  } catch (err) {
    return { status: err instanceof Error ? err.name : "error", ms: performance.now() - started, bytes: 0 };
  }
}

async function load(baseUrl: string, list: Target[]): Promise<LoadResult[]> {
  // Cheap targets first: a slow target's abandoned requests (timeouts) keep the server busy
  // for a while after it, and the load child waits for that to clear before the next one.
  const order = [...list].sort((a, b) => a.cost - b.cost);
  const plan: LoadPlan = {
    baseUrl,
    targets: order.map((t) => ({ name: t.label, paths: t.paths })),
    duration,
    connections,
    warmup,
    serialRequests: 20,
    timeoutS: 10,
    drainPath: "/api/daily_papers?limit=1",
  };
  const file = path.join(tmp, "load-plan.json");
  writeFileSync(file, JSON.stringify(plan));
  const stdout = await runTsx("bench/pages-load.ts", [file], { echo: true });
  const results = benchResult<LoadResult[]>(stdout);
  // Reported in the order of the targets list.
  return list.map((t) => results.find((r) => r.name === t.label)!).filter(Boolean);
}

// ---------------------------------------------------------------------------- report

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "-");

function printLoadTable(results: LoadResult[], probes: Map<string, { status: number | string; ms: number; bytes: number }>) {
  console.log(
    `\nLoad: ${fmtInt(papers)} papers, ${connections} connections, ${duration} s per target after ${warmup} warm-up requests, loopback; ${os.cpus().length} CPUs shared by autocannon, the server and Postgres (load average now ${loadAvg()})`,
  );
  const head = ["target", "req/s", "p50", "p90", "p99", "non-2xx", "errors", "1-conn p50", "status codes", "first", "verdict"];
  const rows = results.map((r) => {
    const p = probes.get(r.name);
    const ok = r.p99 < TARGET_P99_MS && r.non2xx === 0 && r.errors === 0 && r.requests > 0;
    const why = r.non2xx || r.errors ? " (errors)" : r.p99 >= TARGET_P99_MS ? " (slow)" : "";
    return [
      r.name,
      fmtInt(r.rps),
      r.requests ? ms(r.p50) : "-",
      r.requests ? ms(r.p90) : "-",
      r.requests ? ms(r.p99) : "-",
      fmtInt(r.non2xx),
      r.timeouts ? `${fmtInt(r.errors)} (${fmtInt(r.timeouts)} timeouts)` : fmtInt(r.errors),
      r.serialRequests ? `${ms(r.serialP50)}${r.serialRequests < 20 ? ` (${r.serialRequests})` : ""}` : "-",
      Object.entries(r.statusCodes)
        .map(([c, n]) => `${c}x${n}`)
        .join(" ") || "-",
      p ? `${p.status} ${ms(p.ms)}ms ${(p.bytes / 1024).toFixed(0)}KB` : "-",
      (ok ? "PASS" : "FAIL") + why,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 8 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(
    `latencies in ms; target p99 < ${TARGET_P99_MS} ms with no errors and no non-2xx; errors are connection errors and timeouts (10 s); ` +
      `"undefined" = a response without a readable status (cut off by its timeout); ` +
      `"1-conn p50" = ${20} requests one at a time just before the load (service time without queueing); "first" = one request before any warm-up (status, time, size)`,
  );
  for (const r of results)
    if (r.distinctPaths > 1)
      console.log(`  ${r.name}: requests cycled over ${fmtInt(r.distinctPaths)} distinct paths, first ${r.firstPath}`);
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
        .join(", ")})`,
  );
  writeFileSync(path.join(tmp, "samples.json"), JSON.stringify(s, null, 1));

  console.log(`\ntiming searchPapers directly`);
  const searchTimings = await timeSearch(url, s);
  if (values["search-only"]) {
    printSearchTable(searchTimings);
    return 0;
  }

  let loadResults: LoadResult[] = [];
  const probes = new Map<string, { status: number | string; ms: number; bytes: number }>();
  let code = 0;
  let built = values["skip-build"] && existsSync(serverJs);
  if (built) console.log(`--skip-build: using the existing build in ${DIST_DIR}`);
  else built = await build(path.join(tmp, "build.log"));
  if (built) {
    t = performance.now();
    const server = await startServer(url, tmp);
    console.log(`server up on ${server.baseUrl} in ${seconds(performance.now() - t)}`);
    try {
      const list = targets(s);
      for (const target of list) probes.set(target.label, await probe(server.baseUrl, target));
      console.log(`\nload-testing ${list.length} targets, ${duration} s each (load average ${loadAvg()})`);
      loadResults = await load(server.baseUrl, list);
    } finally {
      await server.stop();
    }
  } else {
    code = 1;
  }

  if (loadResults.length) printLoadTable(loadResults, probes);
  else console.log(`\nLoad: not run (no build)`);
  printSearchTable(searchTimings);
  if (values.keep)
    writeFileSync(
      path.join(tmp, "results.json"),
      JSON.stringify({ papers, duration, connections, loadResults, probes: Object.fromEntries(probes), searchTimings }, null, 1),
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
