import "server-only";
import { db } from "@/lib/db";

export interface AdminOverview {
  feeds: { total: number; paused: number; failing: number };
  runs: { last24h: number; failedLast24h: number; lastFailedId: number | null };
  papers: { approximateTotal: number; hidden: number; merged: number };
  digests: { failed: number; gaveUp: number; unknown: number; paused: number };
  audit: { last: { action: string; actorEmail: string; createdAt: Date } | null };
}

/** The counts on the admin home page: each one a cheap indexed count. */
export async function getAdminOverview(now = new Date()): Promise<AdminOverview> {
  const prisma = db();
  const since = new Date(now.getTime() - 86_400_000);
  const [
    feedsTotal,
    feedsPaused,
    feedsFailing,
    runs24,
    failed24,
    lastFailed,
    papersTotal,
    hidden,
    merged,
    failed,
    gaveUp,
    unknown,
    paused,
    lastAudit,
  ] = await Promise.all([
    prisma.feedSource.count(),
    prisma.feedSource.count({ where: { enabled: false } }),
    prisma.feedSource.count({ where: { lastError: { not: null } } }),
    prisma.ingestRun.count({ where: { startedAt: { gte: since } } }),
    prisma.ingestRun.count({ where: { startedAt: { gte: since }, status: "failed" } }),
    prisma.ingestRun.findFirst({ where: { status: "failed" }, orderBy: { id: "desc" }, select: { id: true } }),
    countPapers(),
    prisma.paper.count({ where: { hiddenAt: { not: null } } }),
    prisma.paper.count({ where: { mergedIntoId: { not: null } } }),
    prisma.digestSend.count({ where: { status: "failed" } }),
    prisma.digestSend.count({ where: { status: "gave_up" } }),
    prisma.digestSend.count({ where: { status: "unknown" } }),
    prisma.subscription.count({ where: { status: "paused" } }),
    prisma.auditLog.findFirst({ orderBy: { id: "desc" }, select: { action: true, actorEmail: true, createdAt: true } }),
  ]);
  return {
    feeds: { total: feedsTotal, paused: feedsPaused, failing: feedsFailing },
    runs: { last24h: runs24, failedLast24h: failed24, lastFailedId: lastFailed?.id ?? null },
    papers: { approximateTotal: papersTotal, hidden, merged },
    digests: { failed, gaveUp, unknown, paused },
    audit: { last: lastAudit },
  };
}

/**
 * The planner's estimate of the papers table's size, counted exactly when small (or never
 * analysed): counting reads every row, and at millions of papers "about" is enough.
 */
async function countPapers(): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'papers'::regclass`;
  const estimate = row?.n ?? -1;
  return estimate >= 100_000 ? Math.round(estimate) : db().paper.count();
}
