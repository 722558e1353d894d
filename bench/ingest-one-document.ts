/**
 * `npm run bench:ingest -- --one-document`: the earlier benchmark, kept as an option. Generates N
 * synthetic HF daily-papers entries as one file, ingests it into a fresh embedded Postgres
 * (all new) and again (all unchanged), each run in its own process (bench/ingest-child.ts)
 * calling runIngest directly, and prints papers/s, peak RSS and CPU. Not the path feeds take
 * (they post documents of 100 to 1,000 papers to /api/ingest: bench/ingest-api.ts).
 */
import os from "node:os";
import path from "node:path";
import { formatBytes } from "@/lib/ingest/read-document";
import type { IngestTimings } from "@/lib/ingest/types";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { postgresCpuMs } from "./ingest-util";
import { benchResult, root, runTsx } from "./pages-util";
import { writeSyntheticFeed } from "./synthetic-feed";

export const TARGET_PEAK_MB = 500;

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
  timings: IngestTimings;
}

async function measuredIngest(file: string, databaseUrl: string, dataDir: string, noBulk: boolean): Promise<ChildResult> {
  const before = postgresCpuMs(dataDir);
  const stdout = await runTsx("bench/ingest-child.ts", [file, databaseUrl, ...(noBulk ? ["no-bulk"] : [])], { env: { LOG_LEVEL: "warn" } });
  const result = benchResult<Omit<ChildResult, "pgCpuMs">>(stdout);
  await new Promise((r) => setTimeout(r, 300)); // let the postmaster reap the child's backends
  return { ...result, pgCpuMs: postgresCpuMs(dataDir) - before };
}

export async function oneDocument(opts: { papers: number; noBulk: boolean; tmp: string }): Promise<number> {
  const { papers, tmp } = opts;
  let pg: RunningPostgres | undefined;
  try {
    const file = path.join(tmp, `hf-daily-${papers}.json`);
    let t = Date.now();
    const feed = await writeSyntheticFeed(file, papers);
    console.log(`generated ${papers} papers, ${formatBytes(feed.bytes)} in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`);

    t = Date.now();
    const dataDir = path.join(tmp, "pg");
    process.chdir(root); // applyMigrations reads prisma/migrations from the working directory
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    await applyMigrations(pg.url);
    console.log(`fresh Postgres up and migrated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    console.log(`load average before ingesting: ${loadAverage()}`);

    const first = await measuredIngest(file, pg.url, dataDir, opts.noBulk);
    console.log(
      `first ingest: ${first.new} new, ${first.updated} updated, ${first.unchanged} unchanged, ${first.rejected} rejected${first.bulkLoad ? " (bulk load)" : ""}`,
    );
    const again = await measuredIngest(file, pg.url, dataDir, opts.noBulk);
    console.log(`re-ingest:    ${again.new} new, ${again.updated} updated, ${again.unchanged} unchanged, ${again.rejected} rejected`);

    const rate = (r: ChildResult) => papers / (r.ms / 1000);
    const peakMb = (r: ChildResult) => Math.max(r.maxRssKb, r.sampledRssKb) / 1024;
    const row = (label: string, r: ChildResult) =>
      `${label.padEnd(12)} ${Math.round(rate(r)).toLocaleString("en").padStart(10)} ${(r.ms / 1000).toFixed(2).padStart(9)} ${peakMb(r).toFixed(0).padStart(13)}` +
      `${(r.cpuMs / 1000).toFixed(1).padStart(12)} ${(r.pgCpuMs / 1000).toFixed(1).padStart(12)}   (maxRSS ${(r.maxRssKb / 1024).toFixed(0)}, sampled ${(r.sampledRssKb / 1024).toFixed(0)})`;
    const worstMb = Math.max(peakMb(first), peakMb(again));

    console.log(
      `\nIngest benchmark, one document through runIngest: ${papers.toLocaleString("en")} papers, file ${formatBytes(feed.bytes)}`,
    );
    console.log(
      `${"".padEnd(12)} ${"papers/s".padStart(10)} ${"seconds".padStart(9)} ${"peak RSS MB".padStart(13)}${"node CPU s".padStart(12)} ${"pg CPU s".padStart(12)}`,
    );
    console.log(row("first", first));
    console.log(row("re-ingest", again));
    const phases = (r: ChildResult) =>
      Object.entries(r.timings)
        .map(([k, v]) => `${k.replace(/Ms$/, "")} ${((v / papers) * 1000).toFixed(0)}`)
        .join(", ");
    console.log(`\nms per 1,000 papers (the run's timings; vectors overlap the rest)`);
    console.log(`  first:     ${phases(first)}`);
    console.log(`  re-ingest: ${phases(again)}`);
    console.log(`\ntarget (papers/s is measured through the API by default: this mode has no speed target)`);
    console.log(`  ${worstMb < TARGET_PEAK_MB ? "PASS" : "FAIL"}  peak memory < ${TARGET_PEAK_MB} MB (${worstMb.toFixed(0)} MB)`);

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
  } finally {
    await pg?.stop();
  }
}

const pick = ({ new: n, updated, unchanged, rejected }: ChildResult) => ({ new: n, updated, unchanged, rejected });

export const loadAverage = () =>
  `${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} (${os.cpus().length} cores)`;
