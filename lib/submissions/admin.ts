import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/admin/audit";
import { idInput } from "@/lib/admin/validation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";

export const removeSubmissionInput = z.object({
  submissionId: idInput,
  reason: z.string().trim().min(1, "Say why (off-topic, spam, …): it is shown in the audit log").max(500, "At most 500 characters"),
});

/** A submission as the admin page lists it. */
export interface AdminSubmission {
  id: number;
  day: string;
  createdAt: Date;
  input: string;
  paper: { id: number; arxivId: string | null; title: string };
  /** Null once the person deleted their account. */
  person: { name: string | null; email: string | null } | null;
  submitterName: string;
  removed: { at: Date; by: string | null; reason: string | null } | null;
}

/** Submissions, newest first, a page at a time. */
export async function listSubmissions(o: { page: number; pageSize?: number }): Promise<{ rows: AdminSubmission[]; hasMore: boolean }> {
  const pageSize = o.pageSize ?? 50;
  const rows = await db().paperSubmission.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (o.page - 1) * pageSize,
    take: pageSize + 1,
    select: {
      id: true,
      day: true,
      createdAt: true,
      input: true,
      submitterName: true,
      removedAt: true,
      removedBy: true,
      removedReason: true,
      paper: { select: { id: true, arxivId: true, title: true } },
      user: { select: { name: true, email: true } },
    },
  });
  return {
    rows: rows.slice(0, pageSize).map((r) => ({
      id: r.id,
      day: r.day.toISOString().slice(0, 10),
      createdAt: r.createdAt,
      input: r.input,
      paper: r.paper,
      person: r.user,
      submitterName: r.submitterName,
      removed: r.removedAt ? { at: r.removedAt, by: r.removedBy, reason: r.removedReason } : null,
    })),
    hasMore: rows.length > pageSize,
  };
}

/**
 * Takes a submitted paper off the day it was submitted to: its featured row for that day goes,
 * and the submission stays, marked removed, so no later poll or ingest features the paper on that
 * day again (lib/ingest/save-papers.ts skips such days) and nobody can submit it to that day again.
 */
export async function removeSubmission(actor: Actor, o: { submissionId: number; reason: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: number; paper_id: number; day: Date; arxiv_id: string | null; removed: boolean }[]>`
      SELECT s.id, s.paper_id, s.day, p.arxiv_id, s.removed_at IS NOT NULL AS removed
        FROM paper_submissions s JOIN papers p ON p.id = s.paper_id
       WHERE s.id = ${o.submissionId} FOR UPDATE OF s`;
    if (!row) throw new AppError("not_found", "No such submission");
    if (row.removed) throw new AppError("conflict", "This submission was removed already");
    await tx.paperSubmission.update({
      where: { id: row.id },
      data: { removedAt: new Date(), removedBy: actor.email.toLowerCase(), removedReason: o.reason },
    });
    const { count } = await tx.paperFeature.deleteMany({ where: { paperId: row.paper_id, day: row.day } });
    const day = row.day.toISOString().slice(0, 10);
    await recordAudit(tx, actor, {
      action: "submission.remove",
      target: row.arxiv_id ? `paper:${row.arxiv_id}` : `paper:local-${row.paper_id}`,
      details: { submissionId: row.id, day, reason: o.reason, featuredRowsRemoved: count },
    });
  });
  refreshCachedPages();
}
