import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createStaging, deleteLinks } from "@/lib/ingest/save-papers";
import { useTestDatabase } from "@/lib/test/db";

const { url } = await useTestDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
afterAll(() => client.end());

// 20,000 papers with 5 authors each: enough author links that scanning them all is a cost a
// planner weighs, as at a real collection's size.
await client.query(`
  INSERT INTO authors (name) SELECT 'Author ' || g FROM generate_series(1, 500) g;
  INSERT INTO papers (key, title_key, title) SELECT 'k' || g, 't' || g, 'Paper ' || g FROM generate_series(1, 20000) g;
  INSERT INTO paper_authors (paper_id, author_id, position, published_at)
    SELECT p.id, 1 + (p.id * 7 + k) % 500, k, now() FROM papers p, generate_series(0, 4) k;
  ANALYZE papers, authors, paper_authors;`);

/** The plan of the run's statement that removes the author links of stored papers being rewritten. */
async function planOfDeleteLinks(batch: { paperId: number; isNew: boolean }[]): Promise<string> {
  await client.query("BEGIN");
  try {
    await createStaging(client);
    // Staged and emptied once, as every batch after a run's first finds them.
    await client.query(
      `INSERT INTO ingest_batch (ord, paper_id, is_new, abstract) SELECT g, g, true, repeat('x', 2000) FROM generate_series(1, 250) g`,
    );
    await client.query("TRUNCATE ingest_batch, ingest_rewrite, ingest_names");
    for (const [ord, { paperId, isNew }] of batch.entries()) {
      await client.query("INSERT INTO ingest_batch (ord, paper_id, is_new, abstract) VALUES ($1, $2, $3, repeat('x', 2000))", [
        ord,
        paperId,
        isNew,
      ]);
      await client.query("INSERT INTO ingest_rewrite (paper_id, ord) VALUES ($1, $2)", [paperId, ord]);
    }
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${deleteLinks}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
  }
}

it("looks up the links of the stored papers it rewrites by paper, never scanning every author link", async () => {
  // A first load: every paper new, nothing to delete.
  const fresh = await planOfDeleteLinks(Array.from({ length: 250 }, (_, i) => ({ paperId: 100_000 + i, isNew: true })));
  expect(fresh).not.toMatch(/Seq Scan on paper_authors/);
  // Stored papers whose author lists change: their links go, found through the primary key.
  const { rows } = await client.query<{ id: number }>("SELECT id FROM papers ORDER BY id LIMIT 3");
  const rewrite = await planOfDeleteLinks(rows.map((r) => ({ paperId: r.id, isNew: false })));
  expect(rewrite).not.toMatch(/Seq Scan on paper_authors/);
  expect(rewrite).toMatch(/Index Scan (using|on) paper_authors_pkey/);
  expect(rewrite).toMatch(/actual time=[\d.]+\.\.[\d.]+ rows=15(\.00)? /);
});
