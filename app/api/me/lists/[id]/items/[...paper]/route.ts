import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http/api-error";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { addToList, listsHoldingPaper, removeFromList, updateListItem } from "@/lib/lists/items";
import { itemJson } from "@/lib/lists/serialize";
import { parseInput, parseListId, patchItemSchema, putItemSchema } from "@/lib/lists/validation";
import { resolvePaperId } from "@/lib/people/paper-ref";

export const dynamic = "force-dynamic";

/** `paper` is an arXiv id (old-style ids have a slash, hence the catch-all) or a paper id. */
type Context = { params: Promise<{ id: string; paper: string[] }> };

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function target(request: NextRequest, context: Context) {
  const viewer = await requireViewer(request, { mutation: true });
  const { id, paper } = await context.params;
  const listId = parseListId(id);
  const paperId = await resolvePaperId(paper.map(safeDecode).join("/"));
  return { viewer, listId, paperId };
}

/**
 * PUT /api/me/lists/{id}/items/{paper} `{ note? }`: add the paper (idempotent; at the end of
 * the manual order). Answers `{ paperId, added, listIds }`, `listIds` being every list of the
 * viewer's that now holds the paper.
 */
export async function PUT(request: NextRequest, context: Context) {
  try {
    const { viewer, listId, paperId } = await target(request, context);
    const { note } = parseInput(putItemSchema, await readJsonBody(request));
    const { added } = await addToList(viewer.id, listId, paperId, note);
    return NextResponse.json(
      { paperId, added, listIds: await listsHoldingPaper(viewer.id, paperId) },
      { status: added ? 201 : 200, headers: privateHeaders },
    );
  } catch (err) {
    return errorResponse(err);
  }
}

/** DELETE /api/me/lists/{id}/items/{paper}: take it out (idempotent). `{ paperId, removed, listIds }`. */
export async function DELETE(request: NextRequest, context: Context) {
  try {
    const { viewer, listId, paperId } = await target(request, context);
    const { removed } = await removeFromList(viewer.id, listId, paperId);
    return NextResponse.json({ paperId, removed, listIds: await listsHoldingPaper(viewer.id, paperId) }, { headers: privateHeaders });
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * PATCH /api/me/lists/{id}/items/{paper} `{ note?, read?, position? }`: `position` is the
 * 0-based index to move to in the manual order. Answers `{ item: {…, index} }`.
 */
export async function PATCH(request: NextRequest, context: Context) {
  try {
    const { viewer, listId, paperId } = await target(request, context);
    const patch = parseInput(patchItemSchema, await readJsonBody(request));
    const { index, ...item } = await updateListItem(viewer.id, listId, paperId, patch);
    return NextResponse.json({ item: { ...itemJson(item), index } }, { headers: privateHeaders });
  } catch (err) {
    return errorResponse(err);
  }
}
