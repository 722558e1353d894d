import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizeArxivId } from "@/lib/ingest/sources/text";

/**
 * The paper a URL or request names: an arXiv id (any version, or an arxiv.org URL) or
 * Paperboy's own numeric id (papers known only by title have no other).
 */
export async function resolvePaperId(ref: string): Promise<number> {
  const trimmed = ref.trim();
  if (/^\d{1,10}$/.test(trimmed)) {
    const row = await db().paper.findFirst({ where: { id: Number(trimmed), hiddenAt: null }, select: { id: true } });
    if (row) return row.id;
  } else {
    const arxivId = normalizeArxivId(trimmed);
    if (arxivId) {
      const row = await db().paper.findFirst({ where: { arxivId, hiddenAt: null }, select: { id: true } });
      if (row) return row.id;
    }
  }
  throw new AppError("not_found", `No such paper: ${trimmed.slice(0, 80)}`);
}
