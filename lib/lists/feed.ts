import "server-only";
import type { FeedDoc } from "@/lib/feeds/feed-doc";
import { paperItem } from "@/lib/feeds/paper-feed";
import { listSharedEntries } from "@/lib/lists/items";
import type { SharedListDTO } from "@/lib/lists/lists";
import { siteUrl } from "@/lib/site-url";

/**
 * A shared list as a feed: newest additions first, dated when they were added, so a feed reader
 * shows what the owner saved since. Paper text only: notes and read state stay private. The
 * list's name is the owner's text and goes out as text like everything else.
 */
export async function sharedListFeed(list: SharedListDTO, path: string): Promise<FeedDoc> {
  const entries = (await listSharedEntries(list.id)).sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime()).slice(0, 200);
  const pageUrl = `${siteUrl()}${path}`;
  return {
    title: `${list.name} · Paperboy reading list`,
    description: `Papers in the shared reading list "${list.name}".`,
    pageUrl,
    selfUrl: `${pageUrl}/feed.xml`,
    updated: entries[0]?.addedAt ?? list.updatedAt,
    rights: "Abstracts belong to their authors",
    items: entries.map(({ paper, addedAt }) => paperItem(paper, addedAt)),
  };
}
