import { withViewer } from "@/lib/http/route-handler";
import { exportReadingList } from "@/lib/lists/export";
import { exportFormatSchema, parseListId } from "@/lib/lists/validation";
import { parseInput } from "@/lib/validation/parse-input";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/me/lists/{id}/export?format=bibtex|csv: the list as a file to download. */
export const GET = withViewer<Context>({ mutation: false }, async (request, viewer, { params }) => {
  const listId = parseListId((await params).id);
  const format = parseInput(exportFormatSchema, request.nextUrl.searchParams.get("format") ?? "bibtex");
  const file = await exportReadingList(viewer.id, listId, format, siteUrl());
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
