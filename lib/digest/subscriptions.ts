import type { PrismaClient } from "@/lib/generated/prisma/client";
import { digestRules, type DigestLimit } from "@/lib/digest/config";
import type { DigestFilters } from "@/lib/digest/filters";
import type { Frequency } from "@/lib/digest/periods";
import type { SubscribeInput } from "@/lib/digest/schemas";
import { hashConfirmToken, isConfirmTokenShape, verifyUnsubscribeToken } from "@/lib/digest/tokens";

export interface SubscribeOptions extends SubscribeInput {
  now?: Date;
}

/**
 * A sign-up from the public form. Whatever the address's state, the caller answers the same
 * ("check your inbox"); what happens differs only by email:
 * - new, pending, unsubscribed or paused: the choices are kept and a confirmation link is mailed;
 * - already active: nothing changes (a stranger must not change someone's digest) and a notice
 *   says so, with the unsubscribe link;
 * - in both cases at most one email per address per `resendIntervalMinutes`, and at most
 *   `confirmMailsPerDay` a day, so repeating the form, by a person or a script, cannot flood a
 *   mailbox. The day's count is kept in `rate_limits` (key `confirm-mail:<address>`).
 *
 * Returns the subscription to mail (through the job queue), or null when nothing is to be sent.
 */
export async function requestSubscription(prisma: PrismaClient, o: SubscribeOptions): Promise<{ mailSubscriptionId: number | null }> {
  const now = o.now ?? new Date();
  const cutoff = new Date(now.getTime() - digestRules.resendIntervalMinutes * 60_000);
  const day = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
  // One statement, so two sign-ups at once still send one email; a sign-up past the interval
  // counts against the address's day, and mails only while the day's count is within the cap.
  const rows = await prisma.$queryRaw<{ id: number; mails_today: number }[]>`
    WITH asked AS (
    INSERT INTO subscriptions (email, status, frequency, "limit", confirm_sent_at, created_at, updated_at)
    VALUES (${o.email}, 'pending', ${o.frequency}::digest_frequency, ${o.limit}, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz)
    ON CONFLICT (email) DO UPDATE SET
      confirm_sent_at = EXCLUDED.confirm_sent_at,
      frequency = CASE WHEN subscriptions.status = 'active' THEN subscriptions.frequency ELSE EXCLUDED.frequency END,
      "limit" = CASE WHEN subscriptions.status = 'active' THEN subscriptions."limit" ELSE EXCLUDED."limit" END,
      updated_at = EXCLUDED.updated_at
    WHERE subscriptions.confirm_sent_at IS NULL OR subscriptions.confirm_sent_at <= ${cutoff}::timestamptz
    RETURNING id),
    today AS (
      INSERT INTO rate_limits (key, window_start, count)
      SELECT ${`confirm-mail:${o.email}`}, ${day}::timestamptz, 1 FROM asked
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count)
    SELECT asked.id, today.count AS mails_today FROM asked, today`;
  const row = rows[0];
  return { mailSubscriptionId: row && row.mails_today <= digestRules.confirmMailsPerDay ? row.id : null };
}

export interface PendingConfirmation {
  email: string;
  frequency: Frequency;
  limit: number;
  /** Already confirmed with this link (the page says so instead of asking again). */
  active: boolean;
}

async function subscriptionForConfirmToken(prisma: PrismaClient, token: string, now: Date) {
  if (!isConfirmTokenShape(token)) return null;
  const sub = await prisma.subscription.findUnique({
    where: { confirmTokenHash: hashConfirmToken(token) },
    select: { id: true, email: true, status: true, frequency: true, limit: true, confirmSentAt: true },
  });
  if (!sub?.confirmSentAt) return null;
  if (now.getTime() - sub.confirmSentAt.getTime() > digestRules.confirmTtlDays * 86_400_000) return null;
  return sub;
}

/** What a confirmation link is for, to show before confirming; null when the link is unknown or expired. */
export async function findConfirmation(prisma: PrismaClient, token: string, now = new Date()): Promise<PendingConfirmation | null> {
  const sub = await subscriptionForConfirmToken(prisma, token, now);
  return sub ? { email: sub.email, frequency: sub.frequency, limit: sub.limit, active: sub.status === "active" } : null;
}

