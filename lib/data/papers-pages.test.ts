import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText, type SyntheticPaper } from "@/lib/test/ingest";
import { seededRandom } from "@/lib/test/random";

/**
 * The list and author pages choose their page on the ordering columns first and read only that
 * page in full. These tests hold them to the queries they replaced (kept below as the reference),
 * on data made to trip them: many ties, papers featured again later (inside and after the
 * period), hidden and merged papers, missing publication dates, an author listed twice on one
 * paper, and every page boundary.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const data = await import("@/lib/data/papers");
const { trendingSql } = await import("@/lib/data/trending");
const { dayRange, weekRange, monthRange } = await import("@/lib/papers/dates");

const PROLIFIC = "Prolific Person";
const NOW = new Date("2026-04-20T06:00:00Z");
/** Deterministic, so a failure can be replayed. */
const rng = seededRandom;
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const day = (offset: number) => new Date(Date.UTC(2026, 2, 20 + offset)).toISOString().slice(0, 10);

beforeAll(async () => {
  const r = rng(17);
  const papers: SyntheticPaper[] = [];
  for (let i = 1; i <= 160; i++) {
    const d = day(Math.floor(r() * 20)); // 2026-03-20 .. 2026-04-08: across a month's end
    papers.push({
      id: `2603.${String(i).padStart(5, "0")}`,
      title: `Paper number ${i}`,
      upvotes: pick(r, [0, 0, 1, 2, 5, 5, 40]),
      day: d,
      // Few distinct publication times: ties broken by id.
      publishedAt: `${pick(r, [day(-3), day(0), day(5), day(5), day(12)])}T00:00:00.000Z`,
      featuredAt: `${d}T${pick(r, ["08", "08", "13"])}:00:00.000Z`,
      authors: r() < 0.6 ? [PROLIFIC, `Author ${i % 7}`] : [`Author ${i % 7}`],
      submitter: pick(r, ["akhaliq", "mira"]),
      organization: r() < 0.3 ? pick(r, ["LabA", "LabB"]) : undefined,
    });
  }
  await ingestText(prisma, hfDocument(papers));
  // Featured again later: a day inside the same week or month, and days after the periods end.
  const again = papers
    .filter(() => r() < 0.25)
    .map((p, i) => ({ ...p, day: day(Math.min(25, (Number(p.day.slice(8)) % 20) + 1 + (i % 9))), submitter: "later" }));
  for (const p of again) await ingestText(prisma, hfDocument([{ ...p, featuredAt: undefined }]));
  const ids = papers.map((p) => p.id);
  // Hidden papers, one of them merged into another record, and papers without a publication date.
  await prisma.paper.updateMany({ where: { arxivId: { in: ids.filter((_, i) => i % 11 === 3) } }, data: { hiddenAt: NOW } });
  const [target] = await prisma.paper.findMany({ where: { arxivId: ids[1] }, select: { id: true } });
  await prisma.paper.updateMany({ where: { arxivId: ids[2] }, data: { hiddenAt: NOW, mergedIntoId: target.id } });
  await prisma.paper.updateMany({ where: { arxivId: { in: ids.filter((_, i) => i % 13 === 5) } }, data: { publishedAt: null } });
  // The same author twice on one paper: listed twice, as before.
  await prisma.$executeRawUnsafe(
    `INSERT INTO paper_authors (paper_id, author_id, position)
     SELECT pa.paper_id, pa.author_id, 50 FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
      WHERE a.name = $1 ORDER BY pa.paper_id LIMIT 1`,
    PROLIFIC,
  );
  await prisma.$executeRawUnsafe(`ANALYZE`);
}, 60_000);

type Sort = "trending" | "upvotes" | "newest" | "listed";
const orderBy: Record<Sort, string> = {
  trending: `${trendingSql("$6")} DESC, p.id DESC`,
  upvotes: `(p.upvotes + p.user_upvotes) DESC, p.id DESC`,
  newest: `p.published_at DESC NULLS LAST, p.id DESC`,
  listed: `f.featured_at DESC, p.id DESC`,
};

/** The period query before this change: paper ids and featured days of one page. */
async function periodBefore(o: {
  range: { start: string; end: string };
  sort: Sort;
  limit: number;
  offset: number;
  submitter?: string;
  arxivOnly?: boolean;
}) {
  const ref = new Date(Math.min(NOW.getTime(), Date.parse(`${o.range.end}T00:00:00Z`)));
  const rows = await prisma.$queryRawUnsafe<{ arxiv_id: string; day: Date }[]>(
    `SELECT p.arxiv_id, f.day, ${trendingSql("$6")} AS trending_score
       FROM paper_features f
       JOIN papers p ON p.id = f.paper_id
       LEFT JOIN organizations o ON o.id = p.organization_id
      WHERE f.day >= $1::date AND f.day < $2::date
        AND ($5::text IS NULL OR f.submitter_name = $5)
        AND (NOT $7::boolean OR p.arxiv_id IS NOT NULL)
        AND p.hidden_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM paper_features later
                         WHERE later.paper_id = f.paper_id AND later.day > f.day AND later.day < $2::date)
      ORDER BY ${orderBy[o.sort]}
      LIMIT $3 OFFSET $4`,
    o.range.start,
    o.range.end,
    o.limit + 1,
    o.offset,
    o.submitter ?? null,
    ref,
    o.arxivOnly ?? false,
  );
  return {
    papers: rows.slice(0, o.limit).map((r) => `${r.arxiv_id}@${r.day.toISOString().slice(0, 10)}`),
    hasMore: rows.length > o.limit,
  };
}

