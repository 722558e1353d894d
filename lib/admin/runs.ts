import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { IngestStatus, Prisma } from "@/lib/generated/prisma/client";
import { runIngest, type IngestSummary } from "@/lib/ingest/run-ingest";
import type { ByteSource } from "@/lib/ingest/read-document";
import type { FeedFormat } from "@/lib/ingest/types";
import { recordAudit, type Actor } from "@/lib/admin/audit";

export interface AdminRun {
  id: number;
  source: { id: number; name: string } | null;
  origin: string;
  trigger: string;
  format: string | null;
  status: IngestStatus;
  startedAt: Date;
  finishedAt: Date | null;
  /** null while running. */
  durationMs: number | null;
  bytes: number | null;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  error: string | null;
}

const runSelect = {
  id: true,
  origin: true,
  trigger: true,
  format: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  bytes: true,
  newCount: true,
  updatedCount: true,
  unchangedCount: true,
  rejectedCount: true,
  error: true,
  source: { select: { id: true, name: true } },
} as const;

function toAdminRun(r: Prisma.IngestRunGetPayload<{ select: typeof runSelect }>): AdminRun {
  return {
    ...r,
    bytes: r.bytes === null ? null : Number(r.bytes),
    durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  };
}

export const runStatuses = ["running", "succeeded", "failed", "not_modified"] as const satisfies readonly IngestStatus[];

export interface ListRunsOptions {
  /** 1-based. */
  page: number;
  pageSize?: number;
  status?: IngestStatus;
  sourceId?: number;
}

/** Ingest runs, newest first, a page at a time. */
export async function listRuns(o: ListRunsOptions): Promise<{ runs: AdminRun[]; hasMore: boolean }> {
  const pageSize = o.pageSize ?? 50;
  const rows = await db().ingestRun.findMany({
    where: { status: o.status, sourceId: o.sourceId },
    orderBy: { id: "desc" },
    skip: (o.page - 1) * pageSize,
    take: pageSize + 1,
    select: runSelect,
  });
  return { runs: rows.slice(0, pageSize).map(toAdminRun), hasMore: rows.length > pageSize };
}

export interface RunDetail extends AdminRun {
  rejections: { id: number; ref: string; reason: string }[];
}

/** One run with its rejected entries (ingestion keeps the first thousand of a run). */
export async function getRun(id: number): Promise<RunDetail | null> {
  const row = await db().ingestRun.findUnique({
    where: { id },
    select: { ...runSelect, rejections: { orderBy: { id: "asc" }, take: 1000, select: { id: true, ref: true, reason: true } } },
  });
  if (!row) return null;
  const { rejections, ...run } = row;
  return { ...toAdminRun(run), rejections };
}

export interface UploadOptions {
  body: ByteSource;
  fileName: string;
  /** The file's size as announced, refused at once when over the limit. */
  size?: number;
  format?: FeedFormat;
  /** Year of year-less dates in copied pages. */
  year?: number;
  /** Defaults to INGEST_MAX_BYTES. */
  maxBytes?: number;
}

/**
 * Ingests a feed file an admin uploaded, as a run like any other (trigger "admin", origin
 * "upload: <file name>"). The audit row follows the run (ingestion commits on its own
 * connection), and names the run whether it succeeded or failed.
 */
export async function ingestUpload(actor: Actor, o: UploadOptions): Promise<IngestSummary> {
  const fileName = o.fileName.replace(/[\u0000-\u001f]/g, "").slice(0, 200) || "unnamed file";
  let summary: IngestSummary;
  try {
    summary = await runIngest({
      body: o.body,
      origin: `upload: ${fileName}`,
      trigger: "admin",
      format: o.format,
      year: o.year,
      declaredBytes: o.size,
      maxBytes: o.maxBytes,
    });
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError("internal", err instanceof Error ? err.message : String(err));
    const runId = typeof error.details?.runId === "number" ? error.details.runId : null;
    await db().$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "ingest.upload",
        target: runId ? `run:${runId}` : `upload:${fileName}`,
        details: { fileName, size: o.size, ok: false, code: error.code, error: error.message },
      }),
    );
    throw err;
  }
  const s = summary;
  await db().$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "ingest.upload",
      target: `run:${s.runId}`,
      details: {
        fileName,
        size: o.size,
        ok: true,
        format: s.format,
        new: s.new,
        updated: s.updated,
        unchanged: s.unchanged,
        rejected: s.rejected,
      },
    }),
  );
  return summary;
}
