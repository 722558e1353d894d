import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The admin doing something: who the audit log names. */
export interface Actor {
  email: string;
}

/** Prisma inside `$transaction(async (tx) => …)`: audit rows are written with the change they record. */
export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** Dotted verb, e.g. "feed.create", "paper.hide", "paper.merge". */
  action: string;
  /** What was acted on, e.g. "feed:3", "paper:2406.12345", "paper:local-17". */
  target: string;
  details?: Record<string, unknown>;
}

/** Writes one audit row, in the caller's transaction when one is given. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorEmail: actor.email.toLowerCase(),
      action: entry.action,
      target: entry.target.slice(0, 500),
      details: jsonSafe(entry.details ?? {}),
    },
  });
}

/** Dates as ISO strings, BigInts as numbers, undefined left out: what a Json column can hold. */
function jsonSafe(value: Record<string, unknown>): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v))) as Prisma.InputJsonObject;
}

export interface AuditRow {
  id: number;
  actorEmail: string;
  action: string;
  target: string;
  details: Prisma.JsonValue;
  createdAt: Date;
}

export interface ListAuditOptions {
  /** 1-based. */
  page: number;
  pageSize?: number;
  /** Only this action, or actions starting with it followed by a dot ("paper" matches "paper.hide"). */
  action?: string;
}

/** The audit log, newest first, a page at a time. */
export async function listAuditLog(o: ListAuditOptions): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const pageSize = o.pageSize ?? 50;
  const where: Prisma.AuditLogWhereInput = o.action ? { OR: [{ action: o.action }, { action: { startsWith: `${o.action}.` } }] } : {};
  const rows = await db().auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (o.page - 1) * pageSize,
    take: pageSize + 1,
    select: { id: true, actorEmail: true, action: true, target: true, details: true, createdAt: true },
  });
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** The target name of a paper in the audit log: its arXiv id when it has one. */
export function paperTarget(p: { id: number; arxivId: string | null }): string {
  return p.arxivId ? `paper:${p.arxivId}` : `paper:local-${p.id}`;
}
