import { AppError } from "@/lib/errors";

/** A comma-separated list of internal paper ids, at most 200 (a page of cards). */
export function parsePaperIds(raw: string | null): number[] {
  if (!raw) return [];
  const parts = raw.split(",").filter(Boolean);
  if (parts.length > 200) throw new AppError("bad_request", "At most 200 paper ids at once");
  const ids = parts.map((p) => Number(p));
  if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647)) throw new AppError("bad_request", "papers must be comma-separated paper ids");
  return [...new Set(ids)];
}
