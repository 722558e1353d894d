import "server-only";
import { db } from "@/lib/db";
import { feedUrls } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { pollFeed } from "@/lib/jobs/poll-feeds";
import { recordAudit, type Actor } from "@/lib/admin/audit";
import type { FeedInput } from "@/lib/admin/validation";

export interface FeedRunSummary {
  id: number;
  status: "running" | "succeeded" | "failed" | "not_modified";
  startedAt: Date;
  finishedAt: Date | null;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  format: string | null;
}

export interface AdminFeed {
  id: number;
  name: string;
  url: string;
  /** null: detected at each poll. */
  format: string | null;
  enabled: boolean;
  pollIntervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  nextPollAt: Date;
  createdAt: Date;
  /** Listed in FEED_URLS: deleting it only lasts until the next start (pause it instead). */
  configured: boolean;
  lastRun: FeedRunSummary | null;
}

const runSelect = {
  id: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  newCount: true,
  updatedCount: true,
  unchangedCount: true,
  rejectedCount: true,
  format: true,
} as const;

const feedSelect = {
  id: true,
  name: true,
  url: true,
  format: true,
  enabled: true,
  pollIntervalMinutes: true,
  etag: true,
  lastModified: true,
  lastPolledAt: true,
  lastStatus: true,
  lastError: true,
  nextPollAt: true,
  createdAt: true,
  runs: { orderBy: { id: "desc" }, take: 1, select: runSelect },
} as const;

type FeedRow = Prisma.FeedSourceGetPayload<{ select: typeof feedSelect }>;

function toAdminFeed(row: FeedRow, configured: Set<string>): AdminFeed {
  const { runs, ...rest } = row;
  return { ...rest, configured: configured.has(row.url), lastRun: runs[0] ?? null };
}

/** Every feed, by name; there are tens of them, not thousands. */
export async function listFeeds(): Promise<AdminFeed[]> {
  const configured = new Set(feedUrls());
  const rows = await db().feedSource.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: feedSelect });
  return rows.map((r) => toAdminFeed(r, configured));
}

export async function getFeed(id: number): Promise<(AdminFeed & { recentRuns: FeedRunSummary[] }) | null> {
  const row = await db().feedSource.findUnique({ where: { id }, select: feedSelect });
  if (!row) return null;
  const recentRuns = await db().ingestRun.findMany({ where: { sourceId: id }, orderBy: { id: "desc" }, take: 10, select: runSelect });
  return { ...toAdminFeed(row, new Set(feedUrls())), recentRuns };
}

