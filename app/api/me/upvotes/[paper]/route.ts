import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http/api-error";
import { resolvePaperId } from "@/lib/people/paper-ref";
import { setUpvote } from "@/lib/people/upvotes";
import { safeDecode } from "@/lib/http/safe-decode";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ paper: string }> };

async function set(request: NextRequest, { params }: Context, on: boolean) {
  try {
    const viewer = await requireViewer(request, { mutation: true });
    const paperId = await resolvePaperId(safeDecode((await params).paper));
    return NextResponse.json(await setUpvote(viewer.id, paperId, on));
  } catch (err) {
    return errorResponse(err);
  }
}

/** PUT /api/me/upvotes/{arXiv id or paper id}: upvote (idempotent). Answers `{ upvoted, upvotes }`. */
export const PUT = (request: NextRequest, context: Context) => set(request, context, true);

/** DELETE /api/me/upvotes/{arXiv id or paper id}: take the upvote back (idempotent). */
export const DELETE = (request: NextRequest, context: Context) => set(request, context, false);
