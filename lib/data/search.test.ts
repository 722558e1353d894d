import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { searchPapers, searchPaperList, highlightParts } = await import("@/lib/data/search");
const { parseSearchQuery } = await import("@/lib/search/query");

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      // Two title matches of the same rank: the newer one first.
      { id: "2603.00001", title: "Widgets for Robots", day: "2026-03-01", organization: "WidgetWorks" },
      { id: "2603.00002", title: "Widgets for Rivers", day: "2026-03-05" },
      // The word five times in the abstract: ts_rank_cd over the whole vector would put it first.
      { id: "2603.00003", title: "An Unrelated Study", day: "2026-03-09", summary: "Widgets, widgets, widgets: widgets and more widgets." },
      { id: "2603.00004", title: "Rivers of Data", day: "2026-03-02", summary: "We count widgets." },
      // Only an author's name matches.
      { id: "2603.00005", title: "Something Else Entirely", day: "2026-03-10", summary: "Nothing to see.", authors: ["Wanda Widgets"] },
      { id: "2603.00006", title: "Gadgets Only", day: "2026-03-11", summary: "No match here." },
    ]),
  );
});

type Opts = { prefixLast?: boolean; limit?: number; offset?: number; organization?: string; from?: string };
const ids = (papers: { arxivId: string | null }[]) => papers.map((p) => p.arxivId);
const search = async (q: string, { prefixLast, limit = 10, offset = 0, ...rest }: Opts = {}) =>
  searchPapers({ tsquery: parseSearchQuery(q, { prefixLast })!.tsquery, limit, offset, ...rest });
const found = async (q: string, opts: Opts = {}) => ids((await search(q, opts)).hits.map((h) => h.paper));

describe("search ranking", () => {
  it("puts title matches first, then abstract matches, then author matches, newer first among equals", async () => {
    expect(await found("widgets")).toEqual(["2603.00002", "2603.00001", "2603.00003", "2603.00004", "2603.00005"]);
  });

  it("counts as a title match only a title that matches the whole query", async () => {
    expect(await found("widgets rivers")).toEqual(["2603.00002", "2603.00004"]);
    expect(await found('"widgets for rivers"')).toEqual(["2603.00002"]);
  });

  it("leaves out a title match whose abstract or authors hold an excluded word", async () => {
    expect(await found("widgets -robots")).toEqual(["2603.00002", "2603.00003", "2603.00004", "2603.00005"]);
    // "Widgets for Rivers" says "rivers" only in its title and abstract; "Rivers of Data" in its title.
    expect(await found("rivers -widgets")).toEqual([]);
    expect(await found("widgets -wanda")).toEqual(["2603.00002", "2603.00001", "2603.00003", "2603.00004"]);
  });

  it("matches the last word as a prefix in titles too", async () => {
    expect((await found("widg", { prefixLast: true })).slice(0, 2)).toEqual(["2603.00002", "2603.00001"]);
    expect(await found("widg")).toEqual([]);
  });

  it("pages through both groups in one order, without repeats or gaps", async () => {
    const all = await found("widgets");
    const paged: (string | null)[] = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      const page = await search("widgets", { limit: 2, offset });
      paged.push(...ids(page.hits.map((h) => h.paper)));
      expect(page.hasMore, `offset ${offset}`).toBe(offset + 2 < all.length);
    }
    expect(paged).toEqual(all);
    expect((await search("widgets", { limit: 2, offset: 10 })).hits).toEqual([]);
  });

  it("applies the filters to title matches and to the others", async () => {
    expect(await found("widgets", { organization: "WidgetWorks" })).toEqual(["2603.00001"]);
    expect(await found("widgets", { from: "2026-03-03" })).toEqual(["2603.00002", "2603.00003", "2603.00005"]);
  });

  it("marks matches in the title and the abstract excerpt", async () => {
    const hit = (await search("rivers")).hits.find((h) => h.paper.arxivId === "2603.00002")!;
    expect(highlightParts(hit.titleHighlight)).toEqual([
      { text: "Widgets for ", match: false },
      { text: "Rivers", match: true },
    ]);
    expect(highlightParts(hit.abstractHighlight).filter((p) => p.match)).toEqual([{ text: "Rivers", match: true }]);
  });
});

describe("searchPaperList (API and feeds)", () => {
  it("returns the same papers in the same order, without highlights", async () => {
    for (const q of ["widgets", "widgets rivers", "data"]) {
      const tsquery = parseSearchQuery(q)!.tsquery;
      const list = await searchPaperList({ tsquery, limit: 3, offset: 1 });
      const page = await searchPapers({ tsquery, limit: 3, offset: 1 });
      expect(ids(list.papers), q).toEqual(ids(page.hits.map((h) => h.paper)));
      expect(list.hasMore, q).toBe(page.hasMore);
    }
  });
});
