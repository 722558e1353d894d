import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { runIngest, type IngestOptions } from "@/lib/ingest/run-ingest";
import { useTestDatabase } from "@/lib/test/db";
import { feedJson, feedText, streamOf } from "@/lib/test/fixtures";
import { failInsertOf } from "@/lib/test/ingest";
import { logger } from "@/lib/logger";

const { prisma, url } = await useTestDatabase();

// 37 papers: in batches of 5, the second batch is followed by more, so a bulk load starts there.
const doc = feedText("hf-daily-papers-2025-10-01.json");

function ingest(text: string, extra: Partial<IngestOptions> = {}) {
  return runIngest({ body: streamOf(text), origin: "test", trigger: "cli", prisma, batchSize: 5, ...extra });
}

/** Every index, constraint and trigger of the schema, as the catalog states them. */
async function schemaObjects(): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ x: string }[]>(`
    SELECT pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid || ' stats=' ||
           coalesce((SELECT string_agg(a.attnum || ':' || a.attstattarget, ',' ORDER BY a.attnum)
                       FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0), '') AS x
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE c.relnamespace = 'public'::regnamespace
    UNION ALL
    SELECT k.conrelid::regclass || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) || ' validated=' || k.convalidated
      FROM pg_constraint k WHERE k.connamespace = 'public'::regnamespace
    UNION ALL
    SELECT t.tgrelid::regclass || ' ' || t.tgfoid::regproc || ' ' || t.tgtype || ' ' || t.tgenabled::text || ' ' ||
           coalesce((SELECT conname FROM pg_constraint k WHERE k.oid = t.tgconstraint), t.tgname)
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = 'public'::regnamespace`);
  return rows.map((r) => r.x).sort();
}

/** Everything an ingest writes, without ids of authors and organizations (numbered in another order). */
async function stored() {
  return prisma.$queryRawUnsafe(`
    SELECT p.key, p.arxiv_id, p.title_key, p.title, p.abstract, p.published_at, p.upvotes, p.num_comments, p.github_repo,
           p.github_stars, p.project_page, p.ai_summary, p.ai_keywords, p.thumbnail, p.media_urls, p.categories, p.comment,
           p.author_count, p.author_names, p.search_vector::text AS search_vector, o.name AS org, o.fullname AS org_fullname,
           (SELECT array_agg(a.name || '|' || coalesce(a.hf_user, '') ORDER BY pa.position)
              FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = p.id) AS authors,
           (SELECT array_agg(f.day || '|' || f.featured_at || '|' || coalesce(f.submitter_name, '') ORDER BY f.day)
              FROM paper_features f WHERE f.paper_id = p.id) AS features
      FROM papers p LEFT JOIN organizations o ON o.id = p.organization_id
     ORDER BY p.key`);
}

const counts = async () => ({
  papers: await prisma.paper.count(),
  authors: await prisma.author.count(),
  links: await prisma.paperAuthor.count(),
  features: await prisma.paperFeature.count(),
});

beforeEach(async () => {
  await prisma.$executeRawUnsafe("TRUNCATE papers, authors, organizations, ingest_runs RESTART IDENTITY CASCADE");
});

