import "server-only";
import { db } from "@/lib/db";
import { parseImportText } from "@/lib/lists/import-text";
import { appendPapers } from "@/lib/lists/items";
import { assertOwnList, touchReadingList } from "@/lib/lists/lists";

/** What an import did, line by line, so the person can fix what was not understood. */
export interface ImportReport {
  added: { line: number; arxivId: string; paperId: number }[];
  /** Understood, but not added again: already in the list, or named twice in the text. */
  skipped: { line: number; arxivId: string; reason: string }[];
  /** Lines (or tokens) that name no paper here, with the reason. */
  problems: { line: number; text: string; reason: string }[];
}

export const NOT_IN_PAPERBOY = "not in Paperboy yet";

/**
 * Adds the papers that pasted text names (see `parseImportText`) to the end of one of the
 * user's lists, in the order they appear. Nothing is fetched from arXiv: an id this server
 * has not ingested is reported as "not in Paperboy yet".
 */
export async function importIntoList(userId: string, listId: number, text: string): Promise<ImportReport> {
  await assertOwnList(userId, listId);
  const parsed = parseImportText(text);
  const report: ImportReport = { added: [], skipped: [], problems: [...parsed.problems] };
  for (const r of parsed.repeated) report.skipped.push({ ...r, reason: "named again further up" });

  const papers = parsed.refs.length
    ? await db().paper.findMany({
        where: { arxivId: { in: parsed.refs.map((r) => r.arxivId) }, hiddenAt: null },
        select: { id: true, arxivId: true },
      })
    : [];
  const idOf = new Map(papers.map((p) => [p.arxivId!, p.id]));
  const known = parsed.refs.filter((r) => {
    if (idOf.has(r.arxivId)) return true;
    report.problems.push({ line: r.line, text: r.arxivId, reason: NOT_IN_PAPERBOY });
    return false;
  });

  const added = await appendPapers(
    listId,
    known.map((r) => idOf.get(r.arxivId)!),
  );
  for (const r of known) {
    const paperId = idOf.get(r.arxivId)!;
    if (added.has(paperId)) report.added.push({ ...r, paperId });
    else report.skipped.push({ ...r, reason: "already in this list" });
  }
  if (added.size) await touchReadingList(listId);
  report.skipped.sort((a, b) => a.line - b.line);
  report.problems.sort((a, b) => a.line - b.line);
  return report;
}
