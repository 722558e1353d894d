import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { privateHeaders, readText } from "@/lib/lists/http";
import { importIntoList } from "@/lib/lists/import";
import { AppError } from "@/lib/errors";
import { importBodySchema, LIMITS, parseListId } from "@/lib/lists/validation";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * POST /api/me/lists/{id}/import: arXiv ids or URLs as text (a `text/plain` body, or JSON
 * `{ text }`), or a BibTeX/CSV export. Known papers are added at the end; answers the report
 * `{ added, skipped, problems }`, each with the line it is about.
 */
export const POST = withViewer<Context>({ mutation: true }, async (request, viewer, { params }) => {
  const listId = parseListId((await params).id);
  const raw = await readText(request, LIMITS.importChars * 4);
  const isJson = (request.headers.get("content-type") ?? "").includes("application/json");
  let text = raw;
  if (isJson) {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError("bad_request", "The body is not valid JSON");
    }
    text = parseInput(importBodySchema, body).text;
  } else if (raw.length > LIMITS.importChars) {
    throw new AppError("payload_too_large", `Paste at most ${LIMITS.importChars} characters at once`);
  }
  const report = await importIntoList(viewer.id, listId, text);
  return NextResponse.json(report, { headers: privateHeaders });
});
