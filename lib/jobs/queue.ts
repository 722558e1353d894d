import PgBoss from "pg-boss";
import { logger } from "@/lib/logger";

/** Queue names. Handlers live in lib/jobs/worker.ts. */
export const queues = {
  /** Cron, every minute: claims the feeds that are due and enqueues one poll each. */
  pollDue: "feeds.poll-due",
  /** One feed poll: `{ sourceId }`, at most one queued and one running per feed. */
  pollFeed: "feeds.poll",
  /** Cron, every minute: due digest runs, retries, sends orphaned by a crash (lib/digest/schedule.ts). */
  digestTick: "digests.tick",
  /** One sign-up's email: `{ subscriptionId }`, a confirmation link or an "already subscribed" notice. */
  subscriptionMail: "subscriptions.mail",
  /** One new comment's emails: `{ commentId }` (lib/comments/notify.ts), once per comment and person. */
  commentNotify: "comments.notify",
  /** Cron, every minute: comments whose emails were never queued (the queue was down when they were posted). */
  commentSweep: "comments.sweep",
  /** Recomputes the people and lists marked stale (lib/recs); one queued and one running. */
  recsRefresh: "recs.refresh",
  /** After papers arrive: their term vectors, then every active person scores them. */
  recsArrival: "recs.arrival",
  /** Cron, every minute: a backstop for both (stale marks, papers without term vectors). */
  recsTick: "recs.tick",
} as const;

const globalForBoss = globalThis as unknown as { paperboyBoss?: Promise<PgBoss> };

/**
 * The pg-boss instance of this process (jobs live in Postgres, schema `pgboss`), so any
 * number of app instances share one queue: a cron schedule fires once across them and
 * a job is locked by exactly one worker.
 */
export function getBoss(connectionString = process.env.DATABASE_URL): Promise<PgBoss> {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  globalForBoss.paperboyBoss ??= createBoss(connectionString);
  return globalForBoss.paperboyBoss;
}

export async function createBoss(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 4, application_name: "paperboy-jobs" });
  boss.on("error", (err) => logger.error({ err: err.message }, "job queue error"));
  await boss.start();
  await boss.createQueue(queues.pollDue, { name: queues.pollDue, policy: "singleton" });
  await boss.createQueue(queues.pollFeed, { name: queues.pollFeed, policy: "stately", retryLimit: 2, retryDelay: 60, retryBackoff: true });
  // A digest run of many thousand subscribers may take minutes: a long expiry, and one at a time.
  await boss.createQueue(queues.digestTick, { name: queues.digestTick, policy: "stately", expireInSeconds: 3600 });
  await boss.createQueue(queues.subscriptionMail, { name: queues.subscriptionMail, retryLimit: 3, retryDelay: 30, retryBackoff: true });
  await boss.createQueue(queues.commentNotify, { name: queues.commentNotify, retryLimit: 3, retryDelay: 30, retryBackoff: true });
  await boss.createQueue(queues.commentSweep, { name: queues.commentSweep, policy: "singleton" });
  await boss.createQueue(queues.recsRefresh, { name: queues.recsRefresh, policy: "stately", retryLimit: 2, retryDelay: 5 });
  await boss.createQueue(queues.recsArrival, { name: queues.recsArrival, policy: "stately", expireInSeconds: 3600, retryLimit: 2 });
  await boss.createQueue(queues.recsTick, { name: queues.recsTick, policy: "singleton" });
  return boss;
}

export async function stopBoss() {
  const boss = await globalForBoss.paperboyBoss?.catch(() => undefined);
  globalForBoss.paperboyBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
}

/** Asks for one feed to be polled now (deduplicated per feed across instances). */
export async function enqueueFeedPoll(boss: PgBoss, sourceId: number): Promise<string | null> {
  return boss.send(queues.pollFeed, { sourceId }, { singletonKey: `feed-${sourceId}` });
}

/** Asks for a sign-up's email (confirmation or notice) to be sent by a worker. */
export async function enqueueSubscriptionMail(boss: PgBoss, subscriptionId: number): Promise<string | null> {
  return boss.send(queues.subscriptionMail, { subscriptionId });
}

/**
 * Asks this process's worker to recompute recommendations, if the job queue runs here (the app
 * server); elsewhere (CLI, tests) the stale mark waits for a worker's minute tick. Never throws:
 * the signal is already recorded.
 */
export async function enqueueRecsRefresh(queue: string = queues.recsRefresh): Promise<void> {
  const boss = globalForBoss.paperboyBoss;
  if (!boss) return;
  await boss
    .then((b) => b.send(queue, {}))
    .catch((err: unknown) => logger.warn({ err: (err as Error).message, queue }, "recommendations not queued"));
}
