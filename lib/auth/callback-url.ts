const BASE = "http://paperboy.invalid";

/** Two slashes (either way round) at the start: a browser reads what follows as a host. */
const HOST_RELATIVE = /^[/\\]{2}/;

/** The path without whitespace and control characters, which a browser or proxy may drop. */
const withoutControls = (path: string) => path.replace(/[\s\u0000-\u001f\u007f]+/g, "");

/**
 * Where to go after signing in: a path on this site only. Anything else (another host,
 * `//evil.example`, `javascript:`) falls back to the home page, so the sign-in page cannot be
 * used as an open redirect.
 *
 * The check is made on the normalised result, not on the input: `/.//evil.example` starts with
 * one slash but normalises to `//evil.example`. The path is also checked decoded (repeatedly)
 * and without whitespace or control characters, because whoever reads it next (a browser, a
 * proxy, Auth.js) may decode `%2F` or drop a tab; no real page of ours has such a path.
 */
export function safeCallbackPath(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const unsafe = (path: string) => HOST_RELATIVE.test(withoutControls(path));
  let pathname = url.pathname;
  for (let i = 0; i < 4; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return "/";
    }
    // Normalised again by appending to the base as text, so a decoded `//host` stays a path.
    const renormalised = new URL(BASE + withoutControls(decoded)).pathname;
    if (unsafe(pathname) || unsafe(decoded) || unsafe(renormalised)) return "/";
    if (decoded === pathname) break;
    pathname = renormalised;
  }
  return url.pathname + url.search + url.hash;
}