export interface ConfirmOptions {
  token: string;
  frequency: Frequency;
  limit: DigestLimit;
  now?: Date;
}

/**
 * Confirms a subscription from its emailed link, with the choices made on the confirmation page.
 * The token then stops working. Null when the link is unknown or expired.
 */
export async function confirmSubscription(prisma: PrismaClient, o: ConfirmOptions): Promise<{ email: string } | null> {
  const now = o.now ?? new Date();
  const sub = await subscriptionForConfirmToken(prisma, o.token, now);
  if (!sub) return null;
  const updated = await prisma.subscription.updateMany({
    where: { id: sub.id, confirmTokenHash: hashConfirmToken(o.token) },
    data: {
      status: "active",
      frequency: o.frequency,
      limit: o.limit,
      confirmedAt: now,
      confirmTokenHash: null,
      unsubscribedAt: null,
      pausedReason: null,
    },
  });
  return updated.count ? { email: sub.email } : null;
}

export interface UnsubscribeTarget {
  id: number;
  email: string;
  status: "pending" | "active" | "unsubscribed" | "paused";
  frequency: Frequency;
}

/** The subscription an unsubscribe link names, or null when the link is not ours (or the subscription is gone). */
export async function findByUnsubscribeToken(prisma: PrismaClient, token: string): Promise<UnsubscribeTarget | null> {
  const id = verifyUnsubscribeToken(token);
  if (id === null) return null;
  return prisma.subscription.findUnique({ where: { id }, select: { id: true, email: true, status: true, frequency: true } });
}

/**
 * Stops every email to the subscription an unsubscribe link names: the link in the digest and the
 * one-click POST (RFC 8058) both end here. Idempotent. Null when the link is not valid.
 */
export async function unsubscribeWithToken(
  prisma: PrismaClient,
  token: string,
  now = new Date(),
): Promise<{ email: string; wasSubscribed: boolean } | null> {
  const target = await findByUnsubscribeToken(prisma, token);
  if (!target) return null;
  const wasSubscribed = target.status !== "unsubscribed";
  if (wasSubscribed) await stopSubscription(prisma, target.id, now);
  return { email: target.email, wasSubscribed };
}

async function stopSubscription(prisma: PrismaClient, id: number, now: Date) {
  await prisma.subscription.update({ where: { id }, data: { status: "unsubscribed", unsubscribedAt: now, confirmTokenHash: null } });
}

// ---------------------------------------------------------------------------
// Signed-in people: their own subscription, by account or by address.

export interface EmailSettings {
  email: string;
  status: "pending" | "active" | "unsubscribed" | "paused";
  frequency: Frequency;
  limit: number;
  filters: DigestFilters;
  pausedReason: string | null;
}

export interface AccountRef {
  /** The signed-in user's id. */
  userId: string;
}

const settingsSelect = {
  id: true,
  email: true,
  status: true,
  frequency: true,
  limit: true,
  keywords: true,
  authors: true,
  organizations: true,
  categories: true,
  pausedReason: true,
  userId: true,
} as const;

async function accountEmail(prisma: PrismaClient, userId: string): Promise<{ email: string; verified: boolean } | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  return user?.email ? { email: user.email.toLowerCase(), verified: user.emailVerified !== null } : null;
}

/**
 * The signed-in person's subscription: the one linked to the account, else the one for the
 * account's address (linked to the account from then on: signing in proved the address).
 */
async function ownSubscription(prisma: PrismaClient, userId: string) {
  const linked = await prisma.subscription.findFirst({ where: { userId }, select: settingsSelect, orderBy: { id: "asc" } });
  if (linked) return linked;
  const account = await accountEmail(prisma, userId);
  if (!account?.verified) return null;
  const byEmail = await prisma.subscription.findUnique({ where: { email: account.email }, select: settingsSelect });
  if (!byEmail || byEmail.userId) return null;
  return prisma.subscription.update({ where: { id: byEmail.id }, data: { userId }, select: settingsSelect });
}

