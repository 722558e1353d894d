// Not server-only: the digest worker and CLI rank papers with the same formula as the pages.

/**
 * Trending score: upvotes with a time decay, as Hacker News does.
 * Upvotes are the feed's count plus this server's users' upvotes.
 *   score = (upvotes + 1) / (hours since the start of the featured day + 2) ^ 1.5
 * Hours are counted up to the end of the period shown (or now, if the period is not over), so a
 * past week reads the way it did at the time. Papers of one day share their age, so a day's
 * trending order is its upvote order; over a week or month, fresh papers rise.
 */
export const trendingSql = (refParam: string) =>
  `(p.upvotes + p.user_upvotes + 1)::float8 / power(greatest(extract(epoch from (${refParam}::timestamptz - (f.day::timestamp AT TIME ZONE 'UTC')))::float8 / 3600, 0) + 2, 1.5)`;
