import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { ingestUrl } from "@/lib/ingest/ingest-url";
import type { FeedFormat } from "@/lib/ingest/types";
import { logger } from "@/lib/logger";

const log = logger.child({ component: "feed-poller" });

/**
 * Claims the feeds whose next poll is due and moves their next poll forward, in one
 * statement with SKIP LOCKED: two instances running this at once claim disjoint sets,
 * so each due feed is polled once.
 */
export async function claimDueFeeds(prisma: PrismaClient, now = new Date()): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE feed_sources f SET next_poll_at = ${now}::timestamptz + make_interval(mins => f.poll_interval_minutes)
     WHERE f.id IN (SELECT id FROM feed_sources WHERE enabled AND next_poll_at <= ${now}::timestamptz
                     ORDER BY next_poll_at FOR UPDATE SKIP LOCKED)
    RETURNING f.id`;
  return rows.map((r) => r.id);
}

/**
 * Polls one feed: a conditional GET, then ingestion when it changed; the outcome is kept on the
 * feed. `trigger` says who asked: the schedule, or an admin's "poll now".
 */
export async function pollFeed(prisma: PrismaClient, sourceId: number, trigger: "schedule" | "admin" = "schedule") {
  const source = await prisma.feedSource.findUnique({ where: { id: sourceId } });
  if (!source) return { skipped: "feed no longer exists" as const };
  try {
    const result = await ingestUrl(source.url, {
      trigger,
      sourceId,
      prisma,
      format: (source.format as FeedFormat | null) ?? undefined,
      validators: { etag: source.etag, lastModified: source.lastModified },
    });
    await prisma.feedSource.update({
      where: { id: sourceId },
      data: {
        lastPolledAt: new Date(),
        lastStatus: result.httpStatus,
        etag: result.etag,
        lastModified: result.lastModified,
        lastError: null,
      },
    });
    if (result.notModified) {
      await prisma.ingestRun.create({ data: { origin: source.url, trigger, sourceId, status: "not_modified", finishedAt: new Date() } });
    }
    log.info({ sourceId, url: source.url, status: result.httpStatus }, "feed polled");
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const status = err instanceof AppError ? ((err.details?.upstreamStatus as number | undefined) ?? null) : null;
    await prisma.feedSource.update({
      where: { id: sourceId },
      data: { lastPolledAt: new Date(), lastStatus: status, lastError: message.slice(0, 2000) },
    });
    log.warn({ sourceId, url: source.url, err: message }, "feed poll failed");
    throw err;
  }
}

/** Makes the FEED_URLS of the configuration into feed sources (new ones only; edits stay). */
export async function syncConfiguredFeeds(prisma: PrismaClient, urls: string[], pollIntervalMinutes: number) {
  for (const url of urls) {
    await prisma.feedSource.upsert({
      where: { url },
      create: { url, name: feedName(url), pollIntervalMinutes },
      update: {},
    });
  }
}

function feedName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === "/" ? "" : u.pathname}${u.search}`.slice(0, 200);
  } catch {
    return url.slice(0, 200);
  }
}
