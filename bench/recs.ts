/**
 * npm run bench:recs -- [--papers 1000000] [--people 10000] [--signals 50] [--new 2000]
 *                       [--reads 500] [--chunk 50000] [--keep] [--data <folder kept by --keep>]
 *
 * The cost of "For you" at size, on a fresh embedded Postgres seeded with N synthetic papers
 * over 365 days (bench/pages-seed.ts, as bench:pages does):
 *   1. term vectors for every paper (the one-time backfill after the migration);
 *   2. P people with S signals each (upvotes and saved papers, written in SQL), and a first
 *      computation of everyone;
 *   3. a day of `--new` papers arrives through runIngest, then the arrival job
 *      (recomputeAfterArrival: their term vectors, every active person scores them): target
 *      under 5 minutes;
 *   4. /for-you's reads (recsStatus and listRecommendations, the page's two queries) for
 *      `--reads` random people: target p95 under 100 ms.
 * `--data` reuses the database of an earlier `--keep` run (seeded, with people), and runs 3–4;
 * given a folder kept by bench:pages (papers, no people yet), it runs 1–4 on those papers.
 * Each step prints its wall time, the CPU seconds of this process (the recommender's arithmetic)
 * and of Postgres (its backends, live and ended), and the load average when it ended: the machine
 * may be shared, and CPU seconds compare across runs where wall times do not.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import "./quiet-logs";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { streamOf } from "@/lib/test/fixtures";
import { hfDocument } from "@/lib/test/ingest";
import { seedPapers } from "./pages-seed";
import { fmtInt, percentile, root, seconds, runBench } from "./pages-util";

const TARGET_ARRIVAL_MS = 5 * 60_000;
const TARGET_READ_P95_MS = 100;
/** Linux's clock ticks a second (USER_HZ), the unit of /proc/<pid>/stat's times. */
const TICKS = 100;

/** CPU seconds of a Postgres cluster: its postmaster, its ended backends, and its live ones. */
function postgresCpuSeconds(dataDir: string): number {
  const read = (pid: number | string) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    } catch {
      return null;
    }
  };
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return NaN;
  }
  const own = read(pid);
  if (!own) return NaN;
  // Fields after the command: state ppid … utime(12) stime(13) cutime(14) cstime(15), 0-based from state.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = read(entry);
    if (f && Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICKS;
}

/** A YYMM of its own for a day: 720 days, one a month of the years 2040–2099, before one repeats. */
function dayPrefix(day: string): string {
  const k = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000) % 720;
  return `${40 + Math.floor(k / 12)}${String((k % 12) + 1).padStart(2, "0")}`;
}

