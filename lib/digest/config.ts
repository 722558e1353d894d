/**
 * The digest's fixed rules, in one place so the job, the CLI, the tests and the README agree.
 * Times are UTC.
 */
export const digestRules = {
  /** A day's digest goes out at this hour of the next day; a week's on the Monday after, same hour. */
  sendHourUtc: 1,
  /** Tries per digest (the first send included) before it is given up and shown to the admin. */
  maxAttempts: 5,
  /** Wait before try n+1 is `retryBaseMinutes * 3^(n-1)`: 5, 15, 45 and 135 minutes. */
  retryBaseMinutes: 5,
  /**
   * How long a send may stay `sending` before it is taken for a crashed worker's. A send never
   * lasts this long (the SMTP socket times out at a minute).
   */
  leaseSeconds: 600,
  /** A confirmation or notice is mailed to one address at most this often. */
  resendIntervalMinutes: 10,
  /** … and at most this many times a (UTC) day: a script asking every ten minutes cannot flood a mailbox either. */
  confirmMailsPerDay: 3,
  /** A confirmation link works this long. */
  confirmTtlDays: 7,
  /** Papers considered per period, trending first; filters pick from these. */
  maxCandidates: 1000,
} as const;

export const DIGEST_LIMITS = [5, 10, 25] as const;
export type DigestLimit = (typeof DIGEST_LIMITS)[number];

/** Delay before the next try, after `attempts` tries have failed. */
export function retryDelayMs(attempts: number, baseMinutes: number = digestRules.retryBaseMinutes): number {
  return baseMinutes * 60_000 * 3 ** Math.max(0, attempts - 1);
}

/** The public origin for links in emails (AUTH_URL, else http://localhost:$PORT): the site's one definition. */
export { siteUrl } from "@/lib/site-url";
