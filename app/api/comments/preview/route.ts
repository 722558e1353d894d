import { NextResponse } from "next/server";
import { renderComment } from "@/lib/comments/render";
import { MAX_BODY_BYTES, previewInput } from "@/lib/comments/schemas";
import { withViewer } from "@/lib/http/route-handler";
import { privateHeaders, readJsonBody } from "@/lib/lists/http";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * POST /api/comments/preview: `{ body }` answers `{ html }`, rendered by the very function that
 * renders a posted comment, so the preview is what will be shown. Signed-in people only (it
 * counts against their mutation budget: rendering math costs the server).
 */
export const POST = withViewer({ mutation: true }, async (request) => {
  const { body } = parseInput(previewInput, await readJsonBody(request, MAX_BODY_BYTES));
  return NextResponse.json({ html: renderComment(body) }, { headers: privateHeaders });
});
