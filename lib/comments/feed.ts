import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FeedDoc } from "@/lib/feeds/feed-doc";
import { paperPath } from "@/lib/feeds/paper-feed";
import { siteUrl } from "@/lib/site-url";
import { mathToPlainText } from "@/lib/text/math";
import { authorName } from "@/lib/comments/author-name";

/** Newest comments in a discussion feed. */
export const FEED_COMMENTS = 50;

/**
 * A paper's discussion as a feed: its newest comments shown on the page (not deleted, not
 * hidden), each as plain text (the Markdown source: feed readers get text, never our HTML).
 */
export async function discussionFeed(paperId: number, selfPath: string): Promise<FeedDoc> {
  const paper = await db().paper.findFirst({ where: { id: paperId, hiddenAt: null }, select: { id: true, arxivId: true, title: true } });
  if (!paper) throw new AppError("not_found", "No such paper");
  const rows = await db().comment.findMany({
    where: { paperId, deletedAt: null, hiddenAt: null },
    orderBy: { id: "desc" },
    take: FEED_COMMENTS,
    select: { id: true, parentId: true, body: true, createdAt: true, editedAt: true, user: { select: { id: true, name: true } } },
  });
  const site = siteUrl();
  const pageUrl = `${site}${paperPath(paper)}`;
  const title = mathToPlainText(paper.title);
  return {
    title: `Discussion: ${title}`,
    description: `Comments on “${title}” on ${new URL(site).host}`,
    pageUrl,
    selfUrl: `${site}${selfPath}`,
    updated: rows[0]?.createdAt ?? new Date(0),
    rights: "Comments belong to their authors",
    items: rows.map((c) => {
      const author = authorName(c.user);
      const link = `${pageUrl}#comment-${c.id}`;
      return {
        link,
        guid: link,
        title: `${author} ${c.parentId ? "replied" : "commented"}`,
        summary: c.body,
        date: c.createdAt,
        published: c.createdAt,
        authors: [author],
        categories: [],
      };
    }),
  };
}
