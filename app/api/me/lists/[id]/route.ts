import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { listEntries } from "@/lib/lists/items";
import { deleteReadingList, getReadingList, renameReadingList, setReadingListShared } from "@/lib/lists/lists";
import { entryJson, listJson } from "@/lib/lists/serialize";
import { listViewSchema, parseListId, patchListSchema } from "@/lib/lists/validation";
import { parseInput } from "@/lib/validation/parse-input";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/me/lists/{id}?sort=manual|added|title&filter=all|unread|read: one of the viewer's
 * lists with its items. Another person's list is 404, as is one that does not exist.
 */
export const GET = withViewer<Context>({ mutation: false }, async (request, viewer, { params }) => {
  const listId = parseListId((await params).id);
  const q = request.nextUrl.searchParams;
  const view = listViewSchema.parse({ sort: q.get("sort") ?? undefined, filter: q.get("filter") ?? undefined });
  const list = await getReadingList(viewer.id, listId);
  const entries = await listEntries(viewer.id, listId, view);
  const origin = siteUrl();
  return NextResponse.json({ list: listJson(list, origin), items: entries.map((e) => entryJson(e, origin)) }, { headers: privateHeaders });
});

/**
 * PATCH /api/me/lists/{id} `{ name?, shared? }`: rename ("Read later" cannot be) and share or
 * stop sharing (stopping revokes the link; sharing again gives a new one). Answers `{ list }`.
 */
export const PATCH = withViewer<Context>({ mutation: true }, async (request, viewer, { params }) => {
  const listId = parseListId((await params).id);
  const patch = parseInput(patchListSchema, await readJsonBody(request));
  let list = await getReadingList(viewer.id, listId);
  if (patch.name !== undefined && patch.name !== list.name) list = await renameReadingList(viewer.id, listId, patch.name);
  if (patch.shared !== undefined) list = await setReadingListShared(viewer.id, listId, patch.shared);
  return NextResponse.json({ list: listJson(list, siteUrl()) }, { headers: privateHeaders });
});

/** DELETE /api/me/lists/{id}: the list, its items and notes. "Read later" cannot be deleted. */
export const DELETE = withViewer<Context>({ mutation: true }, async (_request, viewer, { params }) => {
  await deleteReadingList(viewer.id, parseListId((await params).id));
  return new NextResponse(null, { status: 204, headers: privateHeaders });
});
