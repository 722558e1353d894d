import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const data = await import("@/lib/data/papers");

const id = (n: number) => `2603.${String(n).padStart(5, "0")}`;

beforeAll(async () => {
  const papers = [
    { id: id(1), title: "Zebrafish Larvae Tracking with Transformers", summary: "We track zebrafish larvae." },
    { id: id(2), title: "Zebrafish Behaviour Atlas", summary: "An atlas of zebrafish larvae behaviour." },
    { id: id(3), title: "Larvae Counting in Zebrafish Tanks", summary: "Counting larvae." },
    // Many papers share the common word "transformers" with the first one, and nothing else.
    ...Array.from({ length: 12 }, (_, i) => ({
      id: id(10 + i),
      title: `Transformers for Task ${String.fromCharCode(65 + i)}${String.fromCharCode(75 + i)}q`,
    })),
    { id: id(40), title: "Protein Folding Benchmarks", summary: "Nothing in common." },
    // Six words no other title has (a model's name), then two that others share.
    { id: id(50), title: "Aardvarkx Abacusy Abbotz Acornq Adderw Aegisv: Video Generation", summary: "Generating videos." },
    { id: id(51), title: "Video Generation at Scale", summary: "Video generation." },
  ];
  await ingestText(prisma, hfDocument(papers.map((p) => ({ ...p, upvotes: 1, day: "2026-03-02" }))));
  await prisma.$executeRawUnsafe("ANALYZE papers");
});

const ids = (papers: { arxivId: string | null }[]) => papers.map((p) => p.arxivId);
const dbId = async (arxivId: string) => (await prisma.paper.findUniqueOrThrow({ where: { arxivId } })).id;

describe("similar papers", () => {
  it("ranks papers sharing more of the title's words first, never the paper itself or one with nothing in common", async () => {
    const similar = ids(await data.listSimilarPapers(await dbId(id(1)), 20));
    expect(similar).not.toContain(id(1));
    expect(similar).not.toContain(id(40));
    // Zebrafish and larvae, in title and abstract, outrank sharing "transformers" alone.
    expect(similar.slice(0, 2).sort()).toEqual([id(2), id(3)]);
  });

  it("still finds papers sharing a title's ordinary words when its rarest words are its own", async () => {
    expect(ids(await data.listSimilarPapers(await dbId(id(50)), 5))[0]).toBe(id(51));
  });

  it("leaves out words too common to say anything once a collection is large (after ANALYZE)", async () => {
    // With room for 5 titles per word (of 18 papers), "transformers" (13 titles) finds nobody;
    // "zebrafish" and "larvae" (3 each) still do.
    const rows = await prisma.$queryRaw<
      { similar_id: number }[]
    >`SELECT similar_id FROM similar_paper_ids(${await dbId(id(1))}::int, 20, 6, 200, 5)`;
    const found = await prisma.paper.findMany({ where: { id: { in: rows.map((r) => r.similar_id) } }, select: { arxivId: true } });
    expect(found.map((p) => p.arxivId).sort()).toEqual([id(2), id(3)]);
    // A title made only of common words has no neighbours at that bound.
    const none = await prisma.$queryRaw<unknown[]>`SELECT similar_id FROM similar_paper_ids(${await dbId(id(10))}::int, 20, 6, 200, 5)`;
    expect(none).toEqual([]);
  });
});
