import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/ops/request-id";

/**
 * Runs before every request (Next 16's `proxy.ts`, formerly middleware): gives it an
 * `x-request-id` (kept from the client or load balancer when sane, else new), forwarded to the
 * route so its logs carry it (lib/ops/request-logger.ts), and set on the response.
 *
 * It rewrites and redirects nothing: the list pages' rewrites live in next.config
 * (lib/http/period-routes.ts), because a rewrite from here is proxied over HTTP by the
 * standalone server (see there), and a redirect from here must name an absolute URL, which
 * would be Next's own address for the request (localhost:PORT), not the visitor's.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/**
 * Static assets need no request id; skipping them keeps the proxy off the hot path for files.
 *
 * The feed upload routes are skipped too, and give themselves a request id (withRequestId in
 * lib/ops/request-logger.ts). For a request the proxy runs on, Next reads the whole body
 * before the route starts, keeping only its first 10 MB (proxyClientMaxBodySize; the rest is
 * dropped without an error): a 15 MB feed arrived cut, a stranger's upload was read in full
 * before the route could check the token, and INGEST_MAX_BYTES never applied. Unmatched, the
 * route gets the body as a stream: auth first, Content-Length checked, the limit enforced as
 * the bytes arrive.
 */
export const UNPROXIED_ROUTES = ["/api/ingest", "/api/admin/ingest"];

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/ingest$|api/admin/ingest$).*)"],
};
