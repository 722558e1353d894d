import { parseMonth } from "@/lib/papers/dates";
import { parsePage, parseSort } from "@/app/_lib/params";

/**
 * The daily, weekly and monthly lists have public addresses with query strings
 * (`/papers?date=2026-08-14&sort=upvotes`, `/papers/week/2026-W33?page=2`). Next caches a page
 * (ISR) only when everything it depends on is in its path, so the proxy rewrites these
 * addresses to an internal one, `/pp/<kind>/<key>/<sort>/<page>/<cal>`, whose rendered HTML is
 * cached and shared by every visitor. Unknown parameters are dropped, so they cannot multiply
 * the cache. Returns null for addresses that are not list pages.
 */
export function periodRewrite(pathname: string, search: URLSearchParams): { rewrite: string } | { redirect: string } | null {
  let kind: "latest" | "day" | "week" | "month";
  let key: string;
  if (pathname === "/" || pathname === "/papers") {
    const date = search.get("date");
    [kind, key] = date ? ["day", date] : ["latest", ""];
  } else {
    const m = /^\/papers\/(week|month)\/([^/]+)$/.exec(pathname);
    if (!m) return null;
    kind = m[1] as "week" | "month";
    key = decodeSafely(m[2]);
    // `2026-w26` is understood but not canonical: one address per week.
    if (kind === "week" && /^\d{4}-w\d{2}$/.test(key)) {
      const qs = search.toString();
      return { redirect: `/papers/week/${key.toUpperCase()}${qs ? `?${qs}` : ""}` };
    }
  }
  const sort = parseSort(search.get("sort") ?? undefined);
  const page = parsePage(search.get("page") ?? undefined);
  const cal = search.get("cal");
  const calSegment = cal && parseMonth(cal) ? cal : "-";
  const keySegment = kind === "latest" ? "" : `/${encodeURIComponent(key.slice(0, 40))}`;
  return { rewrite: `/pp/${kind}${keySegment}/${sort}/${page}/${calSegment}` };
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
