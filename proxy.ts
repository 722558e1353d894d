import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/ops/request-id";

/**
 * Runs before every request (Next 16's `proxy.ts`, formerly middleware):
 * - gives it an `x-request-id` (kept from the client or load balancer when sane, else new),
 *   forwarded to the route so its logs carry it (lib/ops/request-logger.ts), and set on the
 *   response;
 * - sends a lower-case week (`/papers/week/2026-w26`) to its one address, `2026-W26`. Route
 *   matching in next.config is case-insensitive, so this cannot be a config redirect.
 *
 * It rewrites nothing: the list pages' rewrites live in next.config (lib/http/period-routes.ts),
 * because a rewrite from here is proxied over HTTP by the standalone server (see there).
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);
  const week = /^\/papers\/week\/(\d{4})-w(\d{2})$/.exec(request.nextUrl.pathname);
  if (week) {
    // A relative Location: an absolute one would name the address Next gave this request
    // (localhost:PORT), not the one the visitor used.
    return new NextResponse(null, {
      status: 308,
      headers: { location: `/papers/week/${week[1]}-W${week[2]}${request.nextUrl.search}`, [REQUEST_ID_HEADER]: requestId },
    });
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Static assets need no request id; skipping them keeps the proxy off the hot path for files.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
