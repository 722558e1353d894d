import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-error";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";
import { closeUnreadBody, ingestFromRequest } from "@/lib/ingest/ingest-request";
import { isIngestAuthorized } from "@/lib/ingest/token";
import { withRequestId } from "@/lib/ops/request-logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/ingest: the feed document as the body, or `{"url": "…"}` to fetch one.
 * Requires `Authorization: Bearer $INGEST_TOKEN`. Optional `?format=` forces a format
 * (hf-daily, arxiv-atom, arxiv-rss, hf-page-text) and `?year=` dates copied pages.
 *
 * proxy.ts does not run for this route, so the body reaches it unread, as a stream: the
 * token is checked before a byte of it is read, and INGEST_MAX_BYTES as it arrives.
 */
export function POST(request: NextRequest) {
  return withRequestId(request, async (log) => {
    try {
      if (!isIngestAuthorized(request.headers.get("authorization"))) {
        throw new AppError("unauthorized", "Missing or wrong ingest token: send Authorization: Bearer $INGEST_TOKEN");
      }
      const summary = await ingestFromRequest(request);
      // The run's own log line (lib/ingest/run-ingest.ts) has the counts; this ties it to the request.
      log.info("runId" in summary ? { runId: summary.runId } : summary, "ingest request done");
      if ("runId" in summary && summary.new + summary.updated > 0) {
        const t = performance.now();
        refreshCachedPages();
        summary.timings.revalidateMs = Math.round((performance.now() - t) * 10) / 10;
      }
      return NextResponse.json(summary, { status: 200 });
    } catch (err) {
      if (err instanceof AppError) log.warn({ code: err.code, status: err.httpStatus, reason: err.message }, "ingest refused");
      else log.error({ err }, "ingest failed");
      return closeUnreadBody(errorResponse(err));
    }
  });
}
