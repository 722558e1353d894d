import { NextResponse, type NextRequest } from "next/server";
import { toDailyEntry } from "@/lib/hf-api/shape";
import { getLatestFeaturedDay, listFeaturedPapers } from "@/lib/data/papers";
import { cachedAnswer, jsonAnswer, type EncodedAnswer } from "@/lib/http/encoded-cache";
import { cacheHeaders, hfError, hfRoute } from "@/lib/hf-api/response";
import { dayRange, type DayRange } from "@/lib/papers/dates";
import { dailyPapersQuery, firstIssue, requestedRange, type DailyPapersQuery } from "@/lib/hf-api/params";

export const dynamic = "force-dynamic";

/** How long an answer is kept: the list pages' revalidate time. */
const KEEP_MS = 60_000;

async function answer(q: DailyPapersQuery, requested: DayRange | null): Promise<EncodedAnswer> {
  let range = requested;
  if (!range) {
    const latest = await getLatestFeaturedDay();
    if (!latest) return jsonAnswer([]);
    range = dayRange(latest);
  }
  const sort = q.sort === "trending" ? "trending" : "listed";
  const { papers } = await listFeaturedPapers({
    range,
    sort,
    limit: q.limit,
    offset: q.p * q.limit,
    submitter: q.submitter,
    arxivOnly: true,
  });
  return jsonAnswer(papers.map(toDailyEntry), cacheHeaders(range.end));
}

/**
 * GET /api/daily_papers: Hugging Face's daily-papers API, same parameters and shape. Answers
 * are kept encoded for a minute (lib/http/encoded-cache.ts), keyed by the validated query, so
 * junk parameters cannot multiply them.
 */
export const GET = hfRoute(async (request: NextRequest) => {
  const parsed = dailyPapersQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return hfError(400, firstIssue(parsed.error));
  const q = parsed.data;
  const range = requestedRange(q);
  const key = JSON.stringify(["daily_papers", range?.start ?? "latest", range?.end ?? null, q.sort, q.limit, q.p, q.submitter ?? null]);
  const { body, headers } = await cachedAnswer(key, KEEP_MS, () => answer(q, range));
  return new NextResponse(body as BodyInit, { headers });
});
