import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText, type SyntheticPaper } from "@/lib/test/ingest";
import { seededRandom } from "@/lib/test/random";

/**
 * An author's page is read from the links in the order of their own copy of the paper's
 * published_at (migration paper_authors_published_at). These tests hold it to the query on
 * the papers' dates it replaced, after every way a paper's date is written: the ingest (new
 * papers, a re-ingest that changes the date, one that rewrites the author list with or without
 * a date), a direct update, and links inserted without the date.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
/** A second database, taken back to before the migration and migrated again. */
const before = await useTestDatabase();
const data = await import("@/lib/data/papers");

const PROLIFIC = "Prolific Person";
const NOW = new Date("2026-04-20T06:00:00Z");
/** Deterministic, so a failure can be replayed. */
const rng = seededRandom;
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const day = (offset: number) => new Date(Date.UTC(2026, 2, 20 + offset)).toISOString().slice(0, 10);
const arxivId = (i: number) => `2603.${String(i).padStart(5, "0")}`;

/** The author page's query before this change: ordered on the papers' own dates. */
async function authorBefore(name: string, limit: number, offset: number) {
  const rows = await prisma.$queryRawUnsafe<{ arxiv_id: string }[]>(
    `SELECT p.arxiv_id FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
      WHERE pa.author_id = (SELECT id FROM authors WHERE name = $1) AND p.hidden_at IS NULL
      ORDER BY p.published_at DESC NULLS LAST, p.id DESC LIMIT $2 OFFSET $3`,
    name,
    limit + 1,
    offset,
  );
  return { papers: rows.slice(0, limit).map((r) => r.arxiv_id), hasMore: rows.length > limit };
}

async function authorAfter(name: string, limit: number, offset: number) {
  const page = await data.getAuthorPapers(name, limit, offset);
  return page && { papers: page.papers.map((p) => p.arxivId), hasMore: page.hasMore };
}

/** Every author page of `name`, at every boundary of two page sizes, against the old query. */
async function expectSamePages(name: string) {
  const total = (await authorBefore(name, 10_000, 0)).papers.length;
  for (const limit of [30, 7]) {
    for (let offset = 0; offset <= total + limit; offset += limit) {
      for (const o of new Set([offset, Math.max(0, offset - 1), offset + 1])) {
        expect(await authorAfter(name, limit, o), `${name} limit ${limit} offset ${o}`).toEqual(await authorBefore(name, limit, o));
      }
    }
  }
  return total;
}

/** Links whose date is not their paper's: none, whoever wrote them. */
async function staleLinks() {
  return prisma.$queryRawUnsafe<{ paper_id: number; position: number }[]>(
    `SELECT pa.paper_id, pa.position FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
      WHERE pa.published_at IS DISTINCT FROM p.published_at`,
  );
}

async function linkDates(arxiv: string) {
  const rows = await prisma.$queryRawUnsafe<{ published_at: Date | null }[]>(
    `SELECT pa.published_at FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE p.arxiv_id = $1 ORDER BY pa.position`,
    arxiv,
  );
  return rows.map((r) => r.published_at?.toISOString() ?? null);
}

const atomEntry = (id: string, title: string, authors: string[], published?: string) =>
  `<entry><id>http://arxiv.org/abs/${id}v1</id><title>${title}</title>` +
  (published ? `<published>${published}</published>` : "") +
  authors.map((a) => `<author><name>${a}</name></author>`).join("") +
  `</entry>`;