/** Starts timing a step; the function returned gives its figures as text. */
function timer(dataDir: string) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const pg = postgresCpuSeconds(dataDir);
  return () => {
    const ms = performance.now() - wall;
    const used = process.cpuUsage(cpu);
    const node = (used.user + used.system) / 1e6;
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
    return {
      ms,
      text: `${seconds(ms)} (CPU: node ${node.toFixed(1)} s, postgres ${(postgresCpuSeconds(dataDir) - pg).toFixed(1)} s; load ${load})`,
    };
  };
}

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "1000000" },
    people: { type: "string", default: "10000" },
    signals: { type: "string", default: "50" },
    new: { type: "string", default: "2000" },
    reads: { type: "string", default: "500" },
    chunk: { type: "string", default: "50000" },
    keep: { type: "boolean", default: false },
    data: { type: "string" },
  },
});
const int = (name: keyof typeof values, min: number) => {
  const n = Number(values[name]);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${values[name]}`);
  return n;
};
const papers = int("papers", 100);
const people = int("people", 1);
const signals = int("signals", 3);
const fresh = int("new", 1);
const reads = int("reads", 1);
const chunk = int("chunk", 1);

process.chdir(root);
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-recs-"));
process.on("exit", () => {
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
});

async function main(): Promise<number> {
  let pg: RunningPostgres | undefined;
  try {
    const dataDir = values.data ? path.resolve(values.data, "pg") : path.join(tmp, "pg");
    if (values.data && !existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`--data: no Postgres data in ${dataDir}`);
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const step = () => timer(dataDir);
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    const { db, disconnectDb } = await import("@/lib/db");
    const { runIngest } = await import("@/lib/ingest/run-ingest");
    const recs = await import("@/lib/recs/compute");
    const read = await import("@/lib/recs/read");
    const prisma = db();

    if (!values.data) {
      console.log(`seeding ${fmtInt(papers)} synthetic papers over 365 days`);
      const s = await seedPapers(pg.url, { papers, chunk, workDir: tmp });
      console.log(`seeded ${fmtInt(s.new)} papers in ${seconds(s.ms)}`);
      await prisma.$executeRawUnsafe("VACUUM (ANALYZE)");
    }
    // A folder kept by bench:pages has the papers but nobody yet: steps 1–2 run on it once.
    const [{ n: benchPeople }] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM users WHERE id LIKE 'bench-%'`;
    if (benchPeople === 0) {
      let t = step();
      const backfilled = await recs.ensurePaperTerms(prisma);
      console.log(`1. term vectors for ${fmtInt(backfilled.length)} papers (one-time backfill): ${t().text}`);

      const written = performance.now();
      // People and their signals, in SQL: two thirds upvotes, one third saved, of random papers.
      await prisma.$executeRaw`
        INSERT INTO users (id, email, email_verified) SELECT 'bench-' || g, 'bench-' || g || '@example.org', now() FROM generate_series(1, ${people}) g`;
      await prisma.$executeRaw`
        INSERT INTO reading_lists (user_id, name, is_default, updated_at) SELECT id, 'Read later', true, now() FROM users WHERE id LIKE 'bench-%'`;
      const [{ lo, hi }] = await prisma.$queryRaw<{ lo: number; hi: number }[]>`SELECT min(id) AS lo, max(id) AS hi FROM papers`;
      const ups = Math.ceil((signals * 2) / 3);
      await prisma.$executeRaw`
        INSERT INTO upvotes (user_id, paper_id)
        SELECT u.id, ${lo}::int + floor(random() * (${hi}::int - ${lo}::int))::int FROM users u, generate_series(1, ${ups}) g
        WHERE u.id LIKE 'bench-%' ON CONFLICT DO NOTHING`;
      await prisma.$executeRaw`
        INSERT INTO reading_list_items (list_id, paper_id, position)
        SELECT l.id, ${lo}::int + floor(random() * (${hi}::int - ${lo}::int))::int, g FROM reading_lists l, generate_series(1, ${signals - ups}) g
        WHERE l.user_id LIKE 'bench-%' ON CONFLICT DO NOTHING`;
      await prisma.$executeRaw`INSERT INTO rec_profiles (user_id, stale_at) SELECT id, now() FROM users WHERE id LIKE 'bench-%'`;
      await prisma.$executeRawUnsafe("ANALYZE");
      console.log(`2. ${fmtInt(people)} people with ${signals} signals each written in ${seconds(performance.now() - written)}`);
      t = step();
      for (;;) {
        const done = await recs.recomputeStale(prisma, 1000);
        if (!done.people) break;
      }
      console.log(`   first computation of everyone: ${t().text}`);
    }

    // 3. A new day of papers, after the latest.
    const [{ latest }] = await prisma.$queryRaw<{ latest: string }[]>`SELECT max(day)::text AS latest FROM paper_features`;
    const day = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const words = [
      "diffusion",
      "agents",
      "retrieval",
      "robot",
      "video",
      "reasoning",
      "quantum",
      "graph",
      "speech",
      "protein",
      "vision",
      "language",
    ];
    const doc = hfDocument(
      Array.from({ length: fresh }, (_, i) => ({
        // Ids of their own for each day (years 40–99, after the seed's), so each re-run on --data adds new papers.
        id: `${dayPrefix(day)}.${String(i).padStart(5, "0")}`,
        title: `${words[i % words.length]} ${words[(i * 7) % words.length]} models for ${words[(i * 3) % words.length]} number ${i}`,
        summary: Array.from({ length: 120 }, (_, k) => words[(i + k * k) % words.length]).join(" "),
        day,
      })),
    );
    const ingestStarted = performance.now();
    const s = await runIngest({ body: streamOf(doc), origin: "bench", trigger: "cli", maxBytes: doc.length + 1, prisma });
    console.log(`3. a day of ${fmtInt(s.new)} new papers ingested (${day}) in ${seconds(performance.now() - ingestStarted)}`);
    const t = step();
    const arrival = await recs.recomputeAfterArrival(prisma);
    const { ms: arrivalMs, text } = t();
    console.log(
      `   arrival job: ${fmtInt(arrival.papers)} term vectors, ${fmtInt(arrival.people)} people rescored in ${text} ` +
        `(target < ${seconds(TARGET_ARRIVAL_MS)}) ${arrivalMs < TARGET_ARRIVAL_MS ? "ok" : "MISSED"}`,
    );
    console.log(
      `   of which ${Object.entries(arrival.ms)
        .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
        .join(", ")}`,
    );

    // 4. The page's reads.
    const ids = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id LIKE 'bench-%' ORDER BY random() LIMIT ${reads}`;
    const range = (await read.periodRange("day"))!;
    const week = (await read.periodRange("week"))!;
    const times: number[] = [];
    let shown = 0;
    for (const [i, { id }] of ids.entries()) {
      const t0 = performance.now();
      const status = await read.recsStatus(id);
      const list = status.personal ? await read.listRecommendations(id, i % 2 ? week : range, 30) : [];
      times.push(performance.now() - t0);
      shown += list.length;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(
      `4. /for-you reads for ${fmtInt(times.length)} people (day and week tabs): p50 ${percentile(times, 50).toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (target p95 < ${TARGET_READ_P95_MS} ms) ` +
        `${p95 < TARGET_READ_P95_MS ? "ok" : "MISSED"}; ${(shown / times.length).toFixed(1)} papers a page`,
    );
    if (values.keep) console.log(`kept: --data ${tmp}`);
    await disconnectDb();
    return arrivalMs < TARGET_ARRIVAL_MS && p95 < TARGET_READ_P95_MS ? 0 : 1;
  } finally {
    await pg?.stop();
  }
}

runBench(main);
