import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadPapersByIds } from "@/lib/digest/candidates";
import { digestRules } from "@/lib/digest/config";
import { deliverClaimed, deliveryContext, newMessageId } from "@/lib/digest/deliver";
import { hasFilters } from "@/lib/digest/filters";
import { parsePeriod, type Frequency } from "@/lib/digest/periods";
import type { DigestMailer } from "@/lib/email/smtp-pool";
import { logger as rootLogger, type Logger } from "@/lib/logger";

export interface RetryOptions {
  prisma: PrismaClient;
  mailer: DigestMailer;
  now?: () => Date;
  log?: Logger;
  /** At most this many retries in one call. */
  max?: number;
}

export interface RetrySummary {
  sent: number;
  failed: number;
  gaveUp: number;
  /** Sent with no answer from the server: left for the admin (see deliver.ts). */
  unknown: number;
}

interface ClaimedRetry {
  id: number;
  subscription_id: number;
  frequency: Frequency;
  period: string;
  paper_ids: number[];
  attempts: number;
  email: string;
  status: string;
  keywords: string[];
  authors: string[];
  organizations: string[];
  categories: string[];
}

/**
 * Sends the failed digests whose next try is due, one claim at a time (SKIP LOCKED, so
 * instances share them without overlap). A retry sends the papers chosen the first time. A
 * subscription that stopped meanwhile (unsubscribed, paused) has its digest given up instead.
 */
export async function retryDueSends(opts: RetryOptions): Promise<RetrySummary> {
  const log = (opts.log ?? rootLogger).child({ component: "digest-retry" });
  const ctx = deliveryContext({ prisma: opts.prisma, mailer: opts.mailer, log, now: opts.now });
  const summary: RetrySummary = { sent: 0, failed: 0, gaveUp: 0, unknown: 0 };
  const max = opts.max ?? 10_000;
  for (let i = 0; i < max; i++) {
    const now = opts.now?.() ?? new Date();
    const messageId = newMessageId(ctx);
    const lease = new Date(now.getTime() + digestRules.leaseSeconds * 1000);
    const [claimed] = await opts.prisma.$queryRaw<ClaimedRetry[]>`
      WITH due AS (
        SELECT id FROM digest_sends WHERE status = 'failed' AND next_attempt_at <= ${now}::timestamptz
         ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      UPDATE digest_sends d SET status = 'sending', attempts = d.attempts + 1, message_id = ${messageId}, next_attempt_at = ${lease}::timestamptz
        FROM due, subscriptions s
       WHERE d.id = due.id AND s.id = d.subscription_id
      RETURNING d.id, d.subscription_id, d.frequency::text AS frequency, d.period, d.paper_ids, d.attempts,
                s.email, s.status::text AS status, s.keywords, s.authors, s.organizations, s.categories`;
    if (!claimed) break;
    const period = parsePeriod(claimed.frequency, claimed.period);
    const papers = await loadPapersByIds(opts.prisma, claimed.paper_ids);
    if (claimed.status !== "active" || !period || !papers.length) {
      const why =
        claimed.status !== "active" ? `The subscription is ${claimed.status} now: not retried.` : "Its papers are gone: not retried.";
      await opts.prisma
        .$executeRaw`UPDATE digest_sends SET status = 'gave_up', last_error = ${why}, next_attempt_at = NULL WHERE id = ${claimed.id}`;
      summary.gaveUp++;
      continue;
    }
    const filtered = hasFilters({
      keywords: claimed.keywords,
      authors: claimed.authors,
      organizations: claimed.organizations,
      categories: claimed.categories,
    });
    const outcome = await deliverClaimed(ctx, claimed.id, claimed.attempts, messageId, {
      subscriptionId: claimed.subscription_id,
      email: claimed.email,
      period,
      papers,
      filtered,
    });
    if (outcome === "sent") summary.sent++;
    else if (outcome === "failed") summary.failed++;
    else if (outcome === "unknown") summary.unknown++;
    else summary.gaveUp++;
  }
  if (summary.sent + summary.failed + summary.gaveUp + summary.unknown) log.info({ ...summary }, "digest retries done");
  return summary;
}

/**
 * Settles the sends left `sending` past their lease as `unknown`: their worker died during the
 * SMTP transaction, so whether the message went out is unknown. They are not sent again (that
 * could deliver a digest twice); the note tells the admin, who can resend (lib/digest/admin.ts).
 */
export async function resolveStaleSends(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const note =
    "The worker stopped during this send (a crash or a kill), so it is unknown whether the SMTP server took the message. Not sent again, to never deliver a digest twice.";
  const n = await prisma.$executeRaw`
    UPDATE digest_sends SET status = 'unknown', last_error = ${note}, next_attempt_at = NULL
     WHERE status = 'sending' AND next_attempt_at < ${now}::timestamptz`;
  if (n) rootLogger.warn({ count: n }, "digest sends interrupted by a crash were settled as unknown (not sent again)");
  return n;
}
