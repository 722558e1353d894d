import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { createReadingList, listReadingLists } from "@/lib/lists/lists";
import { listJson } from "@/lib/lists/serialize";
import { createListSchema } from "@/lib/lists/validation";
import { parseInput } from "@/lib/validation/parse-input";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** GET /api/me/lists: the viewer's reading lists, "Read later" first. Answers `{ lists }`. */
export const GET = withViewer({ mutation: false }, async (_request, viewer) => {
  const lists = await listReadingLists(viewer.id);
  return NextResponse.json({ lists: lists.map((l) => listJson(l, siteUrl())) }, { headers: privateHeaders });
});

/** POST /api/me/lists `{ name }`: a new private list. 201 `{ list }`; 409 if the name is taken. */
export const POST = withViewer({ mutation: true }, async (request, viewer) => {
  const { name } = parseInput(createListSchema, await readJsonBody(request));
  const list = await createReadingList(viewer.id, name);
  return NextResponse.json({ list: listJson(list, siteUrl()) }, { status: 201, headers: privateHeaders });
});
