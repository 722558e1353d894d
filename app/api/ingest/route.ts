import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-error";
import { ingestFromRequest } from "@/lib/ingest/ingest-request";
import { isIngestAuthorized } from "@/lib/ingest/token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/ingest: the feed document as the body, or `{"url": "…"}` to fetch one.
 * Requires `Authorization: Bearer $INGEST_TOKEN`. Optional `?format=` forces a format
 * (hf-daily, arxiv-atom, arxiv-rss, hf-page-text) and `?year=` dates copied pages.
 */
export async function POST(request: NextRequest) {
  try {
    if (!isIngestAuthorized(request.headers.get("authorization"))) {
      throw new AppError("unauthorized", "Missing or wrong ingest token: send Authorization: Bearer $INGEST_TOKEN");
    }
    const summary = await ingestFromRequest(request);
    return NextResponse.json(summary, { status: 200 });
  } catch (err) {
    return errorResponse(err);
  }
}
