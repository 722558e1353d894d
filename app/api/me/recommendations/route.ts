import { NextResponse } from "next/server";
import { toDailyEntry } from "@/lib/hf-api/shape";
import { withViewer } from "@/lib/http/route-handler";
import { explicitRange, recommendationsQuery } from "@/lib/recs/params";
import { listRecommendations, periodRange, reasonText } from "@/lib/recs/read";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * GET /api/me/recommendations (session or personal API token): the viewer's "For you" papers,
 * best first, as daily-papers entries each with a `reason`. Empty when personalisation is paused
 * or has fewer than three signals; upvoted, saved and "Not interested" papers are left out.
 */
export const GET = withViewer({ mutation: false }, async (request, viewer) => {
  const q = parseInput(recommendationsQuery, Object.fromEntries(request.nextUrl.searchParams));
  const range = explicitRange(q) ?? (await periodRange(q.period ?? "day"));
  const recs = range ? await listRecommendations(viewer.id, range, q.limit) : [];
  return NextResponse.json(
    recs.map((r) => ({ ...toDailyEntry(r.paper), reason: reasonText(r.reason) })),
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
