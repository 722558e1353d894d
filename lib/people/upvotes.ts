import "server-only";
import { db } from "@/lib/db";
import { markPersonStale } from "@/lib/recs/signals";

export interface UpvoteState {
  upvoted: boolean;
  /** The count shown everywhere: the feed's upvotes plus this server's users'. */
  upvotes: number;
}

/**
 * Sets (not toggles) one user's upvote, so a double click or a retried request changes
 * nothing the second time. The row and the paper's counter change in one statement: the
 * insert's primary key makes the upvote unique, and the counter moves only when a row was
 * really added or removed, under the paper row's lock, so concurrent voters never lose a count.
 */
export async function setUpvote(userId: string, paperId: number, on: boolean): Promise<UpvoteState> {
  const rows = on
    ? await db().$queryRaw<{ total: number }[]>`
        WITH added AS (
          INSERT INTO upvotes (user_id, paper_id) VALUES (${userId}, ${paperId})
          ON CONFLICT DO NOTHING RETURNING paper_id)
        UPDATE papers SET user_upvotes = user_upvotes + 1
        WHERE id IN (SELECT paper_id FROM added) RETURNING upvotes + user_upvotes AS total`
    : await db().$queryRaw<{ total: number }[]>`
        WITH removed AS (
          DELETE FROM upvotes WHERE user_id = ${userId} AND paper_id = ${paperId} RETURNING paper_id)
        UPDATE papers SET user_upvotes = user_upvotes - 1
        WHERE id IN (SELECT paper_id FROM removed) RETURNING upvotes + user_upvotes AS total`;
  if (rows.length > 0) await markPersonStale(userId);
  if (rows.length > 0) return { upvoted: on, upvotes: rows[0].total };
  // Nothing changed (already in the wanted state): report the current count.
  const paper = await db().paper.findUniqueOrThrow({ where: { id: paperId }, select: { upvotes: true, userUpvotes: true } });
  return { upvoted: on, upvotes: paper.upvotes + paper.userUpvotes };
}

/** Which of these papers the user has upvoted. */
export async function upvotedAmong(userId: string, paperIds: number[]): Promise<number[]> {
  if (paperIds.length === 0) return [];
  const rows = await db().upvote.findMany({ where: { userId, paperId: { in: paperIds } }, select: { paperId: true } });
  return rows.map((r) => r.paperId);
}

/** The user's upvoted papers, newest upvote first: ids for the caller to load as cards. */
export async function listUpvotedPaperIds(
  userId: string,
  opts: { limit: number; offset: number },
): Promise<{ ids: number[]; total: number }> {
  const [rows, total] = await Promise.all([
    db().upvote.findMany({
      where: { userId, paper: { hiddenAt: null } },
      orderBy: [{ createdAt: "desc" }, { paperId: "desc" }],
      take: opts.limit,
      skip: opts.offset,
      select: { paperId: true },
    }),
    db().upvote.count({ where: { userId, paper: { hiddenAt: null } } }),
  ]);
  return { ids: rows.map((r) => r.paperId), total };
}
