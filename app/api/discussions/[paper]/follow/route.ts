import { NextResponse } from "next/server";
import { setFollow } from "@/lib/comments/comments";
import { withViewer } from "@/lib/http/route-handler";
import { safeDecode } from "@/lib/http/safe-decode";
import { privateHeaders } from "@/lib/lists/http";
import { resolvePaperId } from "@/lib/people/paper-ref";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ paper: string }> };

function set(on: boolean) {
  return withViewer<Context>({ mutation: true }, async (_request, viewer, { params }) => {
    const paperId = await resolvePaperId(safeDecode((await params).paper));
    return NextResponse.json(await setFollow({ userId: viewer.id, paperId, on }), { headers: privateHeaders });
  });
}

/** PUT /api/discussions/{paper}/follow: follow the discussion (emails about new comments); idempotent. */
export const PUT = set(true);

/** DELETE /api/discussions/{paper}/follow: stop following; idempotent. */
export const DELETE = set(false);
