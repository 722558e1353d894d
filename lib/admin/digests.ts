import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listDigestProblems, listDigestRuns, listPausedSubscriptions, pauseSubscription, resendDigest } from "@/lib/digest/admin";
import { recordAudit, type Actor } from "@/lib/admin/audit";

/** The digest engine's own functions take a client; inside a transaction they get the transaction's. */
const asClient = (tx: unknown) => tx as PrismaClient;

/** What the digests admin page shows: last runs, what did not go out, paused addresses. */
export async function getDigestOverview() {
  const prisma = db();
  const [runs, problems, paused] = await Promise.all([
    listDigestRuns(prisma, 20),
    listDigestProblems(prisma, { limit: 100 }),
    listPausedSubscriptions(prisma, 100),
  ]);
  return { runs, problems, paused };
}

export interface AddressSends {
  subscription: { id: number; email: string; status: string; frequency: string; pausedReason: string | null; confirmedAt: Date | null };
  sends: {
    id: number;
    frequency: string;
    period: string;
    status: string;
    attempts: number;
    lastError: string | null;
    sentAt: Date | null;
    createdAt: Date;
  }[];
}

/** One address's subscription and its latest digests (per-address view). */
export async function getAddressSends(email: string, limit = 50): Promise<AddressSends | null> {
  const subscription = await db().subscription.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, status: true, frequency: true, pausedReason: true, confirmedAt: true },
  });
  if (!subscription) return null;
  const sends = await db().digestSend.findMany({
    where: { subscriptionId: subscription.id },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, frequency: true, period: true, status: true, attempts: true, lastError: true, sentAt: true, createdAt: true },
  });
  return { subscription, sends };
}

/** Puts a given-up digest, or one whose outcome is unknown, back in the retry queue (lib/digest/admin.ts `resendDigest`), audited with it. */
export async function retryDigestSend(actor: Actor, sendId: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const send = await tx.digestSend.findUnique({
      where: { id: sendId },
      select: { id: true, period: true, frequency: true, subscription: { select: { email: true } } },
    });
    if (!send) throw new AppError("not_found", "No such digest send");
    const done = await resendDigest(asClient(tx), sendId);
    if (!done)
      throw new AppError(
        "conflict",
        "Nothing to resend: only a digest given up or of unknown outcome, to an active address, goes back in the queue",
      );
    await recordAudit(tx, actor, {
      action: "digest.retry",
      target: `digest-send:${send.id}`,
      details: { email: send.subscription.email, frequency: send.frequency, period: send.period },
    });
  });
}

/** Pauses an address (a complaint, a late bounce): it gets nothing until it confirms again. */
export async function pauseAddress(actor: Actor, o: { email: string; reason: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const done = await pauseSubscription(asClient(tx), o.email, o.reason);
    if (!done) throw new AppError("not_found", "No active or pending subscription with this address");
    await recordAudit(tx, actor, {
      action: "digest.pause",
      target: `subscription:${o.email.trim().toLowerCase()}`,
      details: { reason: o.reason },
    });
  });
}