/** A readable default name: host and path of the URL. */
export function defaultFeedName(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname === "/" ? "" : u.pathname}${u.search}`.slice(0, 200);
}

function conflictOnUrl(err: unknown): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    throw new AppError("conflict", "A feed with this URL already exists");
  }
  throw err;
}

export async function createFeed(actor: Actor, input: FeedInput): Promise<AdminFeed> {
  const name = input.name || defaultFeedName(input.url);
  try {
    const row = await db().$transaction(async (tx) => {
      const feed = await tx.feedSource.create({
        data: {
          name,
          url: input.url,
          format: input.format,
          enabled: input.enabled,
          pollIntervalMinutes: input.pollIntervalMinutes,
          nextPollAt: new Date(),
        },
        select: feedSelect,
      });
      await recordAudit(tx, actor, {
        action: "feed.create",
        target: `feed:${feed.id}`,
        details: {
          name,
          url: input.url,
          format: input.format ?? "auto",
          enabled: input.enabled,
          pollIntervalMinutes: input.pollIntervalMinutes,
        },
      });
      return feed;
    });
    return toAdminFeed(row, new Set(feedUrls()));
  } catch (err) {
    conflictOnUrl(err);
  }
}

/**
 * Edits a feed. A new URL starts afresh (no validators, no last status) and is polled at the
 * next minute; a new interval counts from the last poll.
 */
export async function updateFeed(actor: Actor, id: number, input: FeedInput): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      const before = await tx.feedSource.findUnique({ where: { id } });
      if (!before) throw new AppError("not_found", "No such feed (deleted meanwhile?)");
      const name = input.name || before.name;
      const urlChanged = before.url !== input.url;
      const intervalChanged = before.pollIntervalMinutes !== input.pollIntervalMinutes;
      const now = new Date();
      await tx.feedSource.update({
        where: { id },
        data: {
          name,
          url: input.url,
          format: input.format,
          enabled: input.enabled,
          pollIntervalMinutes: input.pollIntervalMinutes,
          ...(urlChanged ? { etag: null, lastModified: null, lastStatus: null, lastError: null, nextPollAt: now } : {}),
          ...(!urlChanged && intervalChanged
            ? { nextPollAt: new Date((before.lastPolledAt ?? now).getTime() + input.pollIntervalMinutes * 60_000) }
            : {}),
        },
      });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const after = { name, url: input.url, format: input.format, enabled: input.enabled, pollIntervalMinutes: input.pollIntervalMinutes };
      for (const [key, to] of Object.entries(after)) {
        const from = before[key as keyof typeof after];
        if (from !== to) changes[key] = { from, to };
      }
      await recordAudit(tx, actor, { action: "feed.update", target: `feed:${id}`, details: { changes } });
    });
  } catch (err) {
    conflictOnUrl(err);
  }
}

/** Pauses (no scheduled polls) or resumes a feed; a resumed feed is polled at the next minute if it is due. */
export async function setFeedEnabled(actor: Actor, id: number, enabled: boolean): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.feedSource.updateMany({ where: { id }, data: { enabled } });
    if (!count) throw new AppError("not_found", "No such feed (deleted meanwhile?)");
    await recordAudit(tx, actor, { action: enabled ? "feed.resume" : "feed.pause", target: `feed:${id}` });
  });
}

/** Deletes a feed; its past runs stay in the history, without a source. */
export async function deleteFeed(actor: Actor, id: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const feed = await tx.feedSource.findUnique({ where: { id }, select: { name: true, url: true } });
    if (!feed) throw new AppError("not_found", "No such feed (deleted already?)");
    await tx.feedSource.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "feed.delete", target: `feed:${id}`, details: feed });
  });
}

export type PollNowResult =
  { ok: true; runId: number; status: "succeeded" | "not_modified" } | { ok: false; runId: number | null; error: string };

/**
 * Polls a feed now, in this request: the same conditional GET and ingestion as the schedule
 * (lib/jobs/poll-feeds.ts), so the feed's status, validators and the run are recorded the
 * same way. The next scheduled poll moves one interval on, so the schedule does not poll it
 * again a minute later. The audit row is written after the poll (the ingestion commits in
 * its own transaction), with the outcome.
 */
export async function pollFeedNow(actor: Actor, id: number): Promise<PollNowResult> {
  const prisma = db();
  const feed = await prisma.feedSource.findUnique({ where: { id }, select: { pollIntervalMinutes: true } });
  if (!feed) throw new AppError("not_found", "No such feed (deleted meanwhile?)");
  const startedAt = new Date();
  await prisma.feedSource.update({
    where: { id },
    data: { nextPollAt: new Date(startedAt.getTime() + feed.pollIntervalMinutes * 60_000) },
  });
  let result: PollNowResult;
  try {
    const polled = await pollFeed(prisma, id, "admin");
    if ("skipped" in polled) throw new AppError("not_found", "No such feed (deleted meanwhile?)");
    if (polled.notModified) {
      const run = await prisma.ingestRun.findFirst({
        where: { sourceId: id, status: "not_modified", startedAt: { gte: startedAt } },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      result = { ok: true, runId: run?.id ?? 0, status: "not_modified" };
    } else {
      result = { ok: true, runId: polled.runId, status: "succeeded" };
    }
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") throw err;
    const runId = err instanceof AppError && typeof err.details?.runId === "number" ? err.details.runId : null;
    result = { ok: false, runId, error: err instanceof Error ? err.message : String(err) };
  }
  await prisma.$transaction((tx) => recordAudit(tx, actor, { action: "feed.poll", target: `feed:${id}`, details: { ...result } }));
  return result;
}