function toSettings(sub: NonNullable<Awaited<ReturnType<typeof ownSubscription>>>): EmailSettings {
  return {
    email: sub.email,
    status: sub.status,
    frequency: sub.frequency,
    limit: sub.limit,
    filters: { keywords: sub.keywords, authors: sub.authors, organizations: sub.organizations, categories: sub.categories },
    pausedReason: sub.pausedReason,
  };
}

/** The signed-in person's digest settings, or null when they have none yet. */
export async function getEmailSettings(prisma: PrismaClient, { userId }: AccountRef): Promise<EmailSettings | null> {
  const sub = await ownSubscription(prisma, userId);
  return sub ? toSettings(sub) : null;
}

export interface SaveSettingsOptions extends AccountRef {
  frequency: Frequency;
  limit: DigestLimit;
  filters: DigestFilters;
  /** Also (re)start the digest: subscribe, resume after a bounce or after unsubscribing. */
  subscribe: boolean;
  now?: Date;
}

export type SaveSettingsResult =
  { ok: true; settings: EmailSettings; mailSubscriptionId: number | null } | { ok: false; reason: "no_email" | "address_taken" };

/**
 * Saves the signed-in person's choices. Subscribing with an address the sign-in verified (an
 * email link) is active at once; any other address gets the double opt-in link first.
 */
export async function saveEmailSettings(prisma: PrismaClient, o: SaveSettingsOptions): Promise<SaveSettingsResult> {
  const now = o.now ?? new Date();
  const account = await accountEmail(prisma, o.userId);
  const existing = await ownSubscription(prisma, o.userId);
  const data = { frequency: o.frequency, limit: o.limit, ...o.filters };

  if (!existing) {
    if (!account) return { ok: false, reason: "no_email" };
    const taken = await prisma.subscription.findUnique({ where: { email: account.email }, select: { id: true } });
    if (taken) return { ok: false, reason: "address_taken" };
    const status = o.subscribe && account.verified ? "active" : "pending";
    const created = await prisma.subscription.create({
      data: {
        ...data,
        email: account.email,
        userId: o.userId,
        status,
        confirmedAt: status === "active" ? now : null,
        confirmSentAt: status === "pending" && o.subscribe ? now : null,
      },
      select: settingsSelect,
    });
    return { ok: true, settings: toSettings(created), mailSubscriptionId: status === "pending" && o.subscribe ? created.id : null };
  }

  let status = existing.status;
  let mail: number | null = null;
  const extra: Record<string, unknown> = {};
  if (o.subscribe && status !== "active") {
    const verified = account?.verified && account.email === existing.email;
    if (verified) {
      status = "active";
      Object.assign(extra, { confirmedAt: now, unsubscribedAt: null, pausedReason: null, confirmTokenHash: null });
    } else {
      status = "pending";
      Object.assign(extra, { confirmSentAt: now });
      mail = existing.id;
    }
  }
  const updated = await prisma.subscription.update({
    where: { id: existing.id },
    data: { ...data, status, ...extra },
    select: settingsSelect,
  });
  return { ok: true, settings: toSettings(updated), mailSubscriptionId: mail };
}

/** Stops the signed-in person's digest. */
export async function unsubscribeAccount(prisma: PrismaClient, { userId }: AccountRef, now = new Date()): Promise<boolean> {
  const sub = await ownSubscription(prisma, userId);
  if (!sub || sub.status === "unsubscribed") return false;
  await stopSubscription(prisma, sub.id, now);
  return true;
}

/** The order of the digest of a person's account ("trending" when there is none). */
export async function getDigestOrder(prisma: PrismaClient, userId: string): Promise<"trending" | "for-you"> {
  const sub = await prisma.subscription.findFirst({ where: { userId }, select: { order: true } });
  return sub?.order === "for-you" ? "for-you" : "trending";
}

/** Sets the order of the digest of a person's account (saved with the other settings). */
export async function setDigestOrder(prisma: PrismaClient, userId: string, order: "trending" | "for-you"): Promise<void> {
  await prisma.subscription.updateMany({ where: { userId }, data: { order } });
}
