import { env } from "@/lib/env";

/**
 * CSRF defence for cookie-authenticated mutations: the browser's Origin header must name this
 * site. The site is the Host the request came to, the X-Forwarded-Host a proxy in front set,
 * or AUTH_URL's host. A request without Origin is not from a page of ours (every browser sends
 * Origin on POST/PUT/PATCH/DELETE), so it is refused too.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  const host = request.headers.get("host");
  if (host) allowed.add(host.toLowerCase());
  for (const h of (request.headers.get("x-forwarded-host") ?? "").split(",")) if (h.trim()) allowed.add(h.trim().toLowerCase());
  const authUrl = env().AUTH_URL;
  if (authUrl) allowed.add(new URL(authUrl).host.toLowerCase());
  if (allowed.size === 0) {
    try {
      allowed.add(new URL(request.url).host.toLowerCase());
    } catch {}
  }
  return allowed.has(originHost);
}
