import type { ParsedPaper } from "@/lib/ingest/types";

/**
 * The key a paper is known by before it has an arXiv id: case, accents, punctuation,
 * LaTeX markup and spacing removed, so a copied page's title matches the feed's.
 */
export function titleKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\\[a-z]+/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .slice(0, 500);
}

export function paperKey(p: Pick<ParsedPaper, "arxivId" | "title">): string {
  return p.arxivId ?? `title:${titleKey(p.title)}`;
}

/** Postgres text cannot hold NUL; feeds are untrusted, so drop it rather than fail. */
export function cleanText<T extends string | null | undefined>(s: T): T {
  return (typeof s === "string" ? s.replace(/\u0000/g, "") : s) as T;
}

export const limits = {
  title: 1000,
  abstract: 100_000,
  authorName: 300,
  authors: 5000,
  url: 2000,
} as const;

/** Reasons a parsed paper cannot be stored; null when it can. Keeps hostile sizes out of indexes. */
export function storageProblem(p: ParsedPaper): string | null {
  if (!titleKey(p.title)) return "title has no letters or digits";
  if (p.title.length > limits.title) return `title is longer than ${limits.title} characters`;
  if ((p.abstract?.length ?? 0) > limits.abstract) return `abstract is longer than ${limits.abstract} characters`;
  if (p.authors.length > limits.authors) return `more than ${limits.authors} authors`;
  const longName = p.authors.find((a) => a.name.length > limits.authorName);
  if (longName) return `author name longer than ${limits.authorName} characters`;
  for (const url of [p.githubRepo, p.projectPage, p.thumbnail]) {
    if (url && url.length > limits.url) return `URL longer than ${limits.url} characters`;
  }
  return null;
}
