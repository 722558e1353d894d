import "server-only";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { normalizeCommentText, RENDER_VERSION, renderComment } from "@/lib/comments/render";

/** Reports per person per hour: enough for a moderator's helper, not for a flood. */
export const REPORTS_PER_HOUR = 30;

export interface CreateCommentOptions {
  userId: string;
  paperId: number;
  body: string;
  /** The comment answered; when it is itself a reply, the reply goes under the same top-level comment. */
  parentId?: number | null;
}

export interface SavedComment {
  id: number;
  paperId: number;
  parentId: number | null;
  html: string;
}

/** A person's comment budget (COMMENTS_PER_HOUR), shared by every instance; also counts edits. */
export async function consumeCommentBudget(userId: string): Promise<void> {
  await consumeRateLimit(`comments:${userId}`, env().COMMENTS_PER_HOUR, 3600);
}

/**
 * Posts a comment or a reply and follows the paper's discussion for its author, in one
 * transaction. A reply's parent is locked (FOR SHARE) so it cannot be deleted between the check
 * and the insert; the paper's count moves by trigger in the same transaction. Rendering happens
 * before the transaction, so a slow or refused render holds no lock.
 */
export async function createComment(o: CreateCommentOptions): Promise<SavedComment> {
  const body = normalizeCommentText(o.body);
  const html = renderComment(body);
  await consumeCommentBudget(o.userId);
  return db().$transaction(async (tx) => {
    let parentId: number | null = null;
    if (o.parentId != null) {
      const [parent] = await tx.$queryRaw<{ id: number; parent_id: number | null; paper_id: number; gone: boolean }[]>`
        SELECT id, parent_id, paper_id, (deleted_at IS NOT NULL OR hidden_at IS NOT NULL) AS gone
          FROM comments WHERE id = ${o.parentId} FOR SHARE`;
      if (!parent || parent.paper_id !== o.paperId) throw new AppError("not_found", "The comment you answer is not under this paper");
      parentId = parent.parent_id ?? parent.id;
      if (parentId !== parent.id) {
        const [top] = await tx.$queryRaw<{ gone: boolean }[]>`
          SELECT (deleted_at IS NOT NULL OR hidden_at IS NOT NULL) AS gone FROM comments WHERE id = ${parentId} FOR SHARE`;
        if (!top || top.gone) throw new AppError("conflict", "This thread was deleted: it takes no more replies");
      } else if (parent.gone) throw new AppError("conflict", "This comment was deleted: it takes no more replies");
    }
    const paper = await tx.paper.findFirst({ where: { id: o.paperId, hiddenAt: null }, select: { id: true } });
    if (!paper) throw new AppError("not_found", "No such paper");
    const row = await tx.comment.create({
      data: { paperId: o.paperId, userId: o.userId, parentId, body, html, renderVersion: RENDER_VERSION },
      select: { id: true, paperId: true, parentId: true, html: true },
    });
    await tx.$executeRaw`
      INSERT INTO discussion_follows (user_id, paper_id) VALUES (${o.userId}, ${o.paperId}) ON CONFLICT DO NOTHING`;
    return row;
  });
}

/** Changes the text of one's own comment. Someone else's comment, or a deleted one, is "not found". */
export async function editComment(o: { userId: string; commentId: number; body: string }): Promise<SavedComment> {
  const body = normalizeCommentText(o.body);
  const html = renderComment(body);
  await consumeCommentBudget(o.userId);
  const rows = await db().$queryRaw<SavedComment[]>`
    UPDATE comments SET body = ${body}, html = ${html}, render_version = ${RENDER_VERSION}, edited_at = now()
     WHERE id = ${o.commentId} AND user_id = ${o.userId} AND deleted_at IS NULL
     RETURNING id, paper_id AS "paperId", parent_id AS "parentId", html`;
  if (rows.length === 0) throw new AppError("not_found", "No such comment of yours");
  return rows[0];
}

