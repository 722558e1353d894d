import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverNotifications, sweepUnnotified } from "@/lib/comments/notify";
import { runDueDigests } from "@/lib/digest/schedule";
import { deliverSubscriptionMail } from "@/lib/digest/subscription-mail";
import { claimDueFeeds, pollFeed } from "@/lib/jobs/poll-feeds";
import { enqueueFeedPoll, queues } from "@/lib/jobs/queue";
import { logger } from "@/lib/logger";
import { drainStale, papersWithoutTerms, recomputeAfterArrival } from "@/lib/recs/compute";

/**
 * Registers the job handlers on a pg-boss instance and the once-a-minute schedule that
 * finds due feeds. Safe to run in every app instance: the schedule fires once across
 * them, due feeds are claimed with SKIP LOCKED, and each poll job runs in one worker.
 */
export async function startWorker(boss: PgBoss, prisma: PrismaClient) {
  await boss.work<{ sourceId: number }>(queues.pollFeed, { batchSize: 1 }, async ([job]) => {
    await pollFeed(prisma, job.data.sourceId);
  });
  await boss.work(queues.pollDue, async () => {
    await enqueueDueFeeds(boss, prisma);
  });
  await boss.schedule(queues.pollDue, "* * * * *", {}, { singletonKey: "poll-due" });
  await boss.work<{ subscriptionId: number }>(queues.subscriptionMail, { batchSize: 1 }, async ([job]) => {
    await deliverSubscriptionMail(prisma, job.data.subscriptionId);
  });
  // Digests: daily at 01:00 UTC for the day before, weekly on Mondays at 01:00 UTC for the week
  // before; the every-minute tick finds what is due (and retries), so a run missed while the
  // server was down happens at the next tick.
  await boss.work(queues.digestTick, async () => {
    await runDueDigests({ prisma });
  });
  await boss.schedule(queues.digestTick, "* * * * *", {}, { singletonKey: "digest-tick" });
  await boss.work<{ commentId: number }>(queues.commentNotify, { batchSize: 1 }, async ([job]) => {
    await deliverNotifications(prisma, job.data.commentId);
  });
  await boss.work(queues.commentSweep, async () => {
    await sweepUnnotified(prisma, boss);
  });
  await boss.schedule(queues.commentSweep, "* * * * *", {}, { singletonKey: "comment-sweep" });
  // Recommendations: a signal or an ingest enqueues a job; the minute tick catches what a job missed.
  await boss.work(queues.recsRefresh, { pollingIntervalSeconds: 1 }, async () => {
    await drainStale(prisma);
  });
  await boss.work(queues.recsArrival, async () => {
    await recomputeAfterArrival(prisma);
  });
  await boss.work(queues.recsTick, async () => {
    if (await papersWithoutTerms(prisma)) await recomputeAfterArrival(prisma);
    await drainStale(prisma);
  });
  await boss.schedule(queues.recsTick, "* * * * *", {}, { singletonKey: "recs-tick" });
  logger.info("job worker started");
}

export async function enqueueDueFeeds(boss: PgBoss, prisma: PrismaClient): Promise<number[]> {
  const due = await claimDueFeeds(prisma);
  for (const id of due) await enqueueFeedPoll(boss, id);
  return due;
}
