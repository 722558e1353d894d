import type { FeedDoc } from "@/lib/feeds/feed-doc";
import { element, emptyElement, htmlOfText } from "@/lib/feeds/xml";

/**
 * RSS 2.0. Titles, names and categories are plain text (the RSS Best Practices Profile), escaped
 * once. <description> is HTML to readers, so the summary goes in as HTML showing the text: an
 * abstract's `<img onerror>` arrives as the characters, never as an element.
 */
export function renderRss(doc: FeedDoc): string {
  const items = doc.items.map((item) =>
    [
      "<item>",
      element("title", item.title),
      element("link", item.link),
      element("guid", item.guid, { isPermaLink: String(item.guid === item.link) }),
      element("pubDate", item.date.toUTCString()),
      item.summary ? element("description", htmlOfText(item.summary)) : "",
      ...item.authors.map((name) => element("dc:creator", name)),
      ...item.categories.map((c) => element("category", c)),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    element("title", doc.title),
    element("link", doc.pageUrl),
    element("description", htmlOfText(doc.description)),
    emptyElement("atom:link", { href: doc.selfUrl, rel: "self", type: "application/rss+xml" }),
    element("language", "en"),
    element("generator", "Paperboy"),
    element("copyright", doc.rights),
    element("lastBuildDate", doc.updated.toUTCString()),
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
