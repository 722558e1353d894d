import { NextResponse } from "next/server";
import { deleteOwnComment, editComment } from "@/lib/comments/comments";
import { commentIdParam, editCommentInput, MAX_BODY_BYTES } from "@/lib/comments/schemas";
import { withViewer } from "@/lib/http/route-handler";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/comments/{id}: `{ body }` changes the text of one's own comment (someone else's is 404). */
export const PATCH = withViewer<Context>({ mutation: true }, async (request, viewer, { params }) => {
  const commentId = parseInput(commentIdParam, (await params).id);
  const { body } = parseInput(editCommentInput, await readJsonBody(request, MAX_BODY_BYTES));
  return NextResponse.json(await editComment({ userId: viewer.id, commentId, body }), { headers: privateHeaders });
});

/** DELETE /api/comments/{id}: deletes one's own comment ("deleted" stays in place while replies answer it). */
export const DELETE = withViewer<Context>({ mutation: true }, async (_request, viewer, { params }) => {
  const commentId = parseInput(commentIdParam, (await params).id);
  await deleteOwnComment({ userId: viewer.id, commentId });
  return new Response(null, { status: 204, headers: privateHeaders });
});
