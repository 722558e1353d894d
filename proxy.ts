import { NextResponse, type NextRequest } from "next/server";
import { periodRewrite } from "@/lib/http/period-rewrite";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/ops/request-id";

/**
 * Runs before every request (Next 16's `proxy.ts`, formerly middleware):
 * - gives it an `x-request-id` (kept from the client or load balancer when sane, else new),
 *   forwarded to the route so its logs carry it (lib/ops/request-logger.ts), and set on the
 *   response;
 * - rewrites the daily / weekly / monthly list addresses to their cacheable internal path
 *   (lib/http/period-rewrite.ts); the address in the browser does not change.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);

  let response: NextResponse;
  // Every method: a server action posted from a list page goes to the page that rendered it.
  const period = periodRewrite(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (period && "redirect" in period) {
    response = NextResponse.redirect(new URL(period.redirect, request.url), 308);
  } else if (period) {
    response = NextResponse.rewrite(new URL(period.rewrite, request.url), { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Static assets need no request id; skipping them keeps the proxy off the hot path for files.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