/** The author query before this change. */
async function authorBefore(name: string, limit: number, offset: number) {
  const rows = await prisma.$queryRawUnsafe<{ arxiv_id: string; day: Date | null }[]>(
    `SELECT p.arxiv_id, f.day
       FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
       LEFT JOIN organizations o ON o.id = p.organization_id ${data.latestFeature}
      WHERE pa.author_id = (SELECT id FROM authors WHERE name = $1) AND p.hidden_at IS NULL
      ORDER BY p.published_at DESC NULLS LAST, p.id DESC LIMIT $2 OFFSET $3`,
    name,
    limit + 1,
    offset,
  );
  return {
    papers: rows.slice(0, limit).map((r) => `${r.arxiv_id}@${r.day?.toISOString().slice(0, 10)}`),
    hasMore: rows.length > limit,
  };
}

const keyed = (r: { papers: { arxivId: string | null; feature: { day: string } | null }[]; hasMore: boolean }) => ({
  papers: r.papers.map((p) => `${p.arxivId}@${p.feature?.day}`),
  hasMore: r.hasMore,
});

describe("period pages choose the page first", () => {
  const ranges = {
    day: dayRange(day(4)),
    week: weekRange("2026-W13"),
    march: monthRange("2026-03"),
    april: monthRange("2026-04"),
    everything: { start: "2026-01-01", end: "2026-12-31" },
  };
  const sorts: Sort[] = ["trending", "upvotes", "newest", "listed"];

  it("lists the same papers, days and pages as before, for every sort and page boundary", async () => {
    let compared = 0;
    for (const [name, range] of Object.entries(ranges)) {
      for (const sort of sorts) {
        for (const [limit, offsets] of [
          [30, [0, 29, 30, 31, 60, 90, 120]],
          [7, [0, 6, 7, 8, 14]],
        ] as const) {
          for (const offset of offsets) {
            const before = await periodBefore({ range, sort, limit, offset });
            const after = keyed(await data.listFeaturedPapers({ range, sort, limit, offset, now: NOW }));
            expect(after, `${name} ${sort} limit ${limit} offset ${offset}`).toEqual(before);
            compared += before.papers.length;
          }
        }
      }
    }
    // The data is large enough that the comparison is not of empty pages.
    expect(compared).toBeGreaterThan(1000);
  });

  it("keeps the submitter filter and the arXiv-only filter as before", async () => {
    for (const sort of sorts) {
      for (const submitter of ["mira", "later"]) {
        const o = { range: ranges.everything, sort, limit: 30, offset: 0, submitter, arxivOnly: true };
        expect(keyed(await data.listFeaturedPapers({ ...o, now: NOW })), `${sort} ${submitter}`).toEqual(await periodBefore(o));
      }
    }
  });

  it("lists a paper featured twice in the period once, for its later day, and never a hidden or merged one", async () => {
    const all = await data.listFeaturedPapers({ range: ranges.everything, sort: "newest", limit: 1000, offset: 0, now: NOW });
    const ids = all.papers.map((p) => p.arxivId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain("2603.00003"); // merged
    expect(ids).not.toContain("2603.00004"); // hidden
    const again = all.papers.filter((p) => p.feature?.submitter?.name === "later");
    expect(again.length).toBeGreaterThan(10);
  });
});

describe("author pages choose the page first", () => {
  it("lists the same papers and pages as before, newest first, the author's duplicate row included", async () => {
    const total = (await authorBefore(PROLIFIC, 1000, 0)).papers.length;
    expect(total).toBeGreaterThan(60);
    for (const limit of [30, 7]) {
      for (let offset = 0; offset <= total + limit; offset += limit) {
        for (const o of [offset, Math.max(0, offset - 1), offset + 1]) {
          const after = await data.getAuthorPapers(PROLIFIC, limit, o);
          expect(after && keyed(after), `limit ${limit} offset ${o}`).toEqual(await authorBefore(PROLIFIC, limit, o));
        }
      }
    }
  });

  it("shows an author's hidden papers to nobody and pages end where the papers do", async () => {
    const page = await data.getAuthorPapers("Author 3", 30, 0);
    expect(page?.papers.some((p) => p.arxivId === "2603.00004")).toBe(false);
    expect(page && keyed(page)).toEqual(await authorBefore("Author 3", 30, 0));
    expect(await data.getAuthorPapers("Nobody At All", 30, 0)).toBeNull();
  });
});
