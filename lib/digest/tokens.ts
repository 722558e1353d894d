import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Confirmation tokens are random and stored only as a SHA-256 hash, so the database alone
 * cannot confirm anybody. A new request replaces the previous token.
 */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashConfirmToken(token) };
}

export function hashConfirmToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Looks like one of our confirmation tokens (43 base64url characters); anything else is refused unread. */
export function isConfirmTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * Unsubscribe tokens: `<subscription id>.<HMAC-SHA256 over a purpose string and the id>`, keyed
 * with AUTH_SECRET and cut to 128 bits. They carry no expiry on purpose: the unsubscribe link of
 * an old digest must still work (RFC 8058 and the mailbox providers expect it), and a token can
 * do only one thing, stop mail to its own subscription. Rotating AUTH_SECRET invalidates them all.
 */
export function unsubscribeToken(subscriptionId: number, secret: string = authSecret()): string {
  return `${subscriptionId}.${mac(subscriptionId, secret)}`;
}

/** The subscription id a token was made for, or null if it is malformed or not ours. */
export function verifyUnsubscribeToken(token: string): number | null {
  const m = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  const expected = Buffer.from(mac(id, authSecret()));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The key of unsubscribe tokens; a digest run reads it once and passes it to `unsubscribeToken`. */
export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: unsubscribe links cannot be signed");
  return secret;
}

function mac(subscriptionId: number, secret: string): string {
  return createHmac("sha256", secret).update(`paperboy:unsubscribe:v1:${subscriptionId}`).digest().subarray(0, 16).toString("base64url");
}
