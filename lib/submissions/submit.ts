import "server-only";
import { z } from "zod";
import { lookupArxivPaper, type ArxivLookupOptions } from "@/lib/arxiv/client";
import { MAX_ARXIV_INPUT, parseArxivInput } from "@/lib/arxiv/id";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";
import { openIngestConnection } from "@/lib/ingest/connection";
import { storageProblem } from "@/lib/ingest/normalize";
import { createStaging, prepareBatch, savePapers } from "@/lib/ingest/save-papers";
import { utcDay } from "@/lib/ingest/sources/text";
import { logger } from "@/lib/logger";
import { formatDayHeading } from "@/lib/papers/dates";
import { displayNameInput, localHandle } from "@/lib/submissions/people";

/** One schema for the form and the API: the arXiv id or URL, and the name to show when none is set yet. */
export const submitInput = z.object({
  arxiv: z
    .string({ error: "Give an arXiv id or URL" })
    .max(MAX_ARXIV_INPUT, `An arXiv id or URL is at most ${MAX_ARXIV_INPUT} characters`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "Give an arXiv id or URL")),
  name: z.preprocess((v) => (v === "" || v === null ? undefined : v), displayNameInput.optional()),
});

export interface SubmitOptions {
  userId: string;
  /** What the person typed: an arXiv id or URL. */
  arxiv: string;
  /** Their name as shown, saved on their account; required when the account has none. */
  name?: string;
  /** The moment of the submission (tests); defaults to now. */
  now?: Date;
  arxivOptions?: ArxivLookupOptions;
}

export interface SubmitResult {
  arxivId: string;
  title: string;
  /** The UTC day it is featured on, `YYYY-MM-DD`. */
  day: string;
  paperHref: string;
  dayHref: string;
}

const dayHref = (day: string) => `/papers?date=${day}`;
const paperHref = (arxivId: string) => `/papers/${arxivId}`;

function alreadyFeatured(arxivId: string, day: string): AppError {
  return new AppError("conflict", `This paper is already on the list of ${formatDayHeading(day)}: it is not featured twice.`, {
    reason: "already_featured",
    day,
    paperHref: paperHref(arxivId),
    dayHref: dayHref(day),
  });
}

function removedToday(day: string): AppError {
  return new AppError(
    "conflict",
    `An admin removed this paper from the list of ${formatDayHeading(day)}: it cannot be submitted again today.`,
    {
      reason: "removed",
      day,
    },
  );
}

function dailyLimit(limit: number, now: Date): AppError {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return new AppError(
    "rate_limited",
    `You have submitted ${limit} papers today, the most a person may (the count starts again at midnight UTC).`,
    {
      reason: "daily_limit",
      limit,
      retryAfter: Math.max(1, Math.ceil((midnight - now.getTime()) / 1000)),
    },
  );
}

/**
 * Submits a paper to today's list (UTC) for a signed-in person, every rule checked on the server:
 * a paper already featured today (or removed from today by an admin) is refused, so is one
 * published more than SUBMISSION_MAX_AGE_DAYS ago, and a person's SUBMISSIONS_PER_DAY. arXiv is
 * asked for the metadata; an unknown id, a withdrawn paper and an arXiv outage each get their
 * own answer. The paper is stored by the ingest's own save step (the one every feed goes
 * through after its parser), in one transaction with today's featured row and the submission,
 * under a lock on the person's row: concurrent submissions cannot pass the daily limit, and a
 * failure at any step leaves nothing written.
 */
