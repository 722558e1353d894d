import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const data = await import("@/lib/data/papers");
const { searchPapers, highlightParts } = await import("@/lib/data/search");
const { parseSearchQuery } = await import("@/lib/search/query");
const { dayRange, weekRange, monthRange } = await import("@/lib/papers/dates");

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      {
        id: "2601.00001",
        title: "Sparse Attention for Long Documents",
        upvotes: 40,
        day: "2026-01-05",
        authors: ["Grace Hopper", "Alan Turing"],
      },
      { id: "2601.00002", title: "Dense Retrieval Revisited", upvotes: 90, day: "2026-01-05", submitter: "mira" },
      { id: "2601.00003", title: "A Quiet Paper", upvotes: 5, day: "2026-01-05", publishedAt: "2026-01-04T00:00:00.000Z" },
      // Jan 6 and 7 have nothing: navigation must skip them.
      {
        id: "2601.00004",
        title: "Attention Is Still All You Need",
        upvotes: 12,
        day: "2026-01-08",
        summary: "We revisit sparse attention in transformers.",
      },
      {
        id: "2601.00005",
        title: "Graph Neural Nets at Scale",
        upvotes: 30,
        day: "2026-01-08",
        organization: "DeepGraph",
        authors: ["Ada Lovelace", "Grace Hopper"],
      },
      { id: "2601.00006", title: "Reinforcement Learning from Feedback", upvotes: 7, day: "2026-01-09", authors: ["Sutton Barto"] },
      { id: "2602.00001", title: "February Attention Survey", upvotes: 1, day: "2026-02-02" },
    ]),
  );
});

const ids = (papers: { arxivId: string | null }[]) => papers.map((p) => p.arxivId);

describe("daily, weekly and monthly lists", () => {
  it("lists a day's papers, trending first, which within one day follows upvotes", async () => {
    const { papers, hasMore } = await data.listFeaturedPapers({ range: dayRange("2026-01-05"), sort: "trending", limit: 10, offset: 0 });
    expect(ids(papers)).toEqual(["2601.00002", "2601.00001", "2601.00003"]);
    expect(hasMore).toBe(false);
    expect(papers[1].authors.map((a) => a.name)).toEqual(["Grace Hopper", "Alan Turing"]);
    expect(papers[0].feature).toMatchObject({ day: "2026-01-05", submitter: { name: "mira" } });
  });

  it("sorts by newest publication and pages without loading everything", async () => {
    const first = await data.listFeaturedPapers({ range: dayRange("2026-01-05"), sort: "newest", limit: 2, offset: 0 });
    expect(ids(first.papers)).toEqual(["2601.00002", "2601.00001"]);
    expect(first.hasMore).toBe(true);
    const second = await data.listFeaturedPapers({ range: dayRange("2026-01-05"), sort: "newest", limit: 2, offset: 2 });
    expect(ids(second.papers)).toEqual(["2601.00003"]);
    expect(second.hasMore).toBe(false);
  });

  it("decays upvotes with age over a week: a fresh paper can outrank an older, more upvoted one", async () => {
    const now = new Date("2026-01-09T18:00:00Z");
    const { papers } = await data.listFeaturedPapers({ range: weekRange("2026-W02"), sort: "trending", limit: 10, offset: 0, now });
    const score = (upvotes: number, day: string) =>
      (upvotes + 1) / Math.pow((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 3_600_000 + 2, 1.5);
    const expected = [
      ["2601.00001", score(40, "2026-01-05")],
      ["2601.00002", score(90, "2026-01-05")],
      ["2601.00003", score(5, "2026-01-05")],
      ["2601.00004", score(12, "2026-01-08")],
      ["2601.00005", score(30, "2026-01-08")],
      ["2601.00006", score(7, "2026-01-09")],
    ] as const;
    const order = [...expected].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ids(papers)).toEqual(order);
    expect(order.indexOf("2601.00006")).toBeLessThan(order.indexOf("2601.00001")); // 7 fresh upvotes beat 40 old ones
    const byUpvotes = await data.listFeaturedPapers({ range: weekRange("2026-W02"), sort: "upvotes", limit: 10, offset: 0 });
    expect(ids(byUpvotes.papers)).toEqual(["2601.00002", "2601.00001", "2601.00005", "2601.00004", "2601.00006", "2601.00003"]);
  });

  it("lists a month and filters by submitter", async () => {
    const month = await data.listFeaturedPapers({ range: monthRange("2026-01"), sort: "upvotes", limit: 50, offset: 0 });
    expect(month.papers).toHaveLength(6);
    const mira = await data.listFeaturedPapers({ range: monthRange("2026-01"), sort: "upvotes", limit: 50, offset: 0, submitter: "mira" });
    expect(ids(mira.papers)).toEqual(["2601.00002"]);
  });

  it("finds the latest day and skips empty days when moving between days", async () => {
    expect(await data.getLatestFeaturedDay()).toBe("2026-02-02");
    expect(await data.getAdjacentDays("2026-01-08")).toEqual({ previous: "2026-01-05", next: "2026-01-09" });
    expect(await data.getAdjacentDays("2026-01-05")).toEqual({ previous: null, next: "2026-01-08" });
    expect(await data.getAdjacentDays("2026-01-07")).toEqual({ previous: "2026-01-05", next: "2026-01-08" });
    expect(await data.listDaysWithPapers(monthRange("2026-01"))).toEqual(["2026-01-05", "2026-01-08", "2026-01-09"]);
  });

  it("treats a day whose papers are all hidden as empty", async () => {
    const hide = (hiddenAt: Date | null, arxivIds: string[]) =>
      prisma.paper.updateMany({ where: { arxivId: { in: arxivIds } }, data: { hiddenAt } });
    await hide(new Date(), ["2601.00004", "2601.00005", "2602.00001"]);
    try {
      expect(await data.getAdjacentDays("2026-01-05")).toEqual({ previous: null, next: "2026-01-09" });
      expect(await data.listDaysWithPapers(monthRange("2026-01"))).toEqual(["2026-01-05", "2026-01-09"]);
      expect(await data.getLatestFeaturedDay()).toBe("2026-01-09");
    } finally {
      await hide(null, ["2601.00004", "2601.00005", "2602.00001"]);
    }
    expect(await data.getAdjacentDays("2026-01-05")).toEqual({ previous: null, next: "2026-01-08" });
  });
});

