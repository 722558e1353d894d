import pg from "pg";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/**
 * The connection string a Prisma client was made with (lib/db.ts builds every client
 * with the pg adapter from a connection string). Prisma has no public accessor for it,
 * so this reads the adapter factory's config; undefined if that ever moves.
 */
export function databaseUrlOf(prisma: PrismaClient): string | undefined {
  const engine = (prisma as unknown as { _engineConfig?: { adapter?: { config?: unknown } } })._engineConfig;
  const config = engine?.adapter?.config;
  if (typeof config === "string") return config;
  const url = (config as { connectionString?: unknown } | undefined)?.connectionString;
  return typeof url === "string" ? url : undefined;
}

/**
 * A connection of its own for one ingest run: the run's transaction streams its batches
 * with COPY, which Prisma cannot do. Closed by the caller with `end()`.
 */
export async function openIngestConnection(prisma: PrismaClient | undefined, databaseUrl?: string): Promise<pg.Client> {
  // Never a guess: a client whose database cannot be told must not fall back to DATABASE_URL.
  const url = databaseUrl ?? (prisma ? databaseUrlOf(prisma) : env().DATABASE_URL);
  if (!url) {
    throw new Error(prisma ? "Cannot tell which database this Prisma client uses: pass databaseUrl" : "DATABASE_URL is not set");
  }
  const client = new pg.Client({ connectionString: url, application_name: "paperboy ingest" });
  // A connection lost between queries surfaces as the next query's error; without a
  // listener the event would crash the process.
  client.on("error", (err) => logger.warn({ err: err.message }, "ingest connection lost"));
  await client.connect();
  return client;
}
