import "server-only";
import type { PaperDTO } from "@/lib/data/paper-types";
import { paperPath } from "@/lib/feeds/paper-feed";
import { toBibtex } from "@/lib/lists/bibtex";
import { toCsv } from "@/lib/lists/csv";
import { listEntries, type ListEntryDTO } from "@/lib/lists/items";
import { getReadingList } from "@/lib/lists/lists";
import type { ExportFormat } from "@/lib/lists/validation";

export interface ListExport {
  filename: string;
  contentType: string;
  body: string;
}

/** The address a citation should point at: arXiv's abstract page, else this server's page. */
export function citationUrl(paper: Pick<PaperDTO, "arxivId" | "id">, origin: string): string {
  return paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : `${origin}${paperPath(paper)}`;
}

/** The year to cite: publication, else the day it was featured, else what a new-style arXiv id says. */
export function paperYear(paper: Pick<PaperDTO, "publishedAt" | "feature" | "arxivId">): number | null {
  if (paper.publishedAt) return paper.publishedAt.getUTCFullYear();
  if (paper.feature) return Number(paper.feature.day.slice(0, 4));
  const m = paper.arxivId ? /^(\d{2})\d{2}\./.exec(paper.arxivId) : null;
  return m ? 2000 + Number(m[1]) : null;
}

/** "Read later" → "read-later"; names without Latin letters fall back to "reading-list". */
export function exportFilename(name: string, format: ExportFormat): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "reading-list"}.${format === "bibtex" ? "bib" : "csv"}`;
}

export const CSV_HEADER = ["position", "arxiv_id", "title", "authors", "published", "added", "read", "note", "url"] as const;

export function entriesToCsv(entries: readonly ListEntryDTO[], origin: string): string {
  const rows = entries.map((e, i) => [
    i + 1,
    e.paper.arxivId ?? "",
    e.paper.title,
    e.paper.authors.map((a) => a.name).join("; "),
    e.paper.publishedAt?.toISOString().slice(0, 10) ?? "",
    e.addedAt.toISOString(),
    e.readAt ? e.readAt.toISOString() : "",
    e.note,
    citationUrl(e.paper, origin),
  ]);
  // The byte-order mark makes Excel read the file as UTF-8; other readers skip it.
  return "\uFEFF" + toCsv([CSV_HEADER, ...rows]);
}

export function entriesToBibtex(entries: readonly ListEntryDTO[], origin: string): string {
  return toBibtex(
    entries.map((e) => ({
      arxivId: e.paper.arxivId,
      title: e.paper.title,
      authors: e.paper.authors.map((a) => a.name),
      year: paperYear(e.paper),
      primaryClass: e.paper.categories[0] ?? null,
      url: citationUrl(e.paper, origin),
    })),
  );
}

/** One of the user's lists as a file, in its manual order. The CSV carries the private notes. */
export async function exportReadingList(userId: string, listId: number, format: ExportFormat, origin: string): Promise<ListExport> {
  const list = await getReadingList(userId, listId);
  const entries = await listEntries(userId, listId, { sort: "manual", filter: "all" });
  return format === "bibtex"
    ? {
        filename: exportFilename(list.name, format),
        contentType: "application/x-bibtex; charset=utf-8",
        body: entriesToBibtex(entries, origin),
      }
    : { filename: exportFilename(list.name, format), contentType: "text/csv; charset=utf-8", body: entriesToCsv(entries, origin) };
}