describe("paper, author and organization pages", () => {
  it("loads a paper with its organization and latest featured day", async () => {
    const paper = await data.getPaper({ arxivId: "2601.00005" });
    expect(paper).toMatchObject({
      title: "Graph Neural Nets at Scale",
      upvotes: 30,
      organization: { name: "DeepGraph" },
      feature: { day: "2026-01-08" },
    });
    expect(await data.getPaper({ arxivId: "2699.99999" })).toBeNull();
  });

  it("ranks papers with similar titles first and never the paper itself", async () => {
    const me = await data.getPaper({ arxivId: "2601.00001" });
    const similar = await data.listSimilarPapers(me!.id, 3);
    expect(ids(similar)).not.toContain("2601.00001");
    expect(ids(similar)[0]).toBe("2601.00004");
  });

  it("lists an author's and an organization's papers", async () => {
    const grace = await data.getAuthorPapers("Grace Hopper", 10, 0);
    expect(ids(grace!.papers).sort()).toEqual(["2601.00001", "2601.00005"]);
    expect(await data.getAuthorPapers("Nobody Atall", 10, 0)).toBeNull();
    const org = await data.getOrganizationPapers("DeepGraph", 10, 0);
    expect(ids(org!.papers)).toEqual(["2601.00005"]);
  });
});

describe("full-text search", () => {
  const search = async (q: string, opts: { prefixLast?: boolean; from?: string; to?: string; organization?: string } = {}) => {
    const parsed = parseSearchQuery(q, { prefixLast: opts.prefixLast });
    return searchPapers({ tsquery: parsed!.tsquery, limit: 10, offset: 0, ...opts });
  };

  it("ranks a title match above an abstract-only match", async () => {
    const { hits } = await search("sparse attention");
    expect(hits.map((h) => h.paper.arxivId)).toEqual(["2601.00001", "2601.00004"]);
  });

  it("finds papers by author name and highlights the match", async () => {
    const { hits } = await search("Lovelace");
    expect(hits.map((h) => h.paper.arxivId)).toContain("2601.00005");
    const { hits: titleHits } = await search("graph");
    expect(highlightParts(titleHits[0].titleHighlight)).toEqual([
      { text: "Graph", match: true },
      { text: " Neural Nets at Scale", match: false },
    ]);
  });

  it("understands phrases, exclusions, or and prefixes", async () => {
    expect((await search('"dense retrieval"')).hits.map((h) => h.paper.arxivId)).toEqual(["2601.00002"]);
    // 2601.00004 says "sparse attention" in its abstract: excluded too.
    expect((await search("attention -sparse")).hits.map((h) => h.paper.arxivId)).toEqual(["2602.00001"]);
    expect((await search("retrieval or reinforcement")).hits.map((h) => h.paper.arxivId).sort()).toEqual(["2601.00002", "2601.00006"]);
    expect((await search("reinforc", { prefixLast: true })).hits.map((h) => h.paper.arxivId)).toEqual(["2601.00006"]);
  });

  it("filters by date range and organization", async () => {
    expect((await search("attention", { from: "2026-02-01" })).hits.map((h) => h.paper.arxivId)).toEqual(["2602.00001"]);
    expect((await search("attention", { to: "2026-01-05" })).hits.map((h) => h.paper.arxivId)).toEqual(["2601.00001"]);
    expect((await search("graph", { organization: "DeepGraph" })).hits).toHaveLength(1);
    expect((await search("attention", { organization: "DeepGraph" })).hits).toHaveLength(0);
  });
});
