import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireAdminRequest } from "@/lib/auth/admin";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-error";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";
import { ingestUpload } from "@/lib/admin/runs";
import { feedFormats } from "@/lib/admin/feed-formats";
import { parseInput } from "@/lib/admin/validation";

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
 */
export async function POST(request: NextRequest) {
  try {
    const admin = await requireAdminRequest(request, { mutation: true });
    const q = parseInput(query, Object.fromEntries(request.nextUrl.searchParams));
    if (!request.body) throw new AppError("bad_request", "Send the feed file as the request body");
    const declared = Number(request.headers.get("content-length"));
    const summary = await ingestUpload(admin, {
      body: request.body as unknown as AsyncIterable<Uint8Array>,
      fileName: q.name ?? "unnamed file",
      size: Number.isFinite(declared) && declared > 0 ? declared : undefined,
      format: q.format,
      year: q.year,
    });
    refreshCachedPages();
    return NextResponse.json(summary);
  } catch (err) {
    return errorResponse(err);
  }
}