/**
 * Deletes one's own comment: gone for good when nothing answers it, else emptied and left as
 * "deleted" so the replies keep their place. A reply's deletion also clears away its parent
 * when that was a placeholder left with no replies. Row locks order this against a reply
 * being posted to the same comment (createComment's FOR SHARE).
 */
export async function deleteOwnComment(o: { userId: string; commentId: number }): Promise<{ paperId: number }> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ paper_id: number; parent_id: number | null; user_id: string }[]>`
      SELECT paper_id, parent_id, user_id FROM comments WHERE id = ${o.commentId} AND deleted_at IS NULL FOR UPDATE`;
    if (!row || row.user_id !== o.userId) throw new AppError("not_found", "No such comment of yours");
    await eraseComment(tx, o.commentId, row.parent_id, "author");
    return { paperId: row.paper_id };
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Deletes (no replies) or empties (with replies) a locked comment; shared by authors and admins. */
export async function eraseComment(tx: Tx, commentId: number, parentId: number | null, by: "author" | "admin"): Promise<void> {
  const [{ replies }] = await tx.$queryRaw<{ replies: number }[]>`
    SELECT count(*)::int AS replies FROM comments WHERE parent_id = ${commentId}`;
  if (replies > 0) {
    await tx.$executeRaw`
      UPDATE comments SET body = '', html = '', deleted_at = now(), deleted_by = ${by} WHERE id = ${commentId}`;
    await tx.$executeRaw`DELETE FROM comment_reports WHERE comment_id = ${commentId}`;
    await tx.$executeRaw`UPDATE comments SET report_count = 0 WHERE id = ${commentId}`;
    return;
  }
  await tx.$executeRaw`DELETE FROM comments WHERE id = ${commentId}`;
  if (parentId !== null) {
    await tx.$executeRaw`
      DELETE FROM comments c WHERE c.id = ${parentId} AND c.deleted_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id)`;
  }
}

/**
 * Reports a comment to the admins (once per person and comment; again is a no-op). One's own
 * comment, a deleted one or a hidden one cannot be reported.
 */
export async function reportComment(o: { userId: string; commentId: number; reason: string }): Promise<{ reported: boolean }> {
  await consumeRateLimit(`comment-reports:${o.userId}`, REPORTS_PER_HOUR, 3600);
  const comment = await db().comment.findFirst({
    where: { id: o.commentId, deletedAt: null, hiddenAt: null, paper: { hiddenAt: null } },
    select: { userId: true },
  });
  if (!comment) throw new AppError("not_found", "No such comment");
  if (comment.userId === o.userId) throw new AppError("bad_request", "You cannot report your own comment: edit or delete it instead");
  const reason = normalizeCommentText(o.reason).trim().slice(0, 500);
  const added = await db().$executeRaw`
    WITH added AS (
      INSERT INTO comment_reports (comment_id, user_id, reason) VALUES (${o.commentId}, ${o.userId}, ${reason})
      ON CONFLICT DO NOTHING RETURNING comment_id)
    UPDATE comments SET report_count = report_count + 1 WHERE id IN (SELECT comment_id FROM added)`;
  return { reported: added > 0 };
}

/** Follows (or stops following) a paper's discussion; idempotent. */
export async function setFollow(o: { userId: string; paperId: number; on: boolean }): Promise<{ following: boolean }> {
  if (o.on) {
    const paper = await db().paper.findFirst({ where: { id: o.paperId, hiddenAt: null }, select: { id: true } });
    if (!paper) throw new AppError("not_found", "No such paper");
    await db().$executeRaw`
      INSERT INTO discussion_follows (user_id, paper_id) VALUES (${o.userId}, ${o.paperId}) ON CONFLICT DO NOTHING`;
  } else {
    await db().discussionFollow.deleteMany({ where: { userId: o.userId, paperId: o.paperId } });
  }
  return { following: o.on };
}
