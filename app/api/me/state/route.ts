import { NextResponse } from "next/server";
import { viewerFrom } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/route-handler";
import { liveUpvoteCounts, viewerPaperState } from "@/lib/people/viewer-state";
import { parsePaperIds } from "@/lib/validation/paper-ids";

export const dynamic = "force-dynamic";

/**
 * GET /api/me/state?papers=1,2,3: the viewer's upvotes and list memberships for the papers on
 * a page, and their live upvote counts. Pages are rendered the same for everyone (so they can
 * be cached); this fills in what is the viewer's own, and what changed since, after load.
 * Signed out: `user: null` and the counts.
 */
export const GET = withErrors(async (request) => {
  const viewer = await viewerFrom(request);
  const headers = { "cache-control": "private, no-store" };
  const ids = parsePaperIds(request.nextUrl.searchParams.get("papers"));
  if (!viewer)
    return NextResponse.json({ user: null, counts: await liveUpvoteCounts(ids), upvoted: [], lists: [], saved: {} }, { headers });
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { id: true, name: true, email: true } });
  return NextResponse.json(await viewerPaperState(user, ids), { headers });
});
