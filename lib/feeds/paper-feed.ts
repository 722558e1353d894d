import type { PaperDTO } from "@/lib/data/paper-types";
import { renderAtom } from "@/lib/feeds/atom";
import type { FeedDoc, FeedItem } from "@/lib/feeds/feed-doc";
import { renderRss } from "@/lib/feeds/rss";
import { siteUrl } from "@/lib/site-url";
import { mathToPlainText } from "@/lib/text/math";

export type FeedFormat = "rss" | "atom";

export interface PaperFeedOptions {
  title: string;
  description: string;
  /** Path of the page this feed mirrors, e.g. `/` or `/search?q=…`. */
  pagePath: string;
  /** Path of the feed itself, in the format asked for. */
  selfPath: string;
  papers: PaperDTO[];
}

/** The URL of a paper's page here: its arXiv id, or `local-<id>` for papers known only by title. */
export function paperPath(p: Pick<PaperDTO, "arxivId" | "id">): string {
  return p.arxivId ? `/papers/${p.arxivId}` : `/papers/local-${p.id}`;
}

/**
 * A feed item for a paper: plain text, LaTeX delimiters removed. Links are absolute on the
 * public origin (AUTH_URL), never the request's Host: behind a proxy that is an internal
 * address, and anyone can send a forged one.
 */
export function paperItem(p: PaperDTO, date: Date): FeedItem {
  const link = `${siteUrl()}${paperPath(p)}`;
  return {
    link,
    guid: p.arxivId ? `arxiv:${p.arxivId}` : link,
    title: mathToPlainText(p.title),
    summary: p.abstract ? mathToPlainText(p.abstract) : undefined,
    date,
    published: p.publishedAt ?? undefined,
    authors: p.authors.map((a) => a.name),
    categories: p.categories,
  };
}

/** A list of papers as a feed, dated by when each was listed. */
export function buildPaperFeed(opts: PaperFeedOptions): FeedDoc {
  const items = opts.papers.map((p) => paperItem(p, p.feature?.featuredAt ?? p.publishedAt ?? new Date(0)));
  return {
    title: opts.title,
    description: opts.description,
    pageUrl: `${siteUrl()}${opts.pagePath}`,
    selfUrl: `${siteUrl()}${opts.selfPath}`,
    updated: new Date(Math.max(0, ...items.map((i) => i.date.getTime()))),
    rights: "Abstracts belong to their authors",
    items,
  };
}

export function renderFeed(doc: FeedDoc, format: FeedFormat): string {
  return format === "rss" ? renderRss(doc) : renderAtom(doc);
}

export function xmlResponse(
  body: string,
  type: FeedFormat,
  headers: Record<string, string> = { "cache-control": "public, max-age=300" },
): Response {
  const contentType = type === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
  return new Response(body, { headers: { ...headers, "content-type": contentType } });
}
