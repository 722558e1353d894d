import { AppError } from "@/lib/errors";

/** A comma-separated list of internal paper ids, at most 200 (a page of cards). */
export function parsePaperIds(raw: string | null): number[] {
  if (!raw) return [];
  // Not split(","): 200 KB of commas would become 200,000 strings before being refused.
  const parts: string[] = [];
  for (let start = 0; start <= raw.length;) {
    const comma = raw.indexOf(",", start);
    const end = comma < 0 ? raw.length : comma;
    if (end > start) {
      if (parts.length === 200) throw new AppError("bad_request", "At most 200 paper ids at once");
      parts.push(raw.slice(start, end));
    }
    start = end + 1;
  }
  const ids = parts.map((p) => Number(p));
  if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647))
    throw new AppError("bad_request", "papers must be comma-separated paper ids");
  return [...new Set(ids)];
}
