import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ingestUrl } from "@/lib/ingest/ingest-url";
import { peek, tooLarge } from "@/lib/ingest/read-document";
import { env } from "@/lib/env";
import { runIngest, type IngestSummary } from "@/lib/ingest/run-ingest";

const formats = ["hf-daily", "arxiv-atom", "arxiv-rss", "hf-page-text"] as const;

const querySchema = z.object({
  format: z.enum(formats).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

const urlBodySchema = z.object({ url: z.string().url(), format: z.enum(formats).optional() }).strict();

/** The body of POST /api/ingest: a feed document, or `{"url": …}` naming one to fetch. */
export async function ingestFromRequest(request: NextRequest): Promise<IngestSummary | { notModified: true }> {
  const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success)
    throw new AppError("bad_request", `Bad query: ${query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  if (!request.body) throw new AppError("bad_request", 'Send the feed document as the request body, or {"url": "…"}');

  const declared = declaredLength(request);
  // Refused before a byte is read (and before a run is recorded); an undeclared length is
  // held to the same limit as the bytes stream in (runIngest's limitBytes).
  if (declared !== undefined && declared > env().INGEST_MAX_BYTES) throw tooLarge(env().INGEST_MAX_BYTES);
  const { head, rest } = await peek(request.body as unknown as AsyncIterable<Uint8Array>, 4096);
  const urlRequest = asUrlRequest(head);
  if (urlRequest) {
    const result = await ingestUrl(urlRequest.url, {
      trigger: "api",
      format: urlRequest.format ?? query.data.format,
      year: query.data.year,
    });
    if (result.notModified) return { notModified: true };
    return result;
  }
  return runIngest({
    body: rest,
    origin: "request body",
    trigger: "api",
    format: query.data.format,
    year: query.data.year,
    declaredBytes: declared,
  });
}

/** The request's Content-Length, when it sent a sane one. */
export function declaredLength(request: Request): number | undefined {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  return Number.isSafeInteger(declared) && declared > 0 ? declared : undefined;
}

/**
 * An error answer to an upload whose body may be partly unread: closes the connection after
 * it, or Node would read (and drop) the rest of a body we refused, however large.
 */
export function closeUnreadBody(response: Response): Response {
  response.headers.set("connection", "close");
  return response;
}

/** A short JSON object with just a `url` (and maybe `format`) asks us to fetch; anything else is a document. */
function asUrlRequest(head: string) {
  const text = head.trim();
  if (!text.startsWith("{") || text.length >= 4096 || !/"url"\s*:/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = urlBodySchema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", `Expected {"url": "https://…"}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
