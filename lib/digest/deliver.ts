import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { digestRules, retryDelayMs, siteUrl } from "@/lib/digest/config";
import type { DigestPaper } from "@/lib/digest/filters";
import { periodLabel, periodPath, type Period } from "@/lib/digest/periods";
import { classifySmtpError, type DigestMailer } from "@/lib/email/smtp-pool";
import { authSecret, unsubscribeToken } from "@/lib/digest/tokens";
import { env } from "@/lib/env";
import { personalizeDigest, renderDigestTemplate, type RenderedEmail } from "@/lib/email/render";
import type { Logger } from "@/lib/logger";

/**
 * Sending one digest, exactly once. The protocol, per subscription and period:
 *
 * 1. Before the SMTP transaction a `digest_sends` row is written (`sending`, the papers, our
 *    Message-ID, a lease in `next_attempt_at`). Its unique key (subscription, frequency, period)
 *    means a second run, another instance or a retry can never start the same digest again.
 * 2. After the server's answer, the same row becomes `sent` (and the papers are recorded in
 *    `digest_sent_papers` in the same statement), `failed` (retried from `next_attempt_at`) or
 *    `gave_up` (out of tries, or refused for good; a hard bounce also pauses the subscription), or
 *    `unknown` (the connection dropped after the message's data and before the server's reply:
 *    it may have been delivered, so it is never retried by itself; the admin can resend it).
 *    In a run, `sent` is written together with the worker's next claim (one round trip per
 *    email), so each worker has at most one row in `sending` at any time.
 *
 * A worker killed between 1 and 2 leaves a `sending` row whose outcome nobody knows: the server
 * may have taken the message just before the crash. Once its lease is over, `resolveStaleSends`
 * settles it as `unknown` with a note saying so, instead of sending it again: a digest is never
 * sent twice, and never dropped silently (the admin sees it, and can resend it).
 */
export interface DeliveryContext {
  prisma: PrismaClient;
  mailer: DigestMailer;
  log: Logger;
  now?: () => Date;
  /** Public origin for links (`siteUrl()`, read once per run rather than once per email). */
  site: string;
  /** Domain of our Message-IDs: the sender's. */
  messageDomain: string;
  /** Key of the unsubscribe tokens. */
  secret: string;
  /** Rendered digests by paper list, shared across subscriptions (a run renders each list once). */
  renderCache?: Map<string, Promise<RenderedEmail>>;
}

/** A context for a run or a batch of retries. */
export function deliveryContext(o: Pick<DeliveryContext, "prisma" | "mailer" | "log" | "now">): DeliveryContext {
  const domain = /@([^>\s]+)>?\s*$/.exec(env().EMAIL_FROM)?.[1] ?? "paperboy.localhost";
  return { ...o, site: siteUrl(), messageDomain: domain, secret: authSecret(), renderCache: new Map() };
}

export interface DigestJob {
  subscriptionId: number;
  email: string;
  period: Period;
  papers: DigestPaper[];
  /** The subscription has filters (the email says so). */
  filtered: boolean;
  /** Ordered by the owner's recommendations ("For you"), not trending: the email says so. */
  forYou?: boolean;
}

export type DeliveryOutcome = "sent" | "failed" | "gave_up" | "bounced" | "unknown";

const MAX_CACHED_RENDERS = 500;

/**
 * Claims a first send of this digest; null when it was already started (sent, failed, or in
 * flight) or the subscription stopped. `settleSent` is the worker's previous digest, delivered
 * and not yet recorded: it is recorded as sent in the same statement, so a run makes one round
 * trip to Postgres per email rather than two.
 */
export async function claimFirstSend(
  ctx: DeliveryContext,
  job: DigestJob,
  runId: number | null,
  messageId: string,
  settleSent: number | null = null,
): Promise<number | null> {
  const now = ctx.now?.() ?? new Date();
  const lease = new Date(now.getTime() + digestRules.leaseSeconds * 1000);
  const rows = await ctx.prisma.$queryRaw<{ id: number }[]>`
    WITH done AS (
      UPDATE digest_sends SET status = 'sent', sent_at = ${now}::timestamptz, last_error = NULL, next_attempt_at = NULL
       WHERE id = ${settleSent}::int RETURNING subscription_id, paper_ids),
    remembered AS (
      INSERT INTO digest_sent_papers (subscription_id, paper_id, sent_at)
      SELECT done.subscription_id, unnest(done.paper_ids), ${now}::timestamptz FROM done
      ON CONFLICT DO NOTHING)
    INSERT INTO digest_sends (subscription_id, run_id, frequency, period, status, attempts, paper_ids, message_id, next_attempt_at, created_at)
    SELECT s.id, ${runId}::int, ${job.period.frequency}::digest_frequency, ${job.period.key}, 'sending', 1,
           ${job.papers.map((p) => p.id)}::int[], ${messageId}, ${lease}::timestamptz, ${now}::timestamptz
      FROM subscriptions s WHERE s.id = ${job.subscriptionId} AND s.status = 'active'
    ON CONFLICT (subscription_id, frequency, period) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/** A Message-ID of our own, on the sender's domain. */
export function newMessageId(ctx: DeliveryContext): string {
  return `<digest.${randomUUID()}@${ctx.messageDomain}>`;
}

/**
 * Sends a claimed digest (`attempt` is the try number recorded in the row) and records the
 * outcome; with `deferSent`, a success is left for the caller to record (`recordSent`, or the
 * next `claimFirstSend`).
 */
export async function deliverClaimed(
  ctx: DeliveryContext,
  sendId: number,
  attempt: number,
  messageId: string,
  job: DigestJob,
  o: { deferSent?: boolean } = {},
): Promise<DeliveryOutcome> {
  const site = ctx.site;
  const template = await digestTemplate(ctx, job, site);
  const token = unsubscribeToken(job.subscriptionId, ctx.secret);
  const message = personalizeDigest(template, `${site}/unsubscribe/${token}`);
  const oneClick = `${site}/api/unsubscribe/${token}`;
  try {
    await ctx.mailer.send({
      to: job.email,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId,
      headers: {
        "List-Unsubscribe": `<${oneClick}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": `Paperboy ${job.period.frequency} digest <${job.period.frequency}.digest.${new URL(site).hostname}>`,
        "X-Paperboy-Digest": `${job.period.frequency}/${job.period.key}`,
        "Auto-Submitted": "auto-generated",
      },
    });
  } catch (err) {
    return recordFailure(ctx, sendId, attempt, job, err);
  }
  if (!o.deferSent) await recordSent(ctx, sendId);
  return "sent";
}

