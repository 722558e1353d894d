import { FeedParseError, type ParseItem, type ParsedPaper } from "../types";
import { collapseWhitespace, normalizeArxivId, parseRfc822 } from "./text";
import { isNode, streamXmlFeed, textOf, type XmlNode } from "./xml";

const ARRAYS = ["rss.channel.item", "rss.channel.item.category", "rss.channel.item.creator"];
const ANNOUNCE_PREFIX = /^arXiv:\S+\s+Announce Type:\s*[\w-]+\s*Abstract:\s*/i;

/** arXiv RSS 2.0 (`rss.arxiv.org/rss/<category>`), item by item as the document is read. */
export function* parseArxivRss(xml: string): Generator<ParseItem> {
  const items = streamXmlFeed(xml, "arxiv-rss", ARRAYS, "rss.channel.item", (rootName) => {
    if (rootName !== "rss") throw new FeedParseError(`Expected an RSS 2.0 <rss> document, got <${rootName}>`, "arxiv-rss");
  });
  let position = 0;
  let next = items.next();
  for (; !next.done; next = items.next()) yield toItem(next.value, ++position);
  if (!isNode(next.value.channel)) throw new FeedParseError("RSS document has no <channel>", "arxiv-rss");
}

function text(v: unknown): string | undefined {
  const s = textOf(v);
  return s === undefined ? undefined : collapseWhitespace(s);
}

function texts(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map(text).filter((s): s is string => !!s);
}

function idOf(item: XmlNode): string | undefined {
  const link = text(item.link);
  const fromLink = link && /arxiv\.org\/abs\/(.+?)\/?$/i.exec(link)?.[1];
  const guid = text(item.guid);
  const fromGuid = guid && /^oai:arXiv\.org:(.+)$/i.exec(guid)?.[1];
  return fromLink || fromGuid || link || guid;
}

function toItem(item: XmlNode, position: number): ParseItem {
  const rawId = idOf(item);
  const title = text(item.title) ?? "";
  const ref = rawId || title || `item #${position}`;
  const reject = (reason: string): ParseItem => ({ kind: "rejected", rejection: { ref, reason } });

  if (!rawId) return reject("missing <link> and <guid>");
  const arxivId = normalizeArxivId(rawId);
  if (!arxivId) return reject(`not an arXiv id: "${rawId}"`);
  if (!title) return reject("missing or empty <title>");

  const pubDate = text(item.pubDate);
  const date = pubDate ? parseRfc822(pubDate) : null;
  if (pubDate && !date) return reject(`invalid <pubDate> "${pubDate}"`);

  const abstract = text(item.description)?.replace(ANNOUNCE_PREFIX, "");
  const paper: ParsedPaper = {
    arxivId,
    title,
    abstract: abstract || null,
    authors: texts(item.creator)
      .flatMap((c) => c.split(/\s*,\s*(?:and\s+)?|\s+and\s+/))
      .filter(Boolean)
      .map((name) => ({ name })),
    publishedAt: date?.instant ?? null,
    featured: date ? { day: date.day, featuredAt: date.instant } : null,
  };
  const categories = [...new Set(texts(item.category))];
  if (categories.length) paper.categories = categories;
  return { kind: "paper", paper };
}
