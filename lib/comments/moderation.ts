import "server-only";
import { db } from "@/lib/db";
import { paperTarget, recordAudit, type Actor } from "@/lib/admin/audit";
import { AppError } from "@/lib/errors";
import { eraseComment } from "@/lib/comments/comments";
import { authorName } from "@/lib/comments/author-name";

/** A comment as the moderation page lists it. */
export interface ModeratedComment {
  id: number;
  paperId: number;
  paperRef: string;
  paperTitle: string;
  author: string;
  authorEmail: string | null;
  body: string;
  createdAt: Date;
  reportCount: number;
  reasons: string[];
  hiddenAt: Date | null;
  hiddenReason: string | null;
}

interface ModerationOptions {
  commentId: number;
  reason: string;
}

async function lockComment(tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0], commentId: number) {
  const [row] = await tx.$queryRaw<
    { id: number; paper_id: number; parent_id: number | null; arxiv_id: string | null; hidden: boolean; report_count: number }[]
  >`
    SELECT c.id, c.paper_id, c.parent_id, p.arxiv_id, c.hidden_at IS NOT NULL AS hidden, c.report_count
      FROM comments c JOIN papers p ON p.id = c.paper_id
     WHERE c.id = ${commentId} AND c.deleted_at IS NULL FOR UPDATE OF c`;
  if (!row) throw new AppError("not_found", "No such comment (deleted meanwhile?)");
  return row;
}

function target(row: { id: number; paper_id: number; arxiv_id: string | null }): string {
  return `comment:${row.id} on ${paperTarget({ id: row.paper_id, arxivId: row.arxiv_id })}`;
}

/** Hides a comment from the thread and the feeds (reversible); its open reports are settled. */
export async function hideComment(actor: Actor, o: ModerationOptions): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await lockComment(tx, o.commentId);
    if (row.hidden) throw new AppError("conflict", "This comment is already hidden");
    await tx.$executeRaw`
      UPDATE comments SET hidden_at = now(), hidden_reason = ${o.reason || null}, report_count = 0 WHERE id = ${o.commentId}`;
    await tx.commentReport.deleteMany({ where: { commentId: o.commentId } });
    await recordAudit(tx, actor, { action: "comment.hide", target: target(row), details: { reason: o.reason, reports: row.report_count } });
  });
}

export async function unhideComment(actor: Actor, o: { commentId: number }): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await lockComment(tx, o.commentId);
    if (!row.hidden) throw new AppError("conflict", "This comment is not hidden");
    await tx.$executeRaw`UPDATE comments SET hidden_at = NULL, hidden_reason = NULL WHERE id = ${o.commentId}`;
    await recordAudit(tx, actor, { action: "comment.unhide", target: target(row) });
  });
}

/** Removes a comment for good (its text is erased; "removed" stays in place while it has replies). */
export async function removeComment(actor: Actor, o: ModerationOptions): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await lockComment(tx, o.commentId);
    await eraseComment(tx, o.commentId, row.parent_id, "admin");
    await recordAudit(tx, actor, {
      action: "comment.remove",
      target: target(row),
      details: { reason: o.reason, reports: row.report_count },
    });
  });
}

/** Settles a comment's reports without acting on it (nothing wrong with it). */
export async function dismissReports(actor: Actor, o: ModerationOptions): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await lockComment(tx, o.commentId);
    await tx.commentReport.deleteMany({ where: { commentId: o.commentId } });
    await tx.$executeRaw`UPDATE comments SET report_count = 0 WHERE id = ${o.commentId}`;
    await recordAudit(tx, actor, {
      action: "comment.dismiss-reports",
      target: target(row),
      details: { reason: o.reason, reports: row.report_count },
    });
  });
}

const select = {
  id: true,
  paperId: true,
  body: true,
  createdAt: true,
  reportCount: true,
  hiddenAt: true,
  hiddenReason: true,
  paper: { select: { id: true, arxivId: true, title: true } },
  user: { select: { id: true, name: true, email: true } },
  reports: { select: { reason: true }, orderBy: { createdAt: "asc" as const }, take: 10 },
} as const;

type Selected = Awaited<ReturnType<typeof findComments>>[number];

function findComments(where: object, orderBy: object[], skip: number, take: number) {
  return db().comment.findMany({ where, orderBy, skip, take, select });
}

function toModerated(c: Selected): ModeratedComment {
  return {
    id: c.id,
    paperId: c.paperId,
    paperRef: c.paper.arxivId ?? `local-${c.paper.id}`,
    paperTitle: c.paper.title,
    author: authorName(c.user),
    authorEmail: c.user.email,
    body: c.body,
    createdAt: c.createdAt,
    reportCount: c.reportCount,
    reasons: c.reports.map((r) => r.reason).filter(Boolean),
    hiddenAt: c.hiddenAt,
    hiddenReason: c.hiddenReason,
  };
}

/** Comments with open reports, most reported first (comments_reported_idx). */
export async function listReportedComments(o: { page: number; pageSize?: number }) {
  const pageSize = o.pageSize ?? 25;
  const rows = await findComments(
    { reportCount: { gt: 0 }, deletedAt: null, hiddenAt: null },
    [{ reportCount: "desc" }, { id: "asc" }],
    (o.page - 1) * pageSize,
    pageSize + 1,
  );
  return { comments: rows.slice(0, pageSize).map(toModerated), hasMore: rows.length > pageSize };
}

/** Hidden comments, most recently hidden first. */
export async function listHiddenComments(o: { page: number; pageSize?: number }) {
  const pageSize = o.pageSize ?? 25;
  const rows = await findComments(
    { hiddenAt: { not: null }, deletedAt: null },
    [{ hiddenAt: "desc" }, { id: "desc" }],
    (o.page - 1) * pageSize,
    pageSize + 1,
  );
  return { comments: rows.slice(0, pageSize).map(toModerated), hasMore: rows.length > pageSize };
}
