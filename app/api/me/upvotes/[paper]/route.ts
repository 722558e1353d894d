import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { resolvePaperId } from "@/lib/people/paper-ref";
import { setUpvote } from "@/lib/people/upvotes";
import { safeDecode } from "@/lib/http/safe-decode";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ paper: string }> };

function set(on: boolean) {
  return withViewer<Context>({ mutation: true }, async (_request, viewer, { params }) => {
    const paperId = await resolvePaperId(safeDecode((await params).paper));
    return NextResponse.json(await setUpvote(viewer.id, paperId, on));
  });
}

/** PUT /api/me/upvotes/{arXiv id or paper id}: upvote (idempotent). Answers `{ upvoted, upvotes }`. */
export const PUT = set(true);

/** DELETE /api/me/upvotes/{arXiv id or paper id}: take the upvote back (idempotent). */
export const DELETE = set(false);
