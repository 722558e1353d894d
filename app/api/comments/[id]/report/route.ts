import { NextResponse } from "next/server";
import { reportComment } from "@/lib/comments/comments";
import { commentIdParam, reportInput } from "@/lib/comments/schemas";
import { withViewer } from "@/lib/http/route-handler";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** POST /api/comments/{id}/report: `{ reason? }` flags a comment for the admins (once per person). */
export const POST = withViewer<Context>({ mutation: true }, async (request, viewer, { params }) => {
  const commentId = parseInput(commentIdParam, (await params).id);
  const { reason } = parseInput(reportInput, await readJsonBody(request, 8_192));
  return NextResponse.json(await reportComment({ userId: viewer.id, commentId, reason }), { headers: privateHeaders });
});
