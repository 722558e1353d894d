import { env } from "@/lib/env";

/**
 * CSRF defence for cookie-authenticated mutations: the browser's Origin header must name this
 * site. With AUTH_URL set, the site is AUTH_URL's origin (scheme, host and port) and nothing
 * else: Host and X-Forwarded-Host are whatever the client or a proxy chose to send, so they
 * cannot say which site a page belongs to. Without AUTH_URL (a server on loopback, for one
 * person) the site is the Host the browser connected to; X-Forwarded-Host is never believed.
 * A request without Origin is not from a page of ours (every browser sends Origin on
 * POST/PUT/PATCH/DELETE), so it is refused too.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const authUrl = env().AUTH_URL;
  if (authUrl) return parsed.origin === new URL(authUrl).origin;
  const host = request.headers.get("host")?.trim().toLowerCase();
  return Boolean(host) && parsed.host.toLowerCase() === host;
}
