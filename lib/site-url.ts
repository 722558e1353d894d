import { env } from "@/lib/env";

/**
 * The site's public origin, for every absolute URL the app makes (sign-in links and their
 * redirects, Open Graph tags, share and export links, emails): AUTH_URL's origin, else
 * http://localhost:$PORT. Never the request's Host, X-Forwarded-Host, X-Forwarded-Proto or
 * Origin: those are chosen by the client (or by whatever proxy it went through), and a link
 * built from them can carry a sign-in token to someone else's host. `npm start` refuses to
 * listen beyond loopback without AUTH_URL (scripts/start.mjs), so the fallback only ever
 * names the machine the server runs on.
 */
export function siteUrl(): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** Whether siteUrl() is served over https (Auth.js then uses __Secure- cookies marked Secure). */
export function siteIsHttps(): boolean {
  return siteUrl().startsWith("https:");
}
