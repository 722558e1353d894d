import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText, type SyntheticPaper } from "@/lib/test/ingest";

/**
 * A query common in titles finds its 500 title candidates by walking the table from its first
 * block instead of through the GIN index (lib/data/search.ts, titleWalk). Both ways must rank
 * the same candidates: these tests force each way on the same queries and compare every page.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { searchPaperList, searchPapers, titleCandidateLimit } = await import("@/lib/data/search");
const { parseSearchQuery } = await import("@/lib/search/query");

const WORDS = ["learning", "graphs", "survey", "robots", "vision", "language", "agents", "sparse"];

beforeAll(async () => {
  const papers: SyntheticPaper[] = [];
  for (let i = 1; i <= 760; i++) {
    // 4 in 5 titles hold "quokka": more than the 500 candidates a search ranks.
    const extra = Array.from({ length: 1 + (i % 5) }, (_, k) => WORDS[(i * (k + 3)) % WORDS.length]);
    const title =
      i === 700
        ? "Quokka"
        : i % 5 === 0
          ? `Study of ${extra.join(" ")}`
          : `${extra.slice(0, 2).join(" ")} quokka ${extra.slice(2).join(" ")}`;
    papers.push({
      id: `2605.${String(i).padStart(5, "0")}`,
      title,
      summary: i % 7 === 0 ? `A survey of ${title}.` : `On ${title}.`,
      day: `2026-05-${String(1 + (i % 28)).padStart(2, "0")}`,
      publishedAt: `2026-05-${String(1 + (i % 3)).padStart(2, "0")}T00:00:00.000Z`,
      upvotes: i % 4,
    });
  }
  await ingestText(prisma, hfDocument(papers));
  await prisma.paper.updateMany({
    where: { arxivId: { in: papers.filter((_, i) => i % 9 === 4).map((p) => p.id) } },
    data: { hiddenAt: new Date() },
  });
  // Move some rows in the table (an update of an indexed column writes a new version at the
  // table's end): table order is not id order. (An update in place within a block, HOT, may
  // swap two papers of one block between the ways: see titleWalk.)
  await prisma.$executeRawUnsafe(`UPDATE papers SET published_at = published_at + interval '1 second' WHERE id % 6 = 0`);
  await prisma.$executeRawUnsafe(`ANALYZE papers`);
}, 60_000);

const run = async (q: string, scan: "walk" | "index", offset: number, arxivOnly = false) => {
  const parsed = parseSearchQuery(q)!;
  const r = await searchPaperList({ tsquery: parsed.tsquery, limit: 20, offset, arxivOnly, titleScan: scan });
  return { ids: r.papers.map((p) => p.arxivId), hasMore: r.hasMore };
};

describe("title candidates by walking the table", () => {
  it("has more title matches than the search ranks, so the walk is what finds them", async () => {
    const [{ n }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM papers WHERE hidden_at IS NULL AND ts_filter(search_vector, '{a}') @@ to_tsquery('english', 'quokka')`,
    );
    expect(n).toBeGreaterThan(titleCandidateLimit);
  });

  it("ranks the same papers as the index on every page, with exclusions, phrases and the arXiv-only filter", async () => {
    for (const q of ["quokka", "Quokka", "quokka learning", "quokka -survey", '"learning quokka"', "quokka or graphs", "learning"]) {
      for (const offset of [0, 20, 480, 500, 520, 740]) {
        for (const arxivOnly of [false, true]) {
          const walked = await run(q, "walk", offset, arxivOnly);
          expect(walked, `${q} offset ${offset} arxivOnly ${arxivOnly}`).toEqual(await run(q, "index", offset, arxivOnly));
        }
      }
    }
    // The title that is the query still comes first.
    expect((await run("Quokka", "walk", 0)).ids[0]).toBe("2605.00700");
  });

  it("gives the same highlighted page as the index", async () => {
    const parsed = parseSearchQuery("quokka graphs")!;
    const page = (titleScan: "walk" | "index" | "auto") => searchPapers({ tsquery: parsed.tsquery, limit: 20, offset: 0, titleScan });
    const walked = await page("walk");
    expect(walked.hits.length).toBe(20);
    expect(walked).toEqual(await page("index"));
    // On a database this small the index is cheaper: the search does not walk by itself, same answer.
    expect(await page("auto")).toEqual(walked);
  });
});
