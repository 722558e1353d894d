/**
 * npm run bench:ingest-costs -- [--format hf-daily|arxiv-atom|arxiv-rss] [--warm 20] [--runs 10]
 *
 * What a first load's Postgres CPU is spent on, by taking parts away. For each variant a
 * database of its own (a copy of the migrated one) has one part removed, then `--warm`
 * documents of 1,000 new synthetic papers are ingested with runIngest (in process, no HTTP),
 * then `--runs` more are timed: Postgres CPU (the whole cluster: the run's connection and
 * the search-vector one) and wall time per 1,000 papers, autovacuum off and a checkpoint before
 * the timed runs. The variants are not ways to run
 * Paperboy: each removes something the product needs (search, integrity, the author page's
 * order); the figures say what each costs, and what is left when all are gone (the floor:
 * the rows themselves).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import "./quiet-logs";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { streamOf } from "@/lib/test/fixtures";
import { postgresCpuMs, sql, withDatabase } from "./ingest-util";
import { root, runBench } from "./pages-util";
import { syntheticDocument, syntheticEntries, type SyntheticFormat } from "./synthetic-feed";

const noVectors = `CREATE OR REPLACE FUNCTION paper_search_vector(title text, abstract text, author_names text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$ SELECT ''::tsvector $$`;
const noGin = `DROP INDEX papers_search_vector_idx; DROP INDEX papers_title_lexemes_idx`;
const noForeignKeys = `ALTER TABLE paper_authors DROP CONSTRAINT paper_authors_paper_id_fkey;
  ALTER TABLE paper_authors DROP CONSTRAINT paper_authors_author_id_fkey;
  ALTER TABLE paper_features DROP CONSTRAINT paper_features_paper_id_fkey`;
const noBtrees = `DROP INDEX paper_authors_author_id_published_at_paper_id_idx; DROP INDEX papers_title_key_idx;
  DROP INDEX papers_published_at_idx; DROP INDEX papers_organization_id_published_at_id_idx;
  DROP INDEX paper_features_day_paper_id_idx; DROP INDEX paper_features_submitter_name_idx; DROP INDEX authors_name_key_idx`;
const noTitleWords = `CREATE OR REPLACE FUNCTION add_title_words(paper_ids int[]) RETURNS void LANGUAGE sql AS 'SELECT 1'`;

const variants: [string, string][] = [
  ["as shipped", ""],
  ["without search vectors (no to_tsvector, empty GIN entries)", noVectors],
  ["without the two GIN indexes (vectors still computed)", noGin],
  ["without foreign keys on paper_authors, paper_features", noForeignKeys],
  ["without secondary B-tree indexes", noBtrees],
  ["without title words (search suggestions)", noTitleWords],
  ["the floor: none of the above", [noVectors, noGin, noForeignKeys, noBtrees, noTitleWords].join(";\n")],
];

const { values } = parseArgs({
  options: {
    format: { type: "string", default: "hf-daily" },
    warm: { type: "string", default: "20" },
    runs: { type: "string", default: "10" },
  },
});
const format = values.format as SyntheticFormat;
if (!["hf-daily", "arxiv-atom", "arxiv-rss"].includes(format)) throw new Error(`--format: unknown format ${format}`);
const warm = Number(values.warm);
const runs = Number(values.runs);
if (!Number.isSafeInteger(warm) || warm < 0 || !Number.isSafeInteger(runs) || runs < 1) throw new Error("--warm >= 0, --runs >= 1");

process.chdir(root);
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-ingest-costs-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

async function main(): Promise<number> {
  let pg: RunningPostgres | undefined;
  try {
    const dataDir = path.join(tmp, "pg");
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    await applyMigrations(pg.url);
    const admin = withDatabase(pg.url, "postgres");
    // Steadier figures: no autovacuum of one variant's tables while another is timed (the run
    // itself still ANALYZEs when it grows the tables by a tenth), and a checkpoint before each
    // timed part, so no variant pays for writing out the one before.
    await sql(admin, "ALTER SYSTEM SET autovacuum = off");
    await sql(admin, "SELECT pg_reload_conf()");
    const { runIngest } = await import("@/lib/ingest/run-ingest");
    const entries = [...syntheticEntries((warm + runs) * 1000)];
    const docs = Array.from({ length: warm + runs }, (_, i) => syntheticDocument(format, entries.slice(i * 1000, (i + 1) * 1000)));
    console.log(
      `${format}: ${warm} documents of 1,000 new papers to warm up, then ${runs} timed; ms per 1,000 papers ` +
        `(Postgres CPU: every backend of the cluster)\n`,
    );
    console.log(`${"variant".padEnd(60)}${"pg CPU".padStart(8)}${"wall".padStart(8)}`);
    const results: [string, number, number][] = [];
    for (const [k, [label, change]] of variants.entries()) {
      const database = `costs_${k}`;
      await sql(admin, `CREATE DATABASE ${database} TEMPLATE paperboy`);
      const url = withDatabase(pg.url, database);
      process.env.DATABASE_URL = url; // runIngest records its run through the app's Prisma client
      for (const statement of change.split(";\n").filter((s) => s.trim())) await sql(url, statement);
      let cpu = 0;
      let wall = 0;
      for (const [i, doc] of docs.entries()) {
        if (i === warm) await sql(admin, "CHECKPOINT");
        const cpu0 = postgresCpuMs(dataDir);
        const t = performance.now();
        const s = await runIngest({
          body: streamOf(doc),
          origin: "bench",
          trigger: "cli",
          databaseUrl: url,
          maxBytes: Buffer.byteLength(doc) + 1,
        });
        if (s.new !== 1000) throw new Error(`${label}: document ${i} stored ${s.new} new papers, not 1,000`);
        if (i >= warm) {
          wall += performance.now() - t;
          cpu += postgresCpuMs(dataDir) - cpu0;
        }
      }
      results.push([label, cpu / runs, wall / runs]);
      console.log(`${label.padEnd(60)}${(cpu / runs).toFixed(0).padStart(8)}${(wall / runs).toFixed(0).padStart(8)}`);
      await sql(admin, `DROP DATABASE ${database} WITH (FORCE)`);
    }
    // Shares by wall time: the cluster's CPU counts every backend, checkpointer and writer
    // included, and moves by ±20% from one variant to the next where wall time moves by a few.
    const base = results[0][2];
    console.log(
      `\neach part's share of a run's time as shipped: ` +
        results
          .slice(1, -1)
          .map(([label, , ms]) => `${label.replace(/^without /, "").replace(/ \(.*$/, "")} ${(((base - ms) / base) * 100).toFixed(0)}%`)
          .join(", ") +
        `; the floor takes ${((results.at(-1)![2] / base) * 100).toFixed(0)}% of it`,
    );
    return 0;
  } finally {
    await pg?.stop();
  }
}

runBench(main);
