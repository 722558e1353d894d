import { unstable_cache } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { toDailyEntry } from "@/lib/api/hf-shape";
import { getLatestFeaturedDay, listFeaturedPapers } from "@/lib/data/papers";
import { cacheHeaders, hfError, hfRoute } from "@/lib/http/hf-response";
import { dayRange } from "@/lib/papers/dates";
import { dailyPapersQuery, firstIssue, requestedRange } from "@/lib/validation/hf-api";

export const dynamic = "force-dynamic";

/**
 * One page of entries, kept in Next's data cache for a minute (the list pages' revalidate
 * time) and dropped with them when papers change through this server (the "papers" tag).
 * The key is the validated query, so junk parameters cannot multiply the cache.
 */
const cachedEntries = unstable_cache(
  async (rangeStart: string, rangeEnd: string, sort: "trending" | "listed", limit: number, offset: number, submitter: string | null) => {
    const { papers } = await listFeaturedPapers({ range: { start: rangeStart, end: rangeEnd }, sort, limit, offset, submitter: submitter ?? undefined, arxivOnly: true });
    return papers.map(toDailyEntry);
  },
  ["api-daily-papers-v1"],
  { revalidate: 60, tags: ["papers"] },
);

/** GET /api/daily_papers: Hugging Face's daily-papers API, same parameters and shape. */
export const GET = hfRoute(async (request: NextRequest) => {
  const parsed = dailyPapersQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return hfError(400, firstIssue(parsed.error));
  const q = parsed.data;

  let range = requestedRange(q);
  if (!range) {
    const latest = await getLatestFeaturedDay();
    if (!latest) return NextResponse.json([]);
    range = dayRange(latest);
  }
  const entries = await cachedEntries(range.start, range.end, q.sort === "trending" ? "trending" : "listed", q.limit, q.p * q.limit, q.submitter ?? null);
  return NextResponse.json(entries, { headers: cacheHeaders(range.end) });
});
