import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Data for the admin pages (built later): what did not go out, who is paused, and the two
 * actions an admin needs. Plain objects, never Prisma rows.
 */
export interface DigestProblem {
  sendId: number;
  subscriptionId: number;
  email: string;
  frequency: "daily" | "weekly";
  period: string;
  /**
   * `failed`: waiting for its next try; `gave_up`: out of tries or refused for good; `unknown`:
   * sent with no answer (a dropped connection, a crash mid-send), maybe delivered.
   */
  status: "failed" | "gave_up" | "unknown";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  messageId: string | null;
  createdAt: Date;
}

/** Digests not delivered (yet), newest first. */
export async function listDigestProblems(
  prisma: PrismaClient,
  o: { status?: DigestProblem["status"]; limit?: number } = {},
): Promise<DigestProblem[]> {
  const rows = await prisma.digestSend.findMany({
    where: { status: o.status ? o.status : { in: ["failed", "gave_up", "unknown"] } },
    orderBy: { id: "desc" },
    take: Math.min(o.limit ?? 100, 1000),
    select: {
      id: true,
      subscriptionId: true,
      frequency: true,
      period: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      messageId: true,
      createdAt: true,
      subscription: { select: { email: true } },
    },
  });
  return rows.map((r) => ({
    sendId: r.id,
    subscriptionId: r.subscriptionId,
    email: r.subscription.email,
    frequency: r.frequency,
    period: r.period,
    status: r.status as DigestProblem["status"],
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt,
    messageId: r.messageId,
    createdAt: r.createdAt,
  }));
}

export interface PausedSubscription {
  id: number;
  email: string;
  pausedReason: string | null;
  updatedAt: Date;
}

/** Subscriptions paused by a hard bounce or a complaint; they get nothing until confirmed again. */
export async function listPausedSubscriptions(prisma: PrismaClient, limit = 100): Promise<PausedSubscription[]> {
  return prisma.subscription.findMany({
    where: { status: "paused" },
    orderBy: { updatedAt: "desc" },
    take: Math.min(limit, 1000),
    select: { id: true, email: true, pausedReason: true, updatedAt: true },
  });
}

/** Runs of the digest, newest first, with their counts (and the error of a run that failed). */
export async function listDigestRuns(prisma: PrismaClient, limit = 50) {
  return prisma.digestRun.findMany({
    orderBy: { id: "desc" },
    take: Math.min(limit, 500),
    select: {
      id: true,
      frequency: true,
      period: true,
      startedAt: true,
      finishedAt: true,
      sentCount: true,
      skippedCount: true,
      failedCount: true,
      error: true,
    },
  });
}

/**
 * An admin's decision to send a given-up or unknown digest again (e.g. one whose connection
 * dropped before the server answered, that the recipient says never arrived): it goes back to
 * the retry queue with a full set of tries. Only for an active subscription. Returns false when
 * there is nothing to resend (a second click finds it queued already).
 */
export async function resendDigest(prisma: PrismaClient, sendId: number, now = new Date()): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE digest_sends d SET status = 'failed', attempts = 0, next_attempt_at = ${now}::timestamptz,
           last_error = coalesce(d.last_error, '') || ' [resend requested by an admin]'
      FROM subscriptions s
     WHERE d.id = ${sendId} AND d.status IN ('gave_up', 'unknown') AND s.id = d.subscription_id AND s.status = 'active'`;
  return n > 0;
}

/**
 * Pauses an address: for complaints (a feedback-loop report, an abuse desk's email) and bounces
 * that arrive later as a DSN rather than as an SMTP refusal. Returns false for unknown addresses.
 */
export async function pauseSubscription(prisma: PrismaClient, email: string, reason: string): Promise<boolean> {
  const { count } = await prisma.subscription.updateMany({
    where: { email: email.trim().toLowerCase(), status: { in: ["active", "pending"] } },
    data: { status: "paused", pausedReason: reason.slice(0, 1000) },
  });
  return count > 0;
}
