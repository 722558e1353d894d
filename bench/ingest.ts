/**
 * npm run bench:ingest -- [--papers N] [--keep] [--no-bulk]
 *
 * Ingest throughput and memory on a fresh embedded Postgres: generates N synthetic
 * HF daily-papers entries, ingests the file once (all new) and again (all unchanged),
 * each run in its own process, and prints papers/s and peak RSS against the targets.
 * Exits 1 only when the counts are wrong (or the bench itself fails).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import "./quiet-logs";
import { formatBytes } from "@/lib/ingest/read-document";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { writeSyntheticFeed } from "./synthetic-feed";

const TARGET_PAPERS_PER_S = 5_000;
const TARGET_PEAK_MB = 500;

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "100000" },
    keep: { type: "boolean", default: false },
    "no-bulk": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench:ingest -- [--papers N] [--keep] [--no-bulk]

  --papers N   synthetic HF daily-papers entries to generate and ingest (default 100000, about 3.6 KB each)
  --keep       keep the generated file and the Postgres data folder (printed at the end)
  --no-bulk    first ingest without a bulk load (indexes and foreign keys kept up row by row)

Ingests the file into a fresh embedded Postgres, then again (all unchanged), each run in
its own process, and prints papers/s, seconds, peak RSS and the CPU of Node and Postgres.
Targets: >= ${TARGET_PAPERS_PER_S.toLocaleString("en")} papers/s and peak RSS < ${TARGET_PEAK_MB} MB.`);
  process.exit(0);
}
const papers = Number(values.papers);
if (!Number.isSafeInteger(papers) || papers < 1) throw new Error(`--papers must be a positive integer, got ${values.papers}`);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root); // applyMigrations reads prisma/migrations from the working directory
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-"));
let pg: RunningPostgres | undefined;
let child: ChildProcess | undefined;
let interrupted = false;

// On Ctrl-C, embedded-postgres' own exit hook stops the cluster and then exits; the
// temp folder goes in the `exit` handler, which runs after that.
const removeTmp = () => {
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
};
process.on("exit", removeTmp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    child?.kill("SIGTERM");
  });
}

interface ChildResult {
  ms: number;
  cpuMs: number;
  /** Filled in by the parent: CPU the whole Postgres cluster used during the run. */
  pgCpuMs: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  bytes: number;
  bulkLoad: boolean;
  maxRssKb: number;
  sampledRssKb: number;
}

/**
 * CPU milliseconds the cluster has used: the postmaster, its live children, and the exited
 * backends it has reaped. On a shared 2-core machine, CPU time is steadier than wall time.
 */
function postgresCpuMs(dataDir: string): number {
  const postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0];
  // Fields after "(comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), in 1/100 s.
  const stat = (pid: string) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  let ticks = stat(postmaster)
    .slice(11, 15)
    .reduce((a, v) => a + Number(v), 0);
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const f = stat(pid);
      if (f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks * 10;
}

async function measuredIngest(file: string, databaseUrl: string, dataDir: string): Promise<ChildResult> {
  const before = postgresCpuMs(dataDir);
  const result = await ingestInChild(file, databaseUrl);
  await new Promise((r) => setTimeout(r, 300)); // let the postmaster reap the child's backends
  return { ...result, pgCpuMs: postgresCpuMs(dataDir) - before };
}

