import pg from "pg";
import type { Logger } from "@/lib/logger";
import { logger as rootLogger } from "@/lib/logger";

export interface DatabaseHealth {
  ok: boolean;
  /** Time to get a connection and run `SELECT 1`, in milliseconds. */
  latencyMs: number;
  /** `timeout`, `unreachable`, `not_configured` or `error`; details go to the log, not the answer. */
  error?: string;
}

export interface QueueHealth {
  /** The pg-boss schema is installed and readable. */
  ok: boolean;
  error?: string;
  /** pg-boss schema version. */
  version?: number;
  /** Jobs waiting to run (created or waiting for a retry). */
  queued?: number;
  active?: number;
  /** Failed jobs not yet archived by pg-boss. */
  failed?: number;
  /** Last pg-boss maintenance and cron runs, by any instance (ISO 8601), or null if never. */
  maintainedAt?: string | null;
  cronAt?: string | null;
}

export interface HealthReport {
  /** `ok`; `degraded` when the database answers but the job queue is not installed; `down` otherwise. */
  status: "ok" | "degraded" | "down";
  database: DatabaseHealth;
  queue: QueueHealth;
}

export interface CheckHealthOptions {
  databaseUrl: string | undefined;
  /** Upper bound for the whole check; a database that does not answer in time is down. */
  timeoutMs?: number;
  log?: Logger;
}

/** pg-boss's schema, as lib/jobs/queue.ts creates it. */
const BOSS_SCHEMA = "pgboss";

type HealthState = {
  pools: Map<string, pg.Pool>;
  inflight: Map<string, Promise<HealthReport>>;
};
const globalForHealth = globalThis as unknown as { paperboyHealth?: HealthState };
const state = (globalForHealth.paperboyHealth ??= { pools: new Map(), inflight: new Map() });

/**
 * Checks that Postgres answers and reads the job queue's state, within `timeoutMs` whatever
 * the database does (refuses, hangs, answers slowly). Concurrent checks share one probe and
 * one small pool of their own, so hammering /api/health costs the database one connection,
 * and an exhausted app pool cannot make the check hang.
 */
export function checkHealth({ databaseUrl, timeoutMs = 2000, log = rootLogger }: CheckHealthOptions): Promise<HealthReport> {
  if (!databaseUrl) {
    return Promise.resolve(down({ ok: false, latencyMs: 0, error: "not_configured" }));
  }
  const running = state.inflight.get(databaseUrl);
  if (running) return running;
  const check = withDeadline(probe(databaseUrl, timeoutMs, log), timeoutMs, log).finally(() => state.inflight.delete(databaseUrl));
  state.inflight.set(databaseUrl, check);
  return check;
}

/** Closes the health pools (tests, shutdown). */
export async function closeHealthPools() {
  const pools = [...state.pools.values()];
  state.pools.clear();
  await Promise.all(pools.map((p) => p.end().catch(() => {})));
}

async function probe(url: string, timeoutMs: number, log: Logger): Promise<HealthReport> {
  const started = performance.now();
  let client: pg.PoolClient | undefined;
  let failed: unknown;
  try {
    client = await poolFor(url, timeoutMs).connect();
    await client.query("SELECT 1");
    const database = { ok: true, latencyMs: elapsed(started) };
    const queue = await queueHealth(client).catch((err: unknown) => {
      log.warn({ reason: reasonOf(err) }, "health: cannot read the job queue's state");
      return { ok: false, error: "error" };
    });
    return { status: queue.ok ? "ok" : "degraded", database, queue };
  } catch (err) {
    failed = err;
    log.error({ reason: reasonOf(err) }, "health: the database does not answer");
    return down({ ok: false, latencyMs: elapsed(started), error: errorCode(err) });
  } finally {
    // A client that failed is dropped, not reused.
    client?.release(failed instanceof Error ? failed : failed !== undefined);
  }
}

async function queueHealth(client: pg.PoolClient): Promise<QueueHealth> {
  const { rows } = await client.query<{ installed: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS installed`,
    [`${BOSS_SCHEMA}.job`, `${BOSS_SCHEMA}.version`],
  );
  if (!rows[0]?.installed) return { ok: false, error: "not_installed" };
  const {
    rows: [row],
  } = await client.query<{
    version: number | null;
    maintained_on: Date | null;
    cron_on: Date | null;
    queued: string;
    active: string;
    failed: string;
  }>(
    `SELECT v.version, v.maintained_on, v.cron_on, j.queued, j.active, j.failed
       FROM (SELECT count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued,
                    count(*) FILTER (WHERE state = 'active') AS active,
                    count(*) FILTER (WHERE state = 'failed') AS failed
               FROM ${BOSS_SCHEMA}.job WHERE state IN ('created', 'retry', 'active', 'failed')) j
       LEFT JOIN LATERAL (SELECT version, maintained_on, cron_on FROM ${BOSS_SCHEMA}.version ORDER BY version DESC LIMIT 1) v ON true`,
  );
  return {
    ok: true,
    version: row.version ?? undefined,
    queued: Number(row.queued),
    active: Number(row.active),
    failed: Number(row.failed),
    maintainedAt: row.maintained_on?.toISOString() ?? null,
    cronAt: row.cron_on?.toISOString() ?? null,
  };
}

function poolFor(url: string, timeoutMs: number): pg.Pool {
  let pool = state.pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: 1,
      application_name: "paperboy-health",
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      idleTimeoutMillis: 60_000,
      allowExitOnIdle: true,
    });
    // An idle connection dropped by the server (a restart) must not crash the process.
    pool.on("error", (err: Error) => rootLogger.debug({ err }, "health: idle connection closed"));
    state.pools.set(url, pool);
  }
  return pool;
}

async function withDeadline(check: Promise<HealthReport>, timeoutMs: number, log: Logger): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HealthReport>((resolve) => {
    timer = setTimeout(() => {
      log.error({ timeoutMs }, "health: no answer from the database in time");
      resolve(down({ ok: false, latencyMs: timeoutMs, error: "timeout" }));
    }, timeoutMs + 50);
  });
  try {
    return await Promise.race([check, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function down(database: DatabaseHealth): HealthReport {
  return { status: "down", database, queue: { ok: false, error: "database_unavailable" } };
}

function errorCode(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code && ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EAI_AGAIN", "57P03"].includes(e.code)) {
    return "unreachable";
  }
  if (/timeout|timed out/i.test(e?.message ?? "")) return "timeout";
  return "error";
}

/** What went wrong, without a stack: an outage would otherwise log one per health check. */
function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e?.code, e?.message ?? String(err)].filter(Boolean).join(": ");
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
