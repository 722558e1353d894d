import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { safeDecode } from "@/lib/http/safe-decode";
import { resolvePaperId } from "@/lib/people/paper-ref";
import { setNotInterested } from "@/lib/recs/signals";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ paper: string }> };

function set(on: boolean) {
  return withViewer<Context>({ mutation: true }, async (_request, viewer, { params }) => {
    const paperId = await resolvePaperId(safeDecode((await params).paper));
    return NextResponse.json(await setNotInterested(viewer.id, paperId, on));
  });
}

/** PUT /api/me/recommendations/not-interested/{arXiv id or paper id}: "Not interested" (idempotent). */
export const PUT = set(true);

/** DELETE …: undo (idempotent). */
export const DELETE = set(false);
