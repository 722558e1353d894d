import { NextResponse } from "next/server";
import { isAdmin } from "@/lib/auth/admin";
import { viewerFrom } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/comments";
import { discussionViewer } from "@/lib/comments/viewer";
import { notifyAfterCommit } from "@/lib/comments/notify";
import { MAX_BODY_BYTES, newCommentInput } from "@/lib/comments/schemas";
import { getThread } from "@/lib/comments/thread";
import { withErrors, withViewer } from "@/lib/http/route-handler";
import { safeDecode } from "@/lib/http/safe-decode";
import { readJsonBody, privateHeaders } from "@/lib/lists/http";
import { resolvePaperId } from "@/lib/people/paper-ref";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ paper: string }> };

/**
 * GET /api/discussions/{paper id or arXiv id}: the paper's discussion, loaded by the paper page
 * after it renders (the page itself is cached and the same for everyone), with what is the
 * viewer's own: which comments they may edit, whether they follow it. Signed out: `viewer: null`.
 */
export const GET = withErrors<Context>(async (request, { params }) => {
  const paperId = await resolvePaperId(safeDecode((await params).paper));
  const viewer = await viewerFrom(request);
  const [thread, me] = await Promise.all([
    getThread(paperId, viewer?.id ?? null),
    viewer ? discussionViewer(viewer.id, paperId, () => isAdmin(viewer)) : Promise.resolve(null),
  ]);
  return NextResponse.json({ ...thread, viewer: me }, { headers: privateHeaders });
});

/**
 * POST /api/discussions/{paper}: `{ body, parentId? }` posts a comment (or a reply) as the viewer,
 * who then follows the discussion. 201 with the comment's id and HTML. Its emails go out from the
 * job worker after the commit.
 */
export const POST = withViewer<Context>({ mutation: true }, async (request, viewer, { params }) => {
  const paperId = await resolvePaperId(safeDecode((await params).paper));
  const input = parseInput(newCommentInput, await readJsonBody(request, MAX_BODY_BYTES));
  const saved = await createComment({ userId: viewer.id, paperId, body: input.body, parentId: input.parentId });
  await notifyAfterCommit(saved.id);
  return NextResponse.json(saved, { status: 201, headers: privateHeaders });
});
