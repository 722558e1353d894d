import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { safeDecode } from "@/lib/http/safe-decode";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { addToList, listsHoldingPaper, removeFromList, updateListItem } from "@/lib/lists/items";
import { itemJson } from "@/lib/lists/serialize";
import { parseListId, patchItemSchema, putItemSchema } from "@/lib/lists/validation";
import { parseInput } from "@/lib/validation/parse-input";
import { resolvePaperId } from "@/lib/people/paper-ref";

export const dynamic = "force-dynamic";

/** `paper` is an arXiv id (old-style ids have a slash, hence the catch-all) or a paper id. */
type Context = { params: Promise<{ id: string; paper: string[] }> };

/** The list and the paper a request names. */
async function target(context: Context) {
  const { id, paper } = await context.params;
  const listId = parseListId(id);
  const paperId = await resolvePaperId(paper.map(safeDecode).join("/"));
  return { listId, paperId };
}

/**
 * PUT /api/me/lists/{id}/items/{paper} `{ note? }`: add the paper (idempotent; at the end of
 * the manual order). Answers `{ paperId, added, listIds }`, `listIds` being every list of the
 * viewer's that now holds the paper.
 */
export const PUT = withViewer<Context>({ mutation: true }, async (request, viewer, context) => {
  const { listId, paperId } = await target(context);
  const { note } = parseInput(putItemSchema, await readJsonBody(request));
  const { added } = await addToList(viewer.id, listId, paperId, note);
  return NextResponse.json(
    { paperId, added, listIds: await listsHoldingPaper(viewer.id, paperId) },
    { status: added ? 201 : 200, headers: privateHeaders },
  );
});

/** DELETE /api/me/lists/{id}/items/{paper}: take it out (idempotent). `{ paperId, removed, listIds }`. */
export const DELETE = withViewer<Context>({ mutation: true }, async (_request, viewer, context) => {
  const { listId, paperId } = await target(context);
  const { removed } = await removeFromList(viewer.id, listId, paperId);
  return NextResponse.json({ paperId, removed, listIds: await listsHoldingPaper(viewer.id, paperId) }, { headers: privateHeaders });
});

/**
 * PATCH /api/me/lists/{id}/items/{paper} `{ note?, read?, position? }`: `position` is the
 * 0-based index to move to in the manual order. Answers `{ item: {…, index} }`.
 */
export const PATCH = withViewer<Context>({ mutation: true }, async (request, viewer, context) => {
  const { listId, paperId } = await target(context);
  const patch = parseInput(patchItemSchema, await readJsonBody(request));
  const { index, ...item } = await updateListItem(viewer.id, listId, paperId, patch);
  return NextResponse.json({ item: { ...itemJson(item), index } }, { headers: privateHeaders });
});
