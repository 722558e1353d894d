/**
 * npm run eval:search -- [--verbose]
 *
 * Search quality on the real captures: starts a throwaway embedded Postgres, ingests every
 * feed capture in prisma/sample-feeds through the real ingest, then runs three query sets
 * through the real search function (searchPaperList, as the JSON API and feeds call it):
 *
 *   (a) each paper by its exact title: share found first (goal: all);
 *   (b) each paper by its first three title words: mean reciprocal rank (goal >= 0.9);
 *   (c) the hand-written queries of bench/search-queries.tsv (`query<TAB>expected arXiv id`):
 *       share with the expected paper in the top 3 (goal >= 95%).
 *
 * Prints the three figures (and, with --verbose or on a miss, the queries that missed) and
 * exits 1 when a goal is missed. Run with `--conditions=react-server`, so `import "server-only"`
 * resolves to its empty module as it does inside Next.
 */
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import "./quiet-logs";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { runBench } from "./pages-util";

const GOAL_EXACT = 1;
const GOAL_MRR = 0.9;
const GOAL_TOP3 = 0.95;
/** How deep (b) looks for a paper; deeper counts as reciprocal rank 0. */
const DEPTH = 20;

const { values } = parseArgs({ options: { verbose: { type: "boolean", short: "v", default: false } } });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root); // applyMigrations reads prisma/migrations from the working directory
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-eval-search-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

/** The first three words of a title (a model name followed by a colon stays one word). */
const firstWords = (title: string, n = 3) => title.trim().split(/\s+/).slice(0, n).join(" ");

async function main(): Promise<number> {
  let pg: RunningPostgres | undefined;
  try {
    pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort() });
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    const { db, disconnectDb } = await import("@/lib/db");
    const { runIngest } = await import("@/lib/ingest/run-ingest");
    const { searchPaperList } = await import("@/lib/data/search");
    const { parseSearchQuery } = await import("@/lib/search/query");

    const feeds = path.join(root, "prisma/sample-feeds");
    for (const name of readdirSync(feeds).sort()) {
      if (!/\.(json|xml|txt)$/.test(name)) continue;
      const file = path.join(feeds, name);
      const year = Number(/(20\d\d)-\d\d-\d\d/.exec(name)?.[1] ?? 2026);
      const s = await runIngest({
        body: createReadStream(file),
        origin: name,
        trigger: "cli",
        maxBytes: statSync(file).size + 1,
        year,
        prisma: db(),
      });
      console.log(`ingested ${name}: ${s.new} new, ${s.updated} updated, ${s.rejected} rejected`);
    }

    const papers = await db().$queryRawUnsafe<{ id: number; arxiv_id: string | null; title: string }[]>(
      `SELECT id, arxiv_id, title FROM papers WHERE hidden_at IS NULL ORDER BY id`,
    );
    const byArxiv = new Map(papers.filter((p) => p.arxiv_id).map((p) => [p.arxiv_id!, p]));

    /** 1-based rank of the paper among the results, or 0 when not in the first `depth`. */
    const rank = async (q: string, paperId: number, depth = DEPTH): Promise<number> => {
      const parsed = parseSearchQuery(q);
      if (!parsed) return 0;
      const { papers: found } = await searchPaperList({ tsquery: parsed.tsquery, limit: depth, offset: 0 });
      return found.findIndex((p) => p.id === paperId) + 1;
    };
    const misses: string[] = [];

    let exactFirst = 0;
    for (const p of papers) {
      const r = await rank(p.title, p.id);
      if (r === 1) exactFirst++;
      else misses.push(`(a) rank ${r || `>${DEPTH}`}: ${p.title}`);
    }

    let rrSum = 0;
    for (const p of papers) {
      const q = firstWords(p.title);
      const r = await rank(q, p.id);
      rrSum += r ? 1 / r : 0;
      if (r !== 1) misses.push(`(b) rank ${r || `>${DEPTH}`}: ${q}  [${p.title}]`);
    }

    const lines = readFileSync(path.join(root, "bench/search-queries.tsv"), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"));
    let top3 = 0;
    for (const line of lines) {
      const [q, expected] = line.split("\t");
      const p = byArxiv.get(expected?.trim());
      if (!p) throw new Error(`bench/search-queries.tsv: no paper ${expected} for ${q}`);
      const r = await rank(q, p.id);
      if (r >= 1 && r <= 3) top3++;
      else misses.push(`(c) rank ${r || `>${DEPTH}`}: ${q}  [${p.title}]`);
    }

    const exactShare = exactFirst / papers.length;
    const mrr = rrSum / papers.length;
    const top3Share = top3 / lines.length;
    const ok = [exactShare >= GOAL_EXACT, mrr >= GOAL_MRR, top3Share >= GOAL_TOP3];
    const mark = (pass: boolean) => (pass ? "ok" : "MISSED");
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    if (values.verbose || ok.includes(false)) for (const m of misses) console.log(m);
    console.log(
      `(a) exact title found first:    ${exactFirst}/${papers.length} = ${pct(exactShare)} (goal ${pct(GOAL_EXACT)}) ${mark(ok[0])}`,
    );
    console.log(`(b) first three words, MRR:     ${mrr.toFixed(3)} over ${papers.length} papers (goal >= ${GOAL_MRR}) ${mark(ok[1])}`);
    console.log(`(c) hand-written queries top 3: ${top3}/${lines.length} = ${pct(top3Share)} (goal >= ${pct(GOAL_TOP3)}) ${mark(ok[2])}`);
    await disconnectDb();
    return ok.includes(false) ? 1 : 0;
  } finally {
    await pg?.stop();
  }
}

runBench(main);
