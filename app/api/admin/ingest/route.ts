import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireAdminRequest } from "@/lib/auth/admin";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-error";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";
import { ingestUpload } from "@/lib/admin/runs";
import { feedFormats } from "@/lib/admin/feed-formats";
import { parseInput } from "@/lib/validation/parse-input";
import { closeUnreadBody, declaredLength } from "@/lib/ingest/ingest-request";
import { tooLarge } from "@/lib/ingest/read-document";
import { withRequestId } from "@/lib/ops/request-logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(feedFormats).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  name: z.string().max(200).optional(),
});

/**
 * POST /api/admin/ingest: an admin's upload of a feed file, the file as the raw body (streamed,
 * refused past INGEST_MAX_BYTES), its name in `?name=`. Admins only: a session from our own
 * pages, or an admin's personal API token. Answers the run's summary; a failed run's error
 * carries its `runId`.
 *
 * proxy.ts does not run for this route, so the body reaches it unread: the admin check and a
 * too large Content-Length are answered before any of it is read.
 */
export function POST(request: NextRequest) {
  return withRequestId(request, async (log) => {
    try {
      const admin = await requireAdminRequest(request, { mutation: true });
      const q = parseInput(query, Object.fromEntries(request.nextUrl.searchParams));
      if (!request.body) throw new AppError("bad_request", "Send the feed file as the request body");
      const declared = declaredLength(request);
      if (declared !== undefined && declared > env().INGEST_MAX_BYTES) throw tooLarge(env().INGEST_MAX_BYTES);
      const summary = await ingestUpload(admin, {
        body: request.body as unknown as AsyncIterable<Uint8Array>,
        fileName: q.name ?? "unnamed file",
        size: declared,
        format: q.format,
        year: q.year,
      });
      refreshCachedPages();
      return NextResponse.json(summary);
    } catch (err) {
      if (err instanceof AppError) log.warn({ code: err.code, status: err.httpStatus, reason: err.message }, "upload refused");
      return closeUnreadBody(errorResponse(err));
    }
  });
}
