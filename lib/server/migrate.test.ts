import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, inject } from "vitest";
import { applyMigrations } from "@/lib/server/migrate";
import { dropDatabase, withDatabase } from "@/lib/test/postgres";

const adminUrl = inject("pgAdminUrl");
const name = `migrate_${Date.now()}`;
const url = withDatabase(adminUrl, name);
const migrations = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

afterAll(() => dropDatabase(adminUrl, name));

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("applying migrations with the WASM schema engine", () => {
  it("applies every migration once, even from two instances starting together, and records them as prisma migrate deploy does", async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect([...a, ...b].sort()).toEqual(migrations);

    const rows = await query<{ migration_name: string; finished_at: Date | null; checksum: string; rolled_back_at: Date | null }>(
      "SELECT migration_name, finished_at, checksum, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations);
    for (const r of rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await applyMigrations(url)).toEqual([]);
    const tables = await query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["papers", "authors", "paper_authors", "paper_features", "feed_sources", "ingest_runs"]),
    );
  });
});