async function digestTemplate(ctx: DeliveryContext, job: DigestJob, site: string): Promise<RenderedEmail> {
  const key = `${job.period.frequency}|${job.period.key}|${job.filtered ? 1 : 0}|${job.forYou ? 1 : 0}|${job.papers.map((p) => p.id).join(",")}`;
  const cache = ctx.renderCache;
  const cached = cache?.get(key);
  if (cached) return cached;
  const rendered = renderDigestTemplate({
    siteUrl: site,
    frequency: job.period.frequency,
    periodLabel: periodLabel(job.period),
    periodUrl: `${site}${periodPath(job.period)}`,
    papers: job.papers,
    settingsUrl: `${site}/settings/email`,
    filtered: job.filtered,
    forYou: job.forYou ?? false,
  });
  if (cache) {
    if (cache.size >= MAX_CACHED_RENDERS) cache.clear();
    cache.set(key, rendered);
    rendered.catch(() => cache.delete(key));
  }
  return rendered;
}

/** `sent`, and the papers remembered for the subscription, in one statement. */
export async function recordSent(ctx: DeliveryContext, sendId: number) {
  const now = ctx.now?.() ?? new Date();
  // Whatever the row says now (a resolver may have given it up meanwhile), it was sent.
  await ctx.prisma.$executeRaw`
    WITH done AS (
      UPDATE digest_sends SET status = 'sent', sent_at = ${now}::timestamptz, last_error = NULL, next_attempt_at = NULL
       WHERE id = ${sendId} RETURNING subscription_id, paper_ids)
    INSERT INTO digest_sent_papers (subscription_id, paper_id, sent_at)
    SELECT done.subscription_id, unnest(done.paper_ids), ${now}::timestamptz FROM done
    ON CONFLICT DO NOTHING`;
}

async function recordFailure(
  ctx: DeliveryContext,
  sendId: number,
  attempt: number,
  job: DigestJob,
  err: unknown,
): Promise<DeliveryOutcome> {
  const now = ctx.now?.() ?? new Date();
  const failure = classifySmtpError(err);
  if (failure.kind === "unknown") return recordUnknown(ctx, sendId, attempt, job, failure.message);
  const giveUp = failure.kind !== "temporary" || attempt >= digestRules.maxAttempts;
  const next = giveUp ? null : new Date(now.getTime() + retryDelayMs(attempt));
  const note = failure.kind === "temporary" && giveUp ? `Gave up after ${attempt} tries. Last error: ${failure.message}` : failure.message;
  await ctx.prisma.$executeRaw`
    UPDATE digest_sends SET status = ${giveUp ? "gave_up" : "failed"}::digest_send_status, last_error = ${note},
           next_attempt_at = ${next}::timestamptz
     WHERE id = ${sendId}`;
  if (failure.kind === "bounce") {
    await ctx.prisma.$executeRaw`
      UPDATE subscriptions SET status = 'paused', paused_reason = ${`Hard bounce on ${now.toISOString().slice(0, 10)}: ${failure.message}`.slice(0, 1000)},
             updated_at = ${now}::timestamptz
       WHERE id = ${job.subscriptionId} AND status = 'active'`;
  }
  ctx.log.warn(
    { sendId, subscriptionId: job.subscriptionId, period: job.period.key, attempt, kind: failure.kind, err: failure.message },
    "digest not delivered",
  );
  if (failure.kind === "bounce") return "bounced";
  return giveUp ? "gave_up" : "failed";
}

/** The message went out and no answer came back: settled as unknown, for the admin to judge. */
async function recordUnknown(
  ctx: DeliveryContext,
  sendId: number,
  attempt: number,
  job: DigestJob,
  error: string,
): Promise<DeliveryOutcome> {
  const note = `The connection dropped after the message was sent and before the server answered, so it is unknown whether the SMTP server took it. Not sent again by itself, to never deliver a digest twice; resend it if the recipient did not get it. (${error})`;
  await ctx.prisma.$executeRaw`
    UPDATE digest_sends SET status = 'unknown', last_error = ${note.slice(0, 2000)}, next_attempt_at = NULL
     WHERE id = ${sendId}`;
  ctx.log.warn(
    { sendId, subscriptionId: job.subscriptionId, period: job.period.key, attempt, err: error },
    "digest outcome unknown: not retried",
  );
  return "unknown";
}