export async function submitPaper(o: SubmitOptions): Promise<SubmitResult> {
  const now = o.now ?? new Date();
  const day = utcDay(now);
  const { SUBMISSIONS_PER_DAY: perDay, SUBMISSION_MAX_AGE_DAYS: maxAgeDays } = env();
  const arxivId = parseArxivInput(o.arxiv);
  if (!arxivId) {
    throw new AppError("bad_request", "That is not an arXiv id or arXiv URL (for example 2406.12345 or arxiv.org/abs/2406.12345v2).", {
      reason: "invalid_id",
    });
  }
  const user = await db().user.findUnique({ where: { id: o.userId }, select: { id: true, name: true, image: true } });
  if (!user) throw new AppError("unauthorized", "Sign in first");
  const name = o.name ?? user.name?.replace(/\s+/g, " ").trim().slice(0, 60);
  if (!name) {
    throw new AppError("bad_request", "name: Say how your name is shown next to the paper", {
      reason: "name_required",
      fieldErrors: { name: "Say how your name is shown next to the paper" },
    });
  }

  // Cheap checks first, so a refused submission does not wait for arXiv; all are checked again below, under the lock.
  const dayDate = new Date(`${day}T00:00:00Z`);
  const [count, existing] = await Promise.all([
    db().paperSubmission.count({ where: { userId: user.id, day: dayDate } }),
    db().paper.findUnique({
      where: { arxivId },
      select: { hiddenAt: true, features: { where: { day: dayDate }, select: { id: true } }, submissions: { where: { day: dayDate } } },
    }),
  ]);
  if (count >= perDay) throw dailyLimit(perDay, now);
  if (existing?.submissions.some((s) => s.removedAt)) throw removedToday(day);
  if (existing?.features.length) throw alreadyFeatured(arxivId, day);
  if (existing?.hiddenAt) throw hiddenPaper();

  const found = await lookupArxivPaper(arxivId, o.arxivOptions);
  if (found.kind === "unknown") {
    throw new AppError("not_found", `arXiv has no paper ${arxivId}: check the id.`, { reason: "unknown_id" });
  }
  if (found.withdrawn) {
    throw new AppError("bad_request", `arXiv marks ${arxivId} as withdrawn by its authors, so it cannot be featured.`, {
      reason: "withdrawn",
    });
  }
  const published = found.paper.publishedAt;
  if (!published || now.getTime() - published.getTime() > maxAgeDays * 86_400_000) {
    throw new AppError(
      "bad_request",
      `Only papers published in the last ${maxAgeDays} days can be submitted; ${arxivId} was published ${published ? `on ${formatDayHeading(utcDay(published))}` : "at an unknown date"}.`,
      { reason: "too_old", maxAgeDays },
    );
  }
  const paper = { ...found.paper, featured: null };
  const problem = storageProblem(paper);
  if (problem) throw new AppError("bad_request", `arXiv's record of ${arxivId} cannot be stored: ${problem}.`, { reason: "unstorable" });

  const handle = localHandle(user.id, name);
  const client = await openIngestConnection(db());
  let newIds: number[] = [];
  try {
    await client.query("BEGIN");
    const locked = await client.query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", [user.id]);
    if (!locked.rowCount) throw new AppError("unauthorized", "Sign in first");
    const {
      rows: [{ n }],
    } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM paper_submissions WHERE user_id = $1 AND day = $2", [
      user.id,
      day,
    ]);
    if (n >= perDay) throw dailyLimit(perDay, now);
    await createStaging(client);
    const saved = await savePapers(client, prepareBatch([paper]));
    newIds = saved.newIds;
    const {
      rows: [stored],
    } = await client.query<{ id: number; hidden: boolean; removed: boolean }>(
      `SELECT p.id, p.hidden_at IS NOT NULL AS hidden,
              EXISTS (SELECT 1 FROM paper_submissions s WHERE s.paper_id = p.id AND s.day = $2 AND s.removed_at IS NOT NULL) AS removed
         FROM papers p WHERE p.arxiv_id = $1`,
      [arxivId, day],
    );
    if (!stored) throw new AppError("internal", "The paper was not stored");
    if (stored.removed) throw removedToday(day);
    if (stored.hidden) throw hiddenPaper();
    const featured = await client.query(
      `INSERT INTO paper_features (paper_id, day, featured_at, submitter_name, submitter_fullname, submitter_avatar)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (paper_id, day) DO NOTHING RETURNING id`,
      [stored.id, day, now, handle, name, user.image],
    );
    // Another person (or a feed) featured it since the check above.
    if (!featured.rowCount) throw alreadyFeatured(arxivId, day);
    await client.query(
      `INSERT INTO paper_submissions (paper_id, user_id, day, input, submitter_name, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [stored.id, user.id, day, o.arxiv.trim().slice(0, MAX_ARXIV_INPUT), handle, now],
    );
    if (name !== user.name) await client.query("UPDATE users SET name = $2 WHERE id = $1", [user.id, name]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
  // The new title's words, for search suggestions (as after an ingest run); a failure only logs.
  if (newIds.length) {
    await db().$executeRaw`SELECT add_title_words(${newIds}::int[])`.catch((err: unknown) =>
      logger.warn({ err: String(err) }, "title words not refreshed"),
    );
  }
  refreshCachedPages();
  logger.info({ arxivId, userId: user.id, day }, "paper submitted");
  return { arxivId, title: paper.title, day, paperHref: paperHref(arxivId), dayHref: dayHref(day) };
}

function hiddenPaper(): AppError {
  return new AppError("conflict", "An admin has hidden this paper, so it cannot be featured.", { reason: "hidden" });
}
