import { Feed } from "feed";
import type { PaperDTO } from "@/lib/data/paper-types";
import { mathToPlainText } from "@/lib/text/math";

export interface PaperFeedOptions {
  title: string;
  description: string;
  /** Absolute URL of the page this feed mirrors. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  origin: string;
  papers: PaperDTO[];
}

/** The URL of a paper's page here: its arXiv id, or `local-<id>` for papers known only by title. */
export function paperPath(p: Pick<PaperDTO, "arxivId" | "id">): string {
  return p.arxivId ? `/papers/${p.arxivId}` : `/papers/local-${p.id}`;
}

/**
 * RSS 2.0 and Atom of a list of papers. Feed text is untrusted: titles and abstracts go in
 * as plain text (LaTeX delimiters removed) and the library escapes them.
 */
export function buildPaperFeed(opts: PaperFeedOptions): Feed {
  const feed = new Feed({
    id: opts.pageUrl,
    title: opts.title,
    description: opts.description,
    link: opts.pageUrl,
    language: "en",
    generator: "Paperboy",
    updated: latest(opts.papers),
    feedLinks: { rss: opts.selfUrl, atom: opts.selfUrl },
    copyright: "Abstracts belong to their authors",
  });
  for (const p of opts.papers) {
    const link = `${opts.origin}${paperPath(p)}`;
    feed.addItem({
      title: mathToPlainText(p.title),
      id: link,
      guid: p.arxivId ? `arxiv:${p.arxivId}` : link,
      link,
      date: p.feature?.featuredAt ?? p.publishedAt ?? new Date(0),
      published: p.publishedAt ?? undefined,
      description: p.abstract ? mathToPlainText(p.abstract) : undefined,
      author: p.authors.map((a) => ({ name: a.name })),
      category: p.categories.map((c) => ({ name: c })),
    });
  }
  return feed;
}

function latest(papers: PaperDTO[]): Date {
  const times = papers.map((p) => (p.feature?.featuredAt ?? p.publishedAt ?? new Date(0)).getTime());
  return new Date(times.length ? Math.max(...times) : 0);
}

export function xmlResponse(body: string, type: "rss" | "atom"): Response {
  return new Response(body, {
    headers: {
      "content-type": type === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
}
