import path from "node:path";
import { dataDir, env } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (nothing is started), else the embedded Postgres under DATA_DIR.
 * Sets process.env.DATABASE_URL so everything after this sees one database.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const { DATABASE_URL, EMBEDDED_PG_PORT } = env();
  if (DATABASE_URL) return { url: DATABASE_URL, embedded: false, stop: async () => {} };
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), "postgres"), port: EMBEDDED_PG_PORT });
  process.env.DATABASE_URL = pg.url;
  return { url: pg.url, embedded: true, stop: pg.stop };
}
