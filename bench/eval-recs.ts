/**
 * npm run eval:recs -- [--verbose]
 *
 * Recommendation quality on 1,000 real arXiv records (bench/fixtures/arxiv-metadata-2007-dev.xml,
 * arXiv Atom, ids 0704.0001–0704.1000): starts a throwaway embedded Postgres, ingests the file
 * through the real ingest, and for each arXiv archive (the part of a category before the dot)
 * with at least 40 papers, a simulated person upvotes (lib/people/upvotes.ts) the first 20 papers
 * of that archive, by id, from the earlier half; the job's code (lib/recs/compute.ts) computes
 * their scores with the later half as the candidates; a paper is relevant when any of its
 * categories is in the archive. The model sees titles and abstracts only: categories are read
 * here, for the judgement, and never by lib/recs.
 *
 * Prints precision@10 and nDCG@10 per archive and their means, for the recommender and three
 * references from the same run: trending order, similar papers of the last upvote
 * (lib/data similar papers) and a linear SVM trained as arxiv-sanity-lite does (C = 0.01,
 * every other paper a negative) on our features. Exits 1 when the mean precision@10 misses 0.80.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "./quiet-logs";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";

const GOAL_P10 = 0.8;
const POSITIVES = 20;
const MIN_ARCHIVE = 40;
export const evalFixture = "bench/fixtures/arxiv-metadata-2007-dev.xml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-eval-recs-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

const archive = (category: string) => category.split(".")[0];

function precisionAt10(ranked: number[], relevant: Set<number>): number {
  return ranked.slice(0, 10).filter((id) => relevant.has(id)).length / 10;
}
function ndcgAt10(ranked: number[], relevant: Set<number>): number {
  let dcg = 0;
  ranked.slice(0, 10).forEach((id, i) => (dcg += relevant.has(id) ? 1 / Math.log2(i + 2) : 0));
  let ideal = 0;
  for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal ? dcg / ideal : 0;
}

async function main(): Promise<number> {
  let pg: RunningPostgres | undefined;
  try {
    pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort() });
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    const { db } = await import("@/lib/db");
    const { runIngest } = await import("@/lib/ingest/run-ingest");
    const { setUpvote } = await import("@/lib/people/upvotes");
    const { listSimilarPapers } = await import("@/lib/data/papers");
    const recs = await import("@/lib/recs/compute");
    const model = await import("@/lib/recs/model");
    const { trendingSql } = await import("@/lib/data/trending");

    const file = path.join(root, evalFixture);
    const s = await runIngest({
      body: createReadStream(file),
      origin: "eval",
      trigger: "cli",
      maxBytes: statSync(file).size + 1,
      prisma: db(),
    });
    const papers = await db().$queryRaw<{ id: number; arxiv_id: string; categories: string[] }[]>`
      SELECT id, arxiv_id, categories FROM papers ORDER BY arxiv_id`;
    console.log(`ingested ${s.new} papers (${s.rejected} rejected)`);
    const half = Math.floor(papers.length / 2);
    const earlier = papers.slice(0, half);
    const later = papers.slice(half);
    const laterIds = later.map((p) => p.id);
    const counts = new Map<string, number>();
    for (const p of papers) for (const a of new Set(p.categories.map(archive))) counts.set(a, (counts.get(a) ?? 0) + 1);
    const archives = [...counts]
      .filter(([, n]) => n >= MIN_ARCHIVE)
      .map(([a]) => a)
      .sort();

    await recs.ensurePaperTerms(db());
    const ctx = await recs.loadContext(db(), { paperIds: laterIds });
    const trending = await db().$queryRawUnsafe<{ id: number }[]>(
      `SELECT p.id FROM papers p JOIN paper_features f ON f.paper_id = p.id WHERE p.id = ANY($1::int[])
       ORDER BY ${trendingSql("$2")} DESC, p.id`,
      laterIds,
      new Date("2007-05-01T00:00:00Z"),
    );
    const allVecs = await db().$queryRaw<
      { paper_id: number; idx: number[]; tf: number[] }[]
    >`SELECT paper_id, idx, tf FROM rec_paper_terms`;
    const vecOf = new Map(allVecs.map((r) => [r.paper_id, model.vectorize(r, ctx.corpus)]));

    const methods = ["for you", "trending", "similar to last upvote", "svm (arxiv-sanity style)"] as const;
    const table = new Map<string, { p: number[]; n: number[] }>(methods.map((m) => [m, { p: [], n: [] }]));
    const rows: string[] = [];
    for (const a of archives) {
      const relevant = new Set(later.filter((p) => p.categories.some((c) => archive(c) === a)).map((p) => p.id));
      const positives = earlier.filter((p) => p.categories.some((c) => archive(c) === a)).slice(0, POSITIVES);
      const user = await db().user.create({ data: { email: `eval-${a}@example.com` } });
      for (const p of positives) await setUpvote(user.id, p.id, true);
      await recs.recomputePerson(db(), ctx, user.id);
      const mine = await db().$queryRaw<{ paper_id: number }[]>`
        SELECT paper_id FROM rec_scores WHERE user_id = ${user.id} ORDER BY score DESC, paper_id LIMIT 10`;
      const laterSet = new Set(laterIds);
      const similar = (await listSimilarPapers(positives[positives.length - 1].id, 100)).map((p) => p.id).filter((id) => laterSet.has(id));
      const posIds = new Set(positives.map((p) => p.id));
      const svm = model.linearSvm(
        positives.map((p) => vecOf.get(p.id)!),
        papers.filter((p) => !posIds.has(p.id)).map((p) => vecOf.get(p.id)!),
        0.01,
      );
      const svmRanked = laterIds
        .map((id) => ({ id, s: model.score(svm, vecOf.get(id)!) }))
        .sort((x, y) => y.s - x.s)
        .map((x) => x.id);
      const ranked: Record<(typeof methods)[number], number[]> = {
        "for you": mine.map((r) => r.paper_id),
        trending: trending.map((r) => r.id),
        "similar to last upvote": similar,
        "svm (arxiv-sanity style)": svmRanked,
      };
      const cells: string[] = [];
      for (const m of methods) {
        const p = precisionAt10(ranked[m], relevant);
        const n = ndcgAt10(ranked[m], relevant);
        table.get(m)!.p.push(p);
        table.get(m)!.n.push(n);
        cells.push(`${p.toFixed(2)} / ${n.toFixed(2)}`);
      }
      rows.push(`| ${a.padEnd(9)} | ${String(relevant.size).padStart(8)} | ${cells.map((c) => c.padEnd(11)).join(" | ")} |`);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(
      `\nprecision@10 / nDCG@10 (${archives.length} archives with ≥ ${MIN_ARCHIVE} papers; ${POSITIVES} upvotes each from the earlier half)\n`,
    );
    console.log(`| archive   | relevant | ${methods.join(" | ")} |`);
    console.log(`| --------- | -------: | ${methods.map(() => "---").join(" | ")} |`);
    for (const r of rows) console.log(r);
    console.log(
      `| **mean**  |          | ${methods.map((m) => `${mean(table.get(m)!.p).toFixed(3)} / ${mean(table.get(m)!.n).toFixed(3)}`).join(" | ")} |`,
    );
    const p10 = mean(table.get("for you")!.p);
    console.log(
      `\nmean precision@10 ${p10.toFixed(3)} (goal ≥ ${GOAL_P10}, anchor arxiv-sanity-lite 0.69) ${p10 >= GOAL_P10 ? "ok" : "MISSED"}`,
    );
    return p10 >= GOAL_P10 ? 0 : 1;
  } finally {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    await pg?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
