import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { loadCandidates, loadPapersByIds } = await import("@/lib/digest/candidates");
const { parsePeriod } = await import("@/lib/digest/periods");
const { listFeaturedPapers } = await import("@/lib/data/papers");
const { weekRange } = await import("@/lib/papers/dates");

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2510.00001", title: "Old and Loved", upvotes: 90, day: "2025-10-06", authors: ["Ada Lovelace", "Alan Turing"] },
      { id: "2510.00002", title: "Fresh", upvotes: 20, day: "2025-10-11", organization: "NewLab" },
      { id: "2510.00003", title: "Middle", upvotes: 40, day: "2025-10-09" },
      { id: "2510.00004", title: "Twice", upvotes: 10, day: "2025-10-07" },
      { id: "2510.00004", title: "Twice", upvotes: 10, day: "2025-10-10" },
      { id: "2510.00005", title: "Hidden Spam", upvotes: 500, day: "2025-10-08" },
    ]),
  );
  await prisma.paper.update({ where: { arxivId: "2510.00005" }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
});

describe("digest candidates", () => {
  it("rank a week as the site's trending list does, without hidden papers, each paper once", async () => {
    const week = parsePeriod("weekly", "2025-W41")!;
    const candidates = await loadCandidates(prisma, week);
    const site = await listFeaturedPapers({ range: weekRange("2025-W41"), sort: "trending", limit: 50, offset: 0 });
    const visible = site.papers.filter((p) => p.arxivId !== "2510.00005").map((p) => p.arxivId);
    expect(candidates.map((c) => c.arxivId)).toEqual(visible);
    expect(candidates.map((c) => c.arxivId)).not.toContain("2510.00005");
    expect(candidates.find((c) => c.arxivId === "2510.00004")!.day).toBe("2025-10-10");
    const loved = candidates.find((c) => c.arxivId === "2510.00001")!;
    expect(loved).toMatchObject({ authors: ["Ada Lovelace", "Alan Turing"], authorCount: 2, upvotes: 90 });
    expect(candidates.find((c) => c.arxivId === "2510.00002")!.organization).toEqual({ name: "NewLab", fullname: "NewLab Lab" });
  });

  it("load papers by id in the order given", async () => {
    const ids = (await loadCandidates(prisma, parsePeriod("weekly", "2025-W41")!)).map((c) => c.id).reverse();
    expect((await loadPapersByIds(prisma, ids)).map((p) => p.id)).toEqual(ids);
  });
});
