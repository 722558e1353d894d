import type pg from "pg";
import type { IngestTrigger, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/**
 * Telling a crashed ingest run from one that is still going, across instances on one database.
 * A run holds a session advisory lock, keyed on its id, on its own ingest connection from the
 * moment its row exists until its outcome is written. Postgres drops the lock with the
 * connection, so when the process dies, a `running` row whose lock is free was interrupted.
 */
const RUN_LOCK_SPACE = 0x696e6772; // "ingr": the first key of the two-key advisory locks

export const interruptedReason = "interrupted: the server stopped during this run";

/**
 * Inserts the run and takes its lock in one statement, so no other session ever sees the row
 * `running` without its lock held.
 */
export async function createLockedRun(
  client: pg.Client,
  o: { origin: string; trigger: IngestTrigger; sourceId?: number },
): Promise<{ id: number }> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO ingest_runs (origin, trigger, source_id) VALUES ($1, $2::ingest_trigger, $3)
     RETURNING id, pg_advisory_lock(${RUN_LOCK_SPACE}, id)`,
    [o.origin, o.trigger, o.sourceId ?? null],
  );
  return { id: rows[0].id };
}

/**
 * Marks failed, with the reason, the runs left `running` by a process that stopped (a crash, a
 * kill, a lost connection). Runs of another live instance keep their lock and are left alone.
 * Called once at start-up. Returns how many were marked.
 */
export async function failInterruptedRuns(prisma: PrismaClient, now = new Date()): Promise<number> {
  // One statement, so one transaction: a lock found free is released again at its end. The
  // CASE keeps the lock from being tried on rows that are not running.
  const n = await prisma.$executeRaw`
    UPDATE ingest_runs SET status = 'failed', finished_at = ${now}::timestamptz, error = ${interruptedReason}
     WHERE status = 'running'
       AND CASE WHEN status = 'running' THEN pg_try_advisory_xact_lock(${RUN_LOCK_SPACE}::int, id) ELSE false END`;
  if (n) logger.warn({ count: n }, "ingest runs interrupted by a stop were marked failed");
  return n;
}
