/**
 * Where to go after signing in: a path on this site only. Anything else (another host,
 * `//evil.example`, `javascript:`) falls back to the home page, so the sign-in page cannot be
 * used as an open redirect.
 */
export function safeCallbackPath(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  try {
    const url = new URL(value, "http://paperboy.invalid");
    if (url.origin !== "http://paperboy.invalid") return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
