import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { discussionUnsubscribeToken } from "@/lib/comments/tokens";
import { authorName } from "@/lib/comments/author-name";
import { sendEmail } from "@/lib/email/mailer";
import { clipText } from "@/lib/email/text";
import { renderReplyNotification } from "@/lib/email/templates/reply-notification";
import { getBoss, queues } from "@/lib/jobs/queue";
import { logger } from "@/lib/logger";
import { paperPath } from "@/lib/feeds/paper-feed";
import { siteUrl } from "@/lib/site-url";
import { mathToPlainText } from "@/lib/text/math";

const EXCERPT_CHARS = 1200;

/**
 * Asks a worker to mail the people a new comment concerns. Called after the comment's
 * transaction commits, never inside it; if the queue cannot be reached, the every-minute sweep
 * (`sweepUnnotified`) finds the comment later.
 */
export async function enqueueCommentNotification(boss: PgBoss, commentId: number): Promise<void> {
  try {
    await boss.send(queues.commentNotify, { commentId }, { singletonKey: `comment-${commentId}` });
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err), commentId }, "comment notification not queued; the sweep will");
  }
}

/** After a comment's transaction has committed: its emails, queued for the worker (never throws). */
export async function notifyAfterCommit(commentId: number): Promise<void> {
  try {
    await enqueueCommentNotification(await getBoss(), commentId);
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err), commentId }, "comment notification not queued; the sweep will");
  }
}

/**
 * Records who is to hear about a comment, once: the author of the comment it answers
 * ("reply") and the people following the paper's discussion ("follow"), minus its own author,
 * people who turned discussion emails off and people without an address. The primary key
 * (comment, person) makes a second run add nobody.
 */
export async function planNotifications(prisma: PrismaClient, commentId: number): Promise<number> {
  const added = await prisma.$executeRaw`
    WITH c AS (
      SELECT id, paper_id, user_id, parent_id FROM comments
       WHERE id = ${commentId} AND deleted_at IS NULL AND hidden_at IS NULL),
    recipients AS (
      SELECT p.user_id, 'reply' AS reason, 0 AS rank FROM comments p JOIN c ON p.id = c.parent_id WHERE p.deleted_at IS NULL
      UNION ALL
      SELECT f.user_id, 'follow', 1 FROM discussion_follows f JOIN c ON f.paper_id = c.paper_id)
    INSERT INTO comment_notifications (comment_id, user_id, reason)
    SELECT DISTINCT ON (r.user_id) c.id, r.user_id, r.reason
      FROM recipients r CROSS JOIN c JOIN users u ON u.id = r.user_id
     WHERE r.user_id <> c.user_id AND u.discussion_emails AND u.email IS NOT NULL
     ORDER BY r.user_id, r.rank
    ON CONFLICT DO NOTHING`;
  await prisma.$executeRaw`UPDATE comments SET notified_at = now() WHERE id = ${commentId} AND notified_at IS NULL`;
  return added;
}

/**
 * Sends a comment's pending notifications, each claimed first ("pending" → "sending", one
 * worker wins), then marked "sent". A failed send goes back to "pending" and the job is retried;
 * a crash between the claim and the mark leaves "sending", never sent again: at most once, and
 * exactly once when nothing crashes. Someone who opted out meanwhile is skipped.
 */
export async function deliverNotifications(prisma: PrismaClient, commentId: number): Promise<{ sent: number; failed: number }> {
  await planNotifications(prisma, commentId);
  const comment = await prisma.comment.findFirst({
    where: { id: commentId, deletedAt: null, hiddenAt: null },
    select: {
      id: true,
      body: true,
      user: { select: { id: true, name: true } },
      paper: { select: { id: true, arxivId: true, title: true } },
    },
  });
  if (!comment) {
    await prisma.commentNotification.updateMany({ where: { commentId, status: "pending" }, data: { status: "skipped" } });
    return { sent: 0, failed: 0 };
  }
  const site = siteUrl();
  const pending = await prisma.commentNotification.findMany({ where: { commentId, status: "pending" }, select: { userId: true } });
  let sent = 0;
  let failed = 0;
  for (const { userId } of pending) {
    const [claimed] = await prisma.$queryRaw<{ reason: string; email: string | null; on: boolean }[]>`
      UPDATE comment_notifications n SET status = 'sending', attempts = attempts + 1
        FROM users u
       WHERE n.comment_id = ${commentId} AND n.user_id = ${userId} AND n.status = 'pending' AND u.id = n.user_id
       RETURNING n.reason, u.email, u.discussion_emails AS on`;
    if (!claimed) continue;
    if (!claimed.on || !claimed.email) {
      await setStatus(prisma, commentId, userId, "skipped");
      continue;
    }
    const message = await renderReplyNotification({
      reason: claimed.reason === "reply" ? "reply" : "follow",
      author: authorName(comment.user),
      paperTitle: mathToPlainText(comment.paper.title),
      excerpt: clipText(comment.body, EXCERPT_CHARS),
      commentUrl: `${site}${paperPath(comment.paper)}#comment-${comment.id}`,
      settingsUrl: `${site}/settings/email`,
      unsubscribeUrl: `${site}/unsubscribe/discussions/${discussionUnsubscribeToken(userId)}`,
      host: new URL(site).host,
    });
    const oneClick = `${site}/api/unsubscribe/discussions/${discussionUnsubscribeToken(userId)}`;
    try {
      await sendEmail({
        to: claimed.email,
        ...message,
        headers: {
          "List-Unsubscribe": `<${oneClick}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "List-Id": `Paperboy discussions <discussions.${new URL(site).hostname}>`,
          "X-Paperboy-Comment": String(comment.id),
          "Auto-Submitted": "auto-generated",
        },
      });
    } catch (err) {
      failed++;
      await setStatus(prisma, commentId, userId, "pending");
      logger.warn({ err: err instanceof Error ? err.message : String(err), commentId }, "discussion email failed; will retry");
      continue;
    }
    await prisma.commentNotification.update({
      where: { commentId_userId: { commentId, userId } },
      data: { status: "sent", sentAt: new Date() },
    });
    sent++;
  }
  if (failed > 0) throw new Error(`${failed} discussion email(s) of comment ${commentId} failed; retrying`);
  return { sent, failed };
}

async function setStatus(prisma: PrismaClient, commentId: number, userId: string, status: string) {
  await prisma.commentNotification.update({ where: { commentId_userId: { commentId, userId } }, data: { status } });
}

/** Comments older than a minute whose notifications were never planned (the queue was down): queued again. */
export async function sweepUnnotified(prisma: PrismaClient, boss: PgBoss): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM comments
     WHERE notified_at IS NULL AND created_at < now() - interval '1 minute' AND created_at > now() - interval '1 day'
     ORDER BY created_at LIMIT 500`;
  for (const r of rows) await enqueueCommentNotification(boss, r.id);
  return rows.map((r) => r.id);
}
