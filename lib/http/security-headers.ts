/**
 * Security headers for every page, route and file (next.config.ts `headers()`).
 *
 * Why `script-src 'unsafe-inline'` and not nonces or hashes: Next writes each page's React
 * Server Components payload as inline <script> tags (`self.__next_f.push(...)`) whose content
 * differs on every page and every render. A nonce has to be new for every response, which
 * forces every page to render per request (Next's CSP guide: no static pages, no ISR), and
 * the lists and paper pages are cached precisely so they are not. Hashes would have to be
 * computed per rendered page, and a header set here is the same for every page; Next's
 * experimental SRI covers only script files, not those inline scripts. So the policy allows
 * inline script but nothing from other origins, no plugins, no <base> hijack, no posting forms
 * elsewhere and no framing; untrusted text is kept out of markup by React's escaping and
 * KaTeX's untrusted mode (lib/text/math.ts), which is what actually stops injection.
 *
 * Not set here: `upgrade-insecure-requests` and HSTS, because the same build also serves plain
 * http on localhost; a TLS-terminating proxy in front should add HSTS.
 */
export function contentSecurityPolicy(dev = process.env.NODE_ENV === "development"): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // `next dev` needs eval for React's error overlays and stacks; production never does.
    "script-src": ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    // KaTeX positions math with inline style attributes, and React sets style attributes too.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Paper thumbnails and organisation avatars are links to wherever the feeds put them.
    "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
    // next/font and KaTeX's fonts are served from /_next/static.
    "font-src": ["'self'", "data:"],
    // `next dev` reloads over a WebSocket to itself.
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // Sign-in with GitHub posts to Auth.js, which redirects the form to GitHub; browsers check
    // a form's redirects against form-action too.
    "form-action": ["'self'", "https://github.com"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(dev?: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    // frame-ancestors for browsers that predate it: an admin's one-click buttons must not be
    // clickable through someone else's page.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Other sites learn the origin, never the path (a shared list's secret link, a search).
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Paperboy uses none of these; an injected script or a framed page cannot either. Only
    // features Chromium knows: it logs a warning for each name it does not (e.g. bluetooth).
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=()",
    },
  ];
}
