import type { Sort } from "@/lib/data/papers";

/** What Next hands a page as `await searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Papers per page in every list. */
export const PAGE_SIZE = 30;
const MAX_PAGE = 1000;

export const SORTS: { value: Sort; label: string }[] = [
  { value: "trending", label: "Trending" },
  { value: "upvotes", label: "Most upvoted" },
  { value: "newest", label: "Newest" },
];

/** The first value of a query parameter (`?a=1&a=2` gives "1"). */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseSort(value: string | string[] | undefined): Sort {
  const v = first(value);
  return v === "upvotes" || v === "newest" ? v : "trending";
}

/** 1-based page number; anything else (0, -1, "x", 1e9) is page 1 or the last allowed page. */
export function parsePage(value: string | string[] | undefined): number {
  const n = Number(first(value));
  if (!Number.isInteger(n) || n < 1) return 1;
  return Math.min(n, MAX_PAGE);
}

/** `path?k=v…`, leaving out empty values and the defaults (sort=trending, page=1). */
export function hrefWith(path: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (key === "sort" && value === "trending") continue;
    if (key === "page" && Number(value) === 1) continue;
    qs.set(key, String(value));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
