import { NextResponse, type NextRequest } from "next/server";
import { toDailyEntry } from "@/lib/hf-api/shape";
import { searchPaperList } from "@/lib/data/search";
import { hfError, hfRoute } from "@/lib/hf-api/response";
import { parseSearchQuery } from "@/lib/search/query";
import { firstIssue, searchQuery } from "@/lib/hf-api/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/papers/search?q=: entries in the daily-papers shape, best match first, as on
 * Hugging Face. `prefix=1` also matches the last word as a prefix (search as you type).
 */
export const GET = hfRoute(async (request: NextRequest) => {
  const parsed = searchQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return hfError(400, firstIssue(parsed.error));
  const { q, limit, p, prefix } = parsed.data;
  const query = parseSearchQuery(q, { prefixLast: prefix === "1" || prefix === "true" });
  if (!query) return NextResponse.json([]);
  const { papers } = await searchPaperList({ tsquery: query.tsquery, limit, offset: p * limit, arxivOnly: true });
  return NextResponse.json(papers.map(toDailyEntry));
});
