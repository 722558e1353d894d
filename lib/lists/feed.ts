import "server-only";
import { Feed } from "feed";
import { paperPath } from "@/lib/feeds/paper-feed";
import { listSharedEntries } from "@/lib/lists/items";
import type { SharedListDTO } from "@/lib/lists/lists";
import { mathToPlainText } from "@/lib/text/math";

/**
 * RSS of a shared list: newest additions first, dated when they were added, so a feed reader
 * shows what the owner saved since. Paper text only: notes and read state stay private.
 */
export async function sharedListFeed(list: SharedListDTO, origin: string, path: string): Promise<string> {
  const entries = (await listSharedEntries(list.id)).sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime()).slice(0, 200);
  const pageUrl = `${origin}${path}`;
  const feed = new Feed({
    id: pageUrl,
    title: `${list.name} · Paperboy reading list`,
    description: `Papers in the shared reading list "${list.name}".`,
    link: pageUrl,
    language: "en",
    generator: "Paperboy",
    updated: entries[0]?.addedAt ?? list.updatedAt,
    feedLinks: { rss: `${pageUrl}/feed.xml` },
    copyright: "Abstracts belong to their authors",
  });
  for (const { paper, addedAt } of entries) {
    const link = `${origin}${paperPath(paper)}`;
    feed.addItem({
      title: mathToPlainText(paper.title),
      id: link,
      guid: paper.arxivId ? `arxiv:${paper.arxivId}` : link,
      link,
      date: addedAt,
      published: paper.publishedAt ?? undefined,
      description: paper.abstract ? mathToPlainText(paper.abstract) : undefined,
      author: paper.authors.map((a) => ({ name: a.name })),
      category: paper.categories.map((c) => ({ name: c })),
    });
  }
  return feed.rss2();
}