describe("a bulk load into an empty database", () => {
  it("leaves exactly the indexes, constraints and triggers the migrations define", async () => {
    const before = await schemaObjects();
    expect(before.some((x) => x.startsWith("CREATE INDEX papers_published_at_idx"))).toBe(true);
    const summary = await ingest(doc);
    expect(summary).toMatchObject({ new: 37, bulkLoad: true });
    expect(await schemaObjects()).toEqual(before);
  });

  it("stores the same rows as a run that keeps the indexes", async () => {
    const bulk = await ingest(doc);
    expect(bulk.bulkLoad).toBe(true);
    const viaBulk = await stored();
    await prisma.$executeRawUnsafe("TRUNCATE papers, authors, organizations, ingest_runs RESTART IDENTITY CASCADE");
    const plain = await ingest(doc, { bulkLoad: false });
    expect(plain.bulkLoad).toBe(false);
    expect(await stored()).toEqual(viaBulk);
    expect((viaBulk as unknown[]).length).toBe(37);
  });

  it("is not used for a small document, nor when the table already holds papers", async () => {
    expect((await ingest(doc, { batchSize: 1000 })).bulkLoad).toBe(false);
    const again = await ingest(feedText("hf-daily-papers-2026-03-04.json"));
    expect(again).toMatchObject({ new: 24, bulkLoad: false });
  });

  it("computes the search vectors beside the run, never waiting on the run's own locks", async () => {
    // The second connection once named `papers` in its statement even with its lookups off, so
    // it waited for the bulk load's lock until lock_timeout, and every vector went to the trigger.
    const warn = vi.spyOn(logger, "warn");
    try {
      const summary = await ingest(doc);
      expect(summary).toMatchObject({ new: 37, bulkLoad: true });
      expect(warn.mock.calls.map((c) => c[1])).not.toContain("search vectors fall back to the trigger");
      expect(summary.durationMs).toBeLessThan(5000);
    } finally {
      warn.mockRestore();
    }
  });

  it("re-ingests after a bulk load without changing anything", async () => {
    await ingest(doc);
    const before = await stored();
    expect(await ingest(doc)).toMatchObject({ new: 0, updated: 0, unchanged: 37, bulkLoad: false });
    expect(await stored()).toEqual(before);
  });

  it("finds papers by search and similar papers right after the run", async () => {
    await ingest(doc);
    const [{ id, title }] = await prisma.$queryRawUnsafe<{ id: number; title: string }[]>(
      "SELECT id, title FROM papers ORDER BY id LIMIT 1",
    );
    const word = title.split(/\s+/).find((w) => w.length > 6)!;
    const hits = await prisma.$queryRawUnsafe<{ id: number }[]>(
      "SELECT id FROM papers WHERE ts_filter(search_vector, '{a}') @@ plainto_tsquery('english', $1)",
      word,
    );
    expect(hits.map((h) => h.id)).toContain(id);
    const similar = await prisma.$queryRawUnsafe<unknown[]>("SELECT * FROM similar_paper_ids($1, 5, 10, 100, 2000)", id);
    expect(Array.isArray(similar)).toBe(true);
  });

  it("leaves the database empty and its indexes intact when it fails mid-run", async () => {
    const before = await schemaObjects();
    const entries = feedJson<{ paper: { id: string } }[]>("hf-daily-papers-2025-10-01.json");
    const poisoned = entries[30].paper.id;
    const heal = await failInsertOf(prisma, poisoned);
    try {
      const err = await ingest(doc).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/nothing was saved.*disk full/);
      expect(await counts()).toEqual({ papers: 0, authors: 0, links: 0, features: 0 });
    } finally {
      await heal();
    }
    expect(await schemaObjects()).toEqual(before);
  });

  it("fails when a rebuilt foreign key finds a row it does not allow, and writes nothing", async () => {
    // A link to an author that is not there, which only the rebuilt constraint can see
    // (the load itself never writes one): the constraint is checked when it is added.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION orphan_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.position = 0 AND NEW.paper_id = 20 THEN NEW.author_id := -1; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER orphan BEFORE INSERT ON paper_authors FOR EACH ROW EXECUTE FUNCTION orphan_link()`);
    try {
      const err = await ingest(doc).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/paper_authors_author_id_fkey/);
      expect(await counts()).toEqual({ papers: 0, authors: 0, links: 0, features: 0 });
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER orphan ON paper_authors; DROP FUNCTION orphan_link()`);
    }
  });

  it("runs as usual, without waiting, while another session holds a lock on the tables", async () => {
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    try {
      await reader.query("BEGIN; SELECT count(*) FROM paper_features");
      const summary = await ingest(doc);
      expect(summary).toMatchObject({ new: 37, bulkLoad: false });
    } finally {
      await reader.query("ROLLBACK");
      await reader.end();
    }
  });
});