const atomDocument = (entries: string[]) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${entries.join("")}</feed>`;

const papers: SyntheticPaper[] = [];

beforeAll(async () => {
  const r = rng(23);
  for (let i = 1; i <= 150; i++) {
    papers.push({
      id: arxivId(i),
      title: `Paper number ${i}`,
      day: day(Math.floor(r() * 20)),
      // Few distinct publication times: ties broken by id.
      publishedAt: `${pick(r, [day(-3), day(0), day(5), day(5), day(12)])}T00:00:00.000Z`,
      authors: r() < 0.6 ? [PROLIFIC, `Author ${i % 7}`] : [`Author ${i % 7}`],
    });
  }
  await ingestText(prisma, hfDocument(papers));
}, 60_000);

describe("the author page in the links' order", () => {
  it("stores each link with its paper's date from the first ingest", async () => {
    expect(await staleLinks()).toEqual([]);
    const first = await linkDates(papers[0].id);
    expect(first.length).toBe(papers[0].authors!.length);
    expect(new Set(first)).toEqual(new Set([papers[0].publishedAt]));
  });

  it("follows a re-ingest that changes a paper's date, its author list unchanged", async () => {
    const target = papers.find((p) => p.authors?.includes(PROLIFIC))!;
    const newest = "2026-05-01T00:00:00.000Z";
    await ingestText(prisma, hfDocument([{ ...target, publishedAt: newest }]));
    expect(await linkDates(target.id)).toEqual([newest, newest]);
    // The paper now leads its author's page, as it leads the old query's.
    expect((await authorAfter(PROLIFIC, 30, 0))?.papers[0]).toBe(target.id);
    expect(await authorAfter(PROLIFIC, 30, 0)).toEqual(await authorBefore(PROLIFIC, 30, 0));
  });

  it("follows a re-ingest that rewrites the author list, with a new date or with none", async () => {
    const moved = papers[10];
    await ingestText(prisma, hfDocument([{ ...moved, publishedAt: "2026-01-02T00:00:00.000Z", authors: [PROLIFIC, "Newcomer"] }]));
    expect(await linkDates(moved.id)).toEqual(["2026-01-02T00:00:00.000Z", "2026-01-02T00:00:00.000Z"]);
    // An arXiv Atom entry without <published>: the paper keeps its date, and so do its new links.
    await ingestText(prisma, atomDocument([atomEntry(moved.id, moved.title, ["Newcomer", PROLIFIC, "Third Person"])]));
    expect(await linkDates(moved.id)).toEqual(Array(3).fill("2026-01-02T00:00:00.000Z"));
    expect(await staleLinks()).toEqual([]);
  });

  it("follows dates changed outside the ingest, to none and back", async () => {
    const ids = papers.filter((_, i) => i % 13 === 5).map((p) => p.id);
    await prisma.paper.updateMany({ where: { arxivId: { in: ids } }, data: { publishedAt: null } });
    expect(await linkDates(ids[0])).toEqual((await linkDates(ids[0])).map(() => null));
    const back = ids.slice(0, 2);
    await prisma.paper.updateMany({ where: { arxivId: { in: back } }, data: { publishedAt: new Date("2026-03-25T00:00:00Z") } });
    expect(await linkDates(back[1])).toEqual((await linkDates(back[1])).map(() => "2026-03-25T00:00:00.000Z"));
    expect(await staleLinks()).toEqual([]);
  });

  it("gives a link inserted without a date its paper's date", async () => {
    const [paper] = await prisma.paper.findMany({ where: { arxivId: papers[20].id }, select: { id: true, publishedAt: true } });
    const author = await prisma.author.findUniqueOrThrow({ where: { name: PROLIFIC }, select: { id: true } });
    const link = await prisma.paperAuthor.create({
      data: { paperId: paper.id, authorId: author.id, position: 40 },
      select: { publishedAt: true },
    });
    expect(link.publishedAt).toEqual(paper.publishedAt);
    // The same author twice on one paper (raw SQL, no date given): listed twice, as before.
    await prisma.$executeRawUnsafe(`INSERT INTO paper_authors (paper_id, author_id, position) VALUES ($1, $2, 41)`, paper.id, author.id);
    expect((await linkDates(papers[20].id)).slice(-2)).toEqual([paper.publishedAt!.toISOString(), paper.publishedAt!.toISOString()]);
    const all = await authorAfter(PROLIFIC, 1000, 0);
    expect(all?.papers.filter((id) => id === papers[20].id).length).toBeGreaterThanOrEqual(2);
    expect(await staleLinks()).toEqual([]);
  });

  it("lists the same papers and pages as the papers' own order, with ties, undated, hidden and merged papers", async () => {
    const ids = papers.map((p) => p.id);
    await prisma.paper.updateMany({ where: { arxivId: { in: ids.filter((_, i) => i % 11 === 3) } }, data: { hiddenAt: NOW } });
    const [target] = await prisma.paper.findMany({ where: { arxivId: ids[1] }, select: { id: true } });
    await prisma.paper.updateMany({ where: { arxivId: ids[2] }, data: { hiddenAt: NOW, mergedIntoId: target.id } });
    await prisma.$executeRawUnsafe(`ANALYZE`);

    const total = await expectSamePages(PROLIFIC);
    expect(total).toBeGreaterThan(80);
    const all = await authorAfter(PROLIFIC, 1000, 0);
    expect(all?.papers).not.toContain(ids[3]); // hidden
    // Undated papers come last.
    const undated = new Set<string | null>(ids.filter((_, i) => i % 13 === 5).slice(2));
    const firstUndated = all!.papers.findIndex((id) => undated.has(id));
    expect(firstUndated).toBeGreaterThan(0);
    expect(all!.papers.slice(firstUndated).every((id) => undated.has(id))).toBe(true);
    for (const name of ["Author 3", "Newcomer"]) await expectSamePages(name);
    expect(await data.getAuthorPapers("Nobody At All", 30, 0)).toBeNull();
  });
});

describe("the migration", () => {
  it("fills in the date of every existing link, dated or not, and keeps it from then on", async () => {
    await ingestText(before.prisma, hfDocument(papers.slice(0, 40)));
    await before.prisma.paper.updateMany({ where: { arxivId: { in: [arxivId(3), arxivId(4)] } }, data: { publishedAt: null } });
    const migration = path.resolve(import.meta.dirname, "../../prisma/migrations/20261208001000_paper_authors_published_at/migration.sql");
    const client = new pg.Client({ connectionString: before.url });
    await client.connect();
    try {
      // The schema as the migration found it: links without the column, the index on author_id alone.
      await client.query(`
        DROP TRIGGER paper_authors_published_at ON paper_authors;
        DROP TRIGGER papers_published_at_to_authors ON papers;
        DROP FUNCTION paper_authors_fill_published_at(), paper_authors_follow_published_at();
        DROP INDEX paper_authors_author_id_published_at_paper_id_idx;
        ALTER TABLE paper_authors DROP COLUMN published_at;
        CREATE INDEX paper_authors_author_id_idx ON paper_authors (author_id);`);
      await client.query(readFileSync(migration, "utf8"));
      const { rows } = await client.query(`
        SELECT count(*)::int AS links, count(*) FILTER (WHERE pa.published_at IS NULL)::int AS undated,
               count(*) FILTER (WHERE pa.published_at IS DISTINCT FROM p.published_at)::int AS stale
          FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id`);
      expect(rows[0]).toEqual({ links: expect.any(Number), undated: expect.any(Number), stale: 0 });
      expect(rows[0].links).toBeGreaterThan(40);
      expect(rows[0].undated).toBeGreaterThanOrEqual(2);
      await client.query(`UPDATE papers SET published_at = '2027-01-01' WHERE arxiv_id = $1`, [arxivId(3)]);
      const { rows: after } = await client.query(
        `SELECT DISTINCT pa.published_at FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE p.arxiv_id = $1`,
        [arxivId(3)],
      );
      expect(after).toEqual([{ published_at: new Date("2027-01-01T00:00:00Z") }]);
    } finally {
      await client.end();
    }
  });
});
