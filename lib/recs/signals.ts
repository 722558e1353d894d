import "server-only";
import { db } from "@/lib/db";
import { enqueueRecsRefresh } from "@/lib/jobs/queue";

/**
 * What a request does when a person's signals change: it marks them stale (one upsert) and asks
 * the job worker to recompute. The computation never runs in the request; a worker that misses
 * the job finds the mark at its next minute tick (lib/jobs/worker.ts).
 */
export async function markPersonStale(userId: string): Promise<void> {
  await db().$executeRaw`
    INSERT INTO rec_profiles (user_id, stale_at) VALUES (${userId}, now())
    ON CONFLICT (user_id) DO UPDATE SET stale_at = now()`;
  await enqueueRecsRefresh();
}

/** A list's papers changed: its "Papers like this list" and its owner's recommendations. */
export async function markListStale(listId: number, userId: string): Promise<void> {
  await db().$executeRaw`UPDATE reading_lists SET rec_stale_at = now() WHERE id = ${listId}`;
  await markPersonStale(userId);
}

/** "Not interested" (on) or its undo (off); idempotent. */
export async function setNotInterested(userId: string, paperId: number, on: boolean): Promise<{ notInterested: boolean }> {
  if (on)
    await db().$executeRaw`
      INSERT INTO rec_dismissals (user_id, paper_id) SELECT ${userId}, id FROM papers WHERE id = ${paperId} ON CONFLICT DO NOTHING`;
  else await db().$executeRaw`DELETE FROM rec_dismissals WHERE user_id = ${userId} AND paper_id = ${paperId}`;
  // Gone from the page at once; the rest of the ranking follows from the worker.
  if (on) await db().$executeRaw`DELETE FROM rec_scores WHERE user_id = ${userId} AND paper_id = ${paperId}`;
  await markPersonStale(userId);
  return { notInterested: on };
}

/** Pauses personalisation (scores are dropped; signals are kept) or resumes it. */
export async function setRecsPaused(userId: string, paused: boolean): Promise<void> {
  await db().$executeRaw`
    INSERT INTO rec_profiles (user_id, paused_at) VALUES (${userId}, CASE WHEN ${paused} THEN now() END)
    ON CONFLICT (user_id) DO UPDATE SET paused_at = CASE WHEN ${paused} THEN COALESCE(rec_profiles.paused_at, now()) END`;
  if (paused) await db().$executeRaw`DELETE FROM rec_scores WHERE user_id = ${userId}`;
  await markPersonStale(userId);
}

/**
 * Deletes what personalisation learned: the computed recommendations and every "Not interested"
 * mark. Upvotes and lists are the person's own and stay; personalisation is paused, so nothing is
 * learned again from them until the person resumes it.
 */
export async function forgetRecs(userId: string): Promise<void> {
  await db().$transaction([
    db().$executeRaw`DELETE FROM rec_scores WHERE user_id = ${userId}`,
    db().$executeRaw`DELETE FROM rec_dismissals WHERE user_id = ${userId}`,
    db().$executeRaw`
      INSERT INTO rec_profiles (user_id, paused_at) VALUES (${userId}, now())
      ON CONFLICT (user_id) DO UPDATE SET paused_at = now(), computed_at = NULL, signals = 0, stale_at = NULL`,
  ]);
}
