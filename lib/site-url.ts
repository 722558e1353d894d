import { env } from "@/lib/env";

/**
 * The site's public origin, for absolute links (Open Graph tags, feeds, emails): AUTH_URL,
 * else http://localhost:$PORT. Pages are cached and shared between visitors, so it cannot come
 * from the request's Host header; a server behind a proxy sets AUTH_URL.
 */
export function siteUrl(): string {
  const base = env().AUTH_URL ?? `http://localhost:${process.env.PORT || 3000}`;
  return base.replace(/\/+$/, "");
}
