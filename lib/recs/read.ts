import "server-only";
import { db } from "@/lib/db";
import { featureColumns, getLatestFeaturedDay, paperColumns, withAuthors, type PaperRow } from "@/lib/data/papers";
import type { PaperDTO } from "@/lib/data/paper-types";
import { addDays, dayRange, type DayRange } from "@/lib/papers/dates";
import { MIN_SIGNALS } from "@/lib/recs/compute";

/** Why a paper is recommended: like one of the person's papers, or the words that matched. */
export type Reason = { kind: "like"; paperId: number; title: string } | { kind: "words"; words: string[] };

export interface RecommendedPaper {
  paper: PaperDTO;
  score: number;
  reason: Reason;
}

export interface RecsStatus {
  /** Upvoted and saved papers (positive signals). */
  signals: number;
  paused: boolean;
  /** When the recommendations were last computed (null: never). */
  computedAt: Date | null;
  /** Enough signals and not paused: /for-you is personal. */
  personal: boolean;
}

export async function recsStatus(userId: string): Promise<RecsStatus> {
  const [row] = await db().$queryRaw<{ signals: number; paused: boolean; computed_at: Date | null }[]>`
    SELECT (SELECT count(*)::int FROM (
              SELECT paper_id FROM upvotes WHERE user_id = ${userId}
              UNION SELECT i.paper_id FROM reading_list_items i JOIN reading_lists l ON l.id = i.list_id WHERE l.user_id = ${userId}) s) AS signals,
           COALESCE((SELECT paused_at IS NOT NULL FROM rec_profiles WHERE user_id = ${userId}), false) AS paused,
           (SELECT computed_at FROM rec_profiles WHERE user_id = ${userId}) AS computed_at`;
  return { signals: row.signals, paused: row.paused, computedAt: row.computed_at, personal: !row.paused && row.signals >= MIN_SIGNALS };
}

/** The latest featured day's range, or its week (the 7 days ending with it). */
export async function periodRange(period: "day" | "week"): Promise<DayRange | null> {
  const latest = await getLatestFeaturedDay();
  if (!latest) return null;
  const day = dayRange(latest);
  return period === "day" ? day : { start: addDays(latest, -6), end: day.end };
}

async function toRecommended(
  rows: (PaperRow & { rec_score: number; reason_paper_id: number | null; reason_title: string | null; reason_words: string[] })[],
): Promise<RecommendedPaper[]> {
  const papers = await withAuthors(rows);
  return rows.map((r, i) => ({
    paper: papers[i],
    score: r.rec_score,
    reason:
      r.reason_paper_id !== null && r.reason_title !== null
        ? { kind: "like", paperId: r.reason_paper_id, title: r.reason_title }
        : { kind: "words", words: r.reason_words },
  }));
}

/**
 * A person's recommendations among the papers featured in `range`, best first: a lookup in
 * rec_scores (written by the job worker). Papers upvoted, saved or marked "Not interested" since
 * the last computation are left out here too.
 */
export async function listRecommendations(userId: string, range: DayRange, limit: number, offset = 0): Promise<RecommendedPaper[]> {
  const rows = await db().$queryRawUnsafe<
    (PaperRow & { rec_score: number; reason_paper_id: number | null; reason_title: string | null; reason_words: string[] })[]
  >(
    `SELECT ${paperColumns}, ${featureColumns}, s.score AS rec_score, s.reason_paper_id, rp.title AS reason_title, s.reason_words
       FROM rec_scores s
       JOIN papers p ON p.id = s.paper_id
       JOIN LATERAL (SELECT * FROM paper_features lf WHERE lf.paper_id = p.id AND lf.day >= $2::date AND lf.day < $3::date
                     ORDER BY lf.day DESC LIMIT 1) f ON true
       LEFT JOIN organizations o ON o.id = p.organization_id
       LEFT JOIN papers rp ON rp.id = s.reason_paper_id
      WHERE s.user_id = $1 AND p.hidden_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM upvotes u WHERE u.user_id = $1 AND u.paper_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM rec_dismissals d WHERE d.user_id = $1 AND d.paper_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM reading_list_items i JOIN reading_lists l ON l.id = i.list_id
                         WHERE l.user_id = $1 AND i.paper_id = p.id)
      ORDER BY s.score DESC, p.id DESC
      LIMIT $4 OFFSET $5`,
    userId,
    range.start,
    range.end,
    limit,
    offset,
  );
  return toRecommended(rows);
}

/** "Papers like this list": the list's own recommendations (the worker computes them from its papers). */
export async function listLikeThisList(listId: number, limit = 10): Promise<RecommendedPaper[]> {
  const rows = await db().$queryRawUnsafe<
    (PaperRow & { rec_score: number; reason_paper_id: number | null; reason_title: string | null; reason_words: string[] })[]
  >(
    `SELECT ${paperColumns}, ${featureColumns}, s.score AS rec_score, s.reason_paper_id, rp.title AS reason_title, s.reason_words
       FROM rec_list_scores s
       JOIN papers p ON p.id = s.paper_id
       LEFT JOIN LATERAL (SELECT * FROM paper_features lf WHERE lf.paper_id = p.id ORDER BY lf.day DESC LIMIT 1) f ON true
       LEFT JOIN organizations o ON o.id = p.organization_id
       LEFT JOIN papers rp ON rp.id = s.reason_paper_id
      WHERE s.list_id = $1 AND p.hidden_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM reading_list_items i WHERE i.list_id = $1 AND i.paper_id = p.id)
      ORDER BY s.score DESC, p.id DESC
      LIMIT $2`,
    listId,
    limit,
  );
  return toRecommended(rows);
}

/** The papers a person marked "Not interested", newest first (for /profile). */
export async function listNotInterested(userId: string, limit = 100): Promise<{ id: number; arxivId: string | null; title: string }[]> {
  const rows = await db().$queryRaw<{ id: number; arxiv_id: string | null; title: string }[]>`
    SELECT p.id, p.arxiv_id, p.title FROM rec_dismissals d JOIN papers p ON p.id = d.paper_id
    WHERE d.user_id = ${userId} ORDER BY d.created_at DESC, p.id DESC LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, arxivId: r.arxiv_id, title: r.title }));
}

/** Which of these papers the person marked "Not interested" (the viewer-state pattern). */
export async function notInterestedAmong(userId: string, paperIds: number[]): Promise<number[]> {
  if (paperIds.length === 0) return [];
  const rows = await db().$queryRaw<{ paper_id: number }[]>`
    SELECT paper_id FROM rec_dismissals WHERE user_id = ${userId} AND paper_id = ANY(${paperIds}::int[])`;
  return rows.map((r) => r.paper_id);
}

/** A reason as one line of text (the API's `reason`, the email). */
export function reasonText(reason: Reason): string {
  return reason.kind === "like"
    ? `Like “${reason.title}”`
    : reason.words.length
      ? `Matches ${reason.words.join(", ")}`
      : "Matches your papers";
}
