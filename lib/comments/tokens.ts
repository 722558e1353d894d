import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/digest/tokens";

/**
 * The unsubscribe link of discussion emails: `<user id>.<HMAC-SHA256 over a purpose string and
 * the id>`, keyed with AUTH_SECRET and cut to 128 bits, as the digests' tokens are (a different
 * purpose string, so neither kind of token works as the other). No expiry: an old email's link
 * must still work, and the token can only turn discussion emails off for its own person.
 */
export function discussionUnsubscribeToken(userId: string, secret: string = authSecret()): string {
  return `${userId}.${mac(userId, secret)}`;
}

/** The user id a token was made for, or null when it is malformed or not ours. */
export function verifyDiscussionUnsubscribeToken(token: string): string | null {
  const m = /^([a-z0-9]{8,40})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(m[1], authSecret()));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}

function mac(userId: string, secret: string): string {
  return createHmac("sha256", secret).update(`paperboy:discussion-unsubscribe:v1:${userId}`).digest().subarray(0, 16).toString("base64url");
}
