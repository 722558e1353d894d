import { NextResponse, type NextRequest } from "next/server";
import { toDailyEntry } from "@/lib/api/hf-shape";
import { getLatestFeaturedDay, listFeaturedPapers } from "@/lib/data/papers";
import { cacheHeaders, hfError, hfRoute } from "@/lib/http/hf-response";
import { dayRange } from "@/lib/papers/dates";
import { dailyPapersQuery, firstIssue, requestedRange } from "@/lib/validation/hf-api";

export const dynamic = "force-dynamic";

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
  const { papers } = await listFeaturedPapers({
    range,
    sort: q.sort === "trending" ? "trending" : "listed",
    limit: q.limit,
    offset: q.p * q.limit,
    submitter: q.submitter,
    arxivOnly: true,
  });
  return NextResponse.json(papers.map(toDailyEntry), { headers: cacheHeaders(range.end) });
});
