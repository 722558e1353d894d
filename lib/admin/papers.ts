import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeArxivId } from "@/lib/ingest/sources/text";
import { paperTarget, recordAudit, type Actor } from "@/lib/admin/audit";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";

/** A paper as the admin pages show it, hidden or not. */
export interface AdminPaper {
  id: number;
  arxivId: string | null;
  title: string;
  publishedAt: Date | null;
  upvotes: number;
  userUpvotes: number;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  mergedIntoId: number | null;
  createdAt: Date;
}

export const adminPaperSelect = {
  id: true,
  arxivId: true,
  title: true,
  publishedAt: true,
  upvotes: true,
  userUpvotes: true,
  hiddenAt: true,
  hiddenReason: true,
  mergedIntoId: true,
  createdAt: true,
} as const satisfies Prisma.PaperSelect;

/**
 * Finds papers by arXiv id (any version or `arXiv:` prefix), by `local-<id>` or `#<id>`, or by
 * words of the title; hidden and merged papers included, since those are what an admin looks for.
 */
export async function findPapers(query: string, limit = 25): Promise<AdminPaper[]> {
  const q = query.trim();
  if (!q) return [];
  const arxivId = normalizeArxivId(q);
  const local = /^(?:local-|#)(\d{1,9})$/i.exec(q);
  if (arxivId || local) {
    const row = await db().paper.findFirst({ where: arxivId ? { arxivId } : { id: Number(local![1]) }, select: adminPaperSelect });
    if (row || !arxivId) return row ? [row] : [];
  }
  return db().paper.findMany({
    where: { title: { contains: q.slice(0, 200), mode: "insensitive" } },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
    select: adminPaperSelect,
  });
}

/** Hidden papers (merged ones included), most recently hidden first. */
export async function listHiddenPapers(o: { page: number; pageSize?: number }): Promise<{ papers: AdminPaper[]; hasMore: boolean }> {
  const pageSize = o.pageSize ?? 50;
  const rows = await db().paper.findMany({
    where: { hiddenAt: { not: null } },
    orderBy: [{ hiddenAt: "desc" }, { id: "desc" }],
    skip: (o.page - 1) * pageSize,
    take: pageSize + 1,
    select: adminPaperSelect,
  });
  return { papers: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

export interface AdminPaperDetail extends AdminPaper {
  mergedInto: AdminPaper | null;
  counts: { upvoteRows: number; listItems: number; features: number };
}

export async function getAdminPaper(id: number): Promise<AdminPaperDetail | null> {
  const row = await db().paper.findUnique({
    where: { id },
    select: {
      ...adminPaperSelect,
      mergedInto: { select: adminPaperSelect },
      _count: { select: { userUpvoteRows: true, listItems: true, features: true } },
    },
  });
  if (!row) return null;
  const { _count, ...paper } = row;
  return { ...paper, counts: { upvoteRows: _count.userUpvoteRows, listItems: _count.listItems, features: _count.features } };
}

/**
 * Hides a paper (spam, a duplicate that merging does not fit): it leaves every list, search,
 * feed and API answer; its upvotes and list entries are kept for when it is unhidden.
 */
export async function hidePaper(actor: Actor, o: { paperId: number; reason: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const paper = await tx.paper.findUnique({ where: { id: o.paperId }, select: { id: true, arxivId: true, hiddenAt: true } });
    if (!paper) throw new AppError("not_found", "No such paper");
    if (paper.hiddenAt) throw new AppError("conflict", "This paper is hidden already");
    const { count } = await tx.paper.updateMany({
      where: { id: o.paperId, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenReason: o.reason },
    });
    if (!count) throw new AppError("conflict", "This paper is hidden already");
    await recordAudit(tx, actor, { action: "paper.hide", target: paperTarget(paper), details: { paperId: paper.id, reason: o.reason } });
  });
  // Spam should leave the cached pages now, not within the minute.
  refreshCachedPages();
}

/** Shows a hidden paper again. A merged paper comes back by undoing its merge, not here. */
export async function unhidePaper(actor: Actor, o: { paperId: number }): Promise<void> {
  await db().$transaction(async (tx) => {
    const paper = await tx.paper.findUnique({
      where: { id: o.paperId },
      select: { id: true, arxivId: true, hiddenAt: true, hiddenReason: true, mergedIntoId: true },
    });
    if (!paper) throw new AppError("not_found", "No such paper");
    if (paper.mergedIntoId) throw new AppError("conflict", "This paper was merged into another one: undo the merge to bring it back");
    if (!paper.hiddenAt) throw new AppError("conflict", "This paper is not hidden");
    const { count } = await tx.paper.updateMany({
      where: { id: o.paperId, mergedIntoId: null, hiddenAt: { not: null } },
      data: { hiddenAt: null, hiddenReason: null },
    });
    if (!count) throw new AppError("conflict", "This paper is not hidden");
    await recordAudit(tx, actor, {
      action: "paper.unhide",
      target: paperTarget(paper),
      details: { paperId: paper.id, wasHiddenAt: paper.hiddenAt, reason: paper.hiddenReason },
    });
  });
  refreshCachedPages();
}

/** The internal id of a paper named by an admin: arXiv id (any version), `local-<id>`, `#<id>` or a bare id. */
export async function resolvePaperRef(raw: string): Promise<number> {
  const q = raw.trim();
  const local = /^(?:local-|#)?(\d{1,9})$/i.exec(q);
  const arxivId = normalizeArxivId(q);
  // A bare number is an internal id; new-style arXiv ids always have a dot.
  const row = arxivId
    ? await db().paper.findUnique({ where: { arxivId }, select: { id: true } })
    : local
      ? await db().paper.findUnique({ where: { id: Number(local[1]) }, select: { id: true } })
      : null;
  if (!row)
    throw new AppError("not_found", q ? `No paper “${q.slice(0, 80)}”: give its arXiv id, local-<id> or #<id>` : "Name the other paper");
  return row.id;
}