function ingestInChild(file: string, databaseUrl: string): Promise<Omit<ChildResult, "pgCpuMs">> {
  return new Promise((resolve, reject) => {
    const args = [path.join(root, "bench/ingest-child.ts"), file, databaseUrl, ...(values["no-bulk"] ? ["no-bulk"] : [])];
    child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      child = undefined;
      const lines = stdout.split("\n");
      const line = lines.find((l) => l.startsWith("BENCH_RESULT "));
      // Anything else the child printed (warnings) is passed on, not parsed.
      const other = lines.filter((l) => l.trim() && l !== line).join("\n");
      if (other) process.stderr.write(`${other}\n`);
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)));
      else reject(new Error(`ingest child failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function main(): Promise<number> {
  const file = path.join(tmp, `hf-daily-${papers}.json`);
  let t = Date.now();
  const feed = await writeSyntheticFeed(file, papers);
  console.log(`generated ${papers} papers, ${formatBytes(feed.bytes)} in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`);

  t = Date.now();
  const dataDir = path.join(tmp, "pg");
  pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  await applyMigrations(pg.url);
  console.log(`fresh Postgres up and migrated in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  console.log(
    `load average before ingesting: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (${os.cpus().length} cores)`,
  );
  const first = await measuredIngest(file, pg.url, dataDir);
  console.log(
    `first ingest: ${first.new} new, ${first.updated} updated, ${first.unchanged} unchanged, ${first.rejected} rejected${first.bulkLoad ? " (bulk load)" : ""}`,
  );
  const again = await measuredIngest(file, pg.url, dataDir);
  console.log(`re-ingest:    ${again.new} new, ${again.updated} updated, ${again.unchanged} unchanged, ${again.rejected} rejected`);

  const rate = (r: ChildResult) => papers / (r.ms / 1000);
  const peakMb = (r: ChildResult) => Math.max(r.maxRssKb, r.sampledRssKb) / 1024;
  const row = (label: string, r: ChildResult) =>
    `${label.padEnd(12)} ${Math.round(rate(r)).toLocaleString("en").padStart(10)} ${(r.ms / 1000).toFixed(2).padStart(9)} ${peakMb(r).toFixed(0).padStart(13)}` +
    `${(r.cpuMs / 1000).toFixed(1).padStart(12)} ${(r.pgCpuMs / 1000).toFixed(1).padStart(12)}   (maxRSS ${(r.maxRssKb / 1024).toFixed(0)}, sampled ${(r.sampledRssKb / 1024).toFixed(0)})`;
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const worstMb = Math.max(peakMb(first), peakMb(again));

  console.log(`\nIngest benchmark: ${papers.toLocaleString("en")} papers, file ${formatBytes(feed.bytes)}`);
  console.log(
    `${"".padEnd(12)} ${"papers/s".padStart(10)} ${"seconds".padStart(9)} ${"peak RSS MB".padStart(13)}${"node CPU s".padStart(12)} ${"pg CPU s".padStart(12)}`,
  );
  console.log(row("first", first));
  console.log(row("re-ingest", again));
  console.log(`\ntargets`);
  console.log(
    `  ${verdict(rate(first) >= TARGET_PAPERS_PER_S)}  first ingest >= ${TARGET_PAPERS_PER_S.toLocaleString("en")} papers/s (${Math.round(rate(first)).toLocaleString("en")})`,
  );
  console.log(
    `  ${verdict(rate(again) >= TARGET_PAPERS_PER_S)}  re-ingest >= ${TARGET_PAPERS_PER_S.toLocaleString("en")} papers/s (${Math.round(rate(again)).toLocaleString("en")})`,
  );
  console.log(`  ${verdict(worstMb < TARGET_PEAK_MB)}  peak memory < ${TARGET_PEAK_MB} MB (${worstMb.toFixed(0)} MB)`);

  const countsOk =
    first.new === papers &&
    first.updated === 0 &&
    first.unchanged === 0 &&
    first.rejected === 0 &&
    again.unchanged === papers &&
    again.new === 0 &&
    again.updated === 0 &&
    again.rejected === 0;
  if (!countsOk) {
    console.log(
      `\nFAIL: expected ${papers} new then ${papers} unchanged (and nothing else), got ` +
        `${JSON.stringify({ first: pick(first), again: pick(again) })}`,
    );
    return 1;
  }
  return 0;
}

const pick = ({ new: n, updated, unchanged, rejected }: ChildResult) => ({ new: n, updated, unchanged, rejected });

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(interrupted ? "interrupted" : `bench failed: ${err instanceof Error ? err.message : err}`);
} finally {
  await pg?.stop();
  if (values.keep) console.log(`kept ${tmp} (Postgres data in ${path.join(tmp, "pg")})`);
}
process.exit(code);
