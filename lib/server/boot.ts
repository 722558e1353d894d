import path from "node:path";
import { db } from "@/lib/db";
import { dataDir, env, feedUrls } from "@/lib/env";
import { failInterruptedRuns } from "@/lib/ingest/run-lock";
import { syncConfiguredFeeds } from "@/lib/jobs/poll-feeds";
import { getBoss, stopBoss } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import { resolveDatabase } from "@/lib/server/database";
import { startMailCatcher } from "@/lib/server/mail-catcher";
import { applyMigrations } from "@/lib/server/migrate";
import { loadSampleFeeds } from "@/lib/server/sample-feeds";
import { settleSecrets } from "@/lib/server/secrets";

const log = logger.child({ component: "boot" });

/**
 * Everything a server process needs before it answers: its secrets (refused when missing
 * in production with DATABASE_URL), the database (DATABASE_URL, or an embedded Postgres),
 * migrations, mail (SMTP_URL, or an embedded mail catcher), sample papers on a fresh
 * embedded install, and the job worker.
 */
export async function boot() {
  const started = Date.now();
  const config = env();
  for (const { name, file } of settleSecrets({ embedded: !config.DATABASE_URL })) {
    log.info({ file }, `${name} is not set: using the one generated in ${file}`);
  }
  const database = await resolveDatabase();
  const applied = await applyMigrations(database.url);
  if (applied.length) log.info({ applied }, "applied migrations");

  const stops: (() => Promise<void>)[] = [];
  if (!config.SMTP_URL) {
    const catcher = await startMailCatcher({
      smtpPort: config.MAILDEV_SMTP_PORT,
      webPort: config.MAILDEV_WEB_PORT,
      dir: path.join(dataDir(), "mail"),
    });
    process.env.SMTP_URL = catcher.smtpUrl;
    stops.push(catcher.stop);
  }

  const prisma = db();
  await failInterruptedRuns(prisma);
  await syncConfiguredFeeds(prisma, feedUrls(), config.FEED_POLL_MINUTES);
  const seed = config.SEED_SAMPLE_FEEDS ? config.SEED_SAMPLE_FEEDS === "true" : database.embedded;
  if (seed) await loadSampleFeeds(prisma);

  if (config.WORKER_ENABLED === "true") {
    await startWorker(await getBoss(database.url), prisma);
    stops.unshift(stopBoss);
  }
  stops.push(database.stop);

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    for (const stop of stops) await stop().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  log.info({ ms: Date.now() - started, embeddedDatabase: database.embedded }, "Paperboy is ready");
}

const globalForBoot = globalThis as unknown as { paperboyBoot?: Promise<void> };

/** Boots once per process, whatever calls it (instrumentation, scripts). */
export function bootOnce(): Promise<void> {
  globalForBoot.paperboyBoot ??= boot();
  return globalForBoot.paperboyBoot;
}

/** A server without its database would only answer errors: a failed boot ends the process. */
export async function bootOrExit() {
  try {
    await bootOnce();
  } catch (err) {
    const message = `Paperboy could not start: ${err instanceof Error ? err.message : String(err)}`;
    if (log.isLevelEnabled("fatal")) log.fatal({ err: err instanceof Error ? err.stack : String(err) }, message);
    else console.error(message);
    process.exit(1);
  }
}
