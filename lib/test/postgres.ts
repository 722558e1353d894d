import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";

export interface TestPostgres {
  /** URL of the cluster's `postgres` database, for creating and dropping test databases. */
  adminUrl: string;
  /** A migrated database that test databases are cloned from. */
  template: string;
  stop(): Promise<void>;
}

export const templateName = "paperboy_template";

/**
 * A throwaway real Postgres for a test run: a fresh cluster in a temp folder on a free
 * port, with a migrated template database. Tests never touch a configured database.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperboy-test-"));
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), database: templateName });
  await applyMigrations(pgServer.url);
  const adminUrl = withDatabase(pgServer.url, "postgres");
  return {
    adminUrl,
    template: templateName,
    stop: async () => {
      await pgServer.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database cloned from the migrated template (about 50 ms). */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template = templateName): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
