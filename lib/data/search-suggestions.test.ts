import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { suggestQuery } = await import("@/lib/data/search-suggestions");
const { parseSearchQuery } = await import("@/lib/search/query");

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2603.30001", title: "Diffusion Models for Robots", day: "2026-03-01", organization: "RoboLab" },
      { id: "2603.30002", title: "Transformers Learn Widgets", day: "2026-03-02" },
      { id: "2603.30003", title: "From $Q$-Values to World Models", day: "2026-03-03" },
    ]),
  );
});

const suggest = (q: string, filters: { organization?: string } = {}) => suggestQuery(q, parseSearchQuery(q)!.terms, filters);
const papersWith = async (word: string) =>
  (await prisma.$queryRawUnsafe<{ papers: number }[]>("SELECT papers FROM title_words WHERE word = $1", word))[0]?.papers ?? 0;

describe("suggestQuery", () => {
  it("replaces the words no title has by the closest title words", async () => {
    expect(await suggest("difusion models")).toBe("diffusion models");
    expect(await suggest("Trasnformers learn")).toBe("transformers learn");
    expect(await suggest("wrld models")).toBe("world models");
  });

  it("suggests nothing when the corrected query finds nothing, or when every word is known", async () => {
    expect(await suggest("difusion widgets")).toBeNull();
    expect(await suggest("diffusion widgets")).toBeNull();
    expect(await suggest("qqqqzzzz")).toBeNull();
  });

  it("checks the correction with the same filters", async () => {
    expect(await suggest("difusion", { organization: "RoboLab" })).toBe("diffusion");
    expect(await suggest("difusion", { organization: "Nobody" })).toBeNull();
  });

  it("learns the titles of each ingest run once it commits", async () => {
    expect(await papersWith("values")).toBe(1);
    expect(await papersWith("diffusion")).toBe(1);
    expect(await suggest("quantm gardening")).toBeNull();
    await ingestText(
      prisma,
      hfDocument([
        { id: "2603.30004", title: "Quantum Gardening", day: "2026-03-04" },
        { id: "2603.30005", title: "Diffusion, Again", day: "2026-03-04" },
      ]),
    );
    expect(await suggest("quantm gardening")).toBe("quantum gardening");
    expect(await papersWith("diffusion")).toBe(2);
  });
});

describe("title_words", () => {
  it("is searched through its trigram index", async () => {
    const plans: string[] = [];
    // A vocabulary of 50,000 words (at fewer the planner rightly reads the table), rolled back at the end.
    const rollback = new Error("rollback");
    await prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO title_words SELECT md5(i::text), 1 FROM generate_series(1, 50000) i");
        await tx.$executeRawUnsafe("ANALYZE title_words");
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>("EXPLAIN SELECT word FROM title_words WHERE word % 'difusion'");
        plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    expect(plans[0]).toContain("title_words_word_trgm_idx");
  });

  it("counts each new paper once: runs at the same time, and a re-ingest, add nothing twice", async () => {
    const doc = (n: number) => hfDocument([{ id: `2603.3010${n}`, title: `Overlapping Marmosets ${n}`, day: "2026-03-05" }]);
    await Promise.all([1, 2, 3, 4].map((n) => ingestText(prisma, doc(n))));
    expect(await papersWith("marmosets")).toBe(4);
    await ingestText(prisma, doc(1));
    expect(await papersWith("marmosets")).toBe(4);
  });
});
