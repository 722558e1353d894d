import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http/api-error";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { createReadingList, listReadingLists } from "@/lib/lists/lists";
import { listJson } from "@/lib/lists/serialize";
import { createListSchema, parseInput } from "@/lib/lists/validation";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** GET /api/me/lists: the viewer's reading lists, "Read later" first. Answers `{ lists }`. */
export async function GET(request: NextRequest) {
  try {
    const viewer = await requireViewer(request, { mutation: false });
    const lists = await listReadingLists(viewer.id);
    return NextResponse.json({ lists: lists.map((l) => listJson(l, siteUrl())) }, { headers: privateHeaders });
  } catch (err) {
    return errorResponse(err);
  }
}

/** POST /api/me/lists `{ name }`: a new private list. 201 `{ list }`; 409 if the name is taken. */
export async function POST(request: NextRequest) {
  try {
    const viewer = await requireViewer(request, { mutation: true });
    const { name } = parseInput(createListSchema, await readJsonBody(request));
    const list = await createReadingList(viewer.id, name);
    return NextResponse.json({ list: listJson(list, siteUrl()) }, { status: 201, headers: privateHeaders });
  } catch (err) {
    return errorResponse(err);
  }
}
