import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startArxivStandIn, type ArxivStandIn } from "@/lib/test/arxiv-stand-in";

vi.mock("server-only", () => ({}));
const { ARXIV_UNAVAILABLE, isWithdrawn, lookupArxivPaper } = await import("@/lib/arxiv/client");

let arxiv: ArxivStandIn;
beforeAll(async () => {
  arxiv = await startArxivStandIn();
});
afterAll(() => arxiv.close());

describe("lookupArxivPaper against the stand-in (real captured Atom)", () => {
  it("reads the paper: title, authors, dates, categories from the capture", async () => {
    const published = new Date("2026-12-06T17:59:37Z");
    arxiv.papers.set("2612.00001", { published });
    const found = await lookupArxivPaper("2612.00001", { apiUrl: arxiv.url });
    expect(found.kind).toBe("found");
    if (found.kind !== "found") return;
    expect(found.withdrawn).toBe(false);
    expect(found.paper.arxivId).toBe("2612.00001");
    expect(found.paper.title).toMatch(/^RDD: Retrieval-Based Demonstration Decomposer/);
    expect(found.paper.authors.map((a) => a.name)).toEqual(["Mingxuan Yan", "Yuping Wang", "Zechun Liu", "Jiachen Li"]);
    expect(found.paper.publishedAt?.toISOString()).toBe(published.toISOString());
    expect(found.paper.categories?.[0]).toBe("cs.RO");
  });

  it("an id arXiv does not know (a feed with no entry) is unknown, not an outage", async () => {
    expect(await lookupArxivPaper("2612.99999", { apiUrl: arxiv.url })).toEqual({ kind: "unknown" });
  });

  it("a withdrawn paper is found and marked withdrawn", async () => {
    arxiv.papers.set("2612.00002", { withdrawn: true });
    const found = await lookupArxivPaper("2612.00002", { apiUrl: arxiv.url });
    expect(found).toMatchObject({ kind: "found", withdrawn: true });
  });

  it.each([
    ["unavailable", "a 503"],
    ["garbage", "a broken feed"],
    ["huge", "an endless body"],
  ] as const)("%s (%s) is one clear upstream error", async (mode, _what) => {
    arxiv.mode = mode;
    try {
      await expect(lookupArxivPaper("2612.00001", { apiUrl: arxiv.url })).rejects.toMatchObject({
        code: "upstream_error",
        message: ARXIV_UNAVAILABLE,
        details: { reason: "arxiv_unavailable" },
      });
    } finally {
      arxiv.mode = "normal";
    }
  });

  it("a server that never answers is cut off by the timeout", async () => {
    arxiv.mode = "hang";
    const started = Date.now();
    try {
      await expect(lookupArxivPaper("2612.00001", { apiUrl: arxiv.url, timeoutMs: 300 })).rejects.toMatchObject({ code: "upstream_error" });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      arxiv.mode = "normal";
    }
  });

  it("nothing listening is an outage too", async () => {
    await expect(lookupArxivPaper("2612.00001", { apiUrl: "http://127.0.0.1:9/api/query" })).rejects.toMatchObject({
      code: "upstream_error",
    });
  });
});

describe("isWithdrawn", () => {
  it.each([
    [{ comment: "This paper has been withdrawn by the author due to a crucial error", abstract: "We study…" }, true],
    [{ comment: "This paper has been withdrawn", abstract: null }, true],
    [{ comment: null, abstract: "This paper has been withdrawn." }, true],
    [{ comment: "Withdrawn: duplicate of 2406.00001", abstract: "x" }, true],
    [{ comment: "NeurIPS 2025; 12 pages", abstract: "We model how patients respond when a drug is withdrawn from the market." }, false],
    [{ comment: "Supersedes a withdrawn preprint's method", abstract: "x" }, false],
    [{ comment: null, abstract: null }, false],
  ])("%j → %s", (paper, withdrawn) => {
    expect(isWithdrawn(paper)).toBe(withdrawn);
  });
});
