import { NextResponse } from "next/server";
import { logger } from "@/lib/logger";

/** Errors in Hugging Face's own shape, `{"error": "..."}`, which HF clients print as is. */
export function hfError(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status });
}

/** Wraps an HF-compatible route: unexpected failures become a logged 500 in HF's shape. */
export function hfRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      logger.error({ err: err instanceof Error ? err.stack : String(err) }, "HF-compatible API failed");
      return hfError(500, "Internal error");
    }
  };
}

/**
 * A finished day (or week, or month) keeps its papers: let browsers and proxies keep the
 * answer for a while. The current period changes as feeds arrive, so it is kept briefly.
 */
export function cacheHeaders(periodEnd: string | null): Record<string, string> {
  const over = periodEnd !== null && Date.parse(`${periodEnd}T00:00:00Z`) <= Date.now();
  return { "cache-control": over ? "public, max-age=300, stale-while-revalidate=3600" : "public, max-age=30" };
}
