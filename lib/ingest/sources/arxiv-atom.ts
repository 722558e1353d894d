import { FeedParseError, type ParseItem, type ParsedPaper } from "../types";
import { collapseWhitespace, normalizeArxivId, parseIsoDateTime, utcDay } from "./text";
import { attr, nodes, streamXmlFeed, textOf, type XmlNode } from "./xml";

/** The elements of an arXiv Atom document that are always arrays. */
export const ATOM_ARRAYS = ["feed.entry", "feed.entry.author", "feed.entry.category", "feed.entry.link"];
const ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors/i;

/** arXiv API Atom (`export.arxiv.org/api/query`), entry by entry as the document is read. */
export function* parseArxivAtom(xml: string): Generator<ParseItem> {
  const entries = streamXmlFeed(xml, "arxiv-atom", ATOM_ARRAYS, "feed.entry", (rootName) => {
    if (rootName !== "feed") throw new FeedParseError(`Expected an Atom <feed> document, got <${rootName}>`, "arxiv-atom");
  });
  let position = 0;
  for (let next = entries.next(); !next.done; next = entries.next()) {
    const entry = next.value;
    // arXiv answers a bad query with an error entry: the whole document fails (the run saves nothing).
    if (ERROR_ID.test(text(entry.id) ?? "")) {
      const message = text(entry.summary) || text(entry.title) || "unknown error";
      throw new FeedParseError(`arXiv API error: ${message}`, "arxiv-atom");
    }
    yield toItem(entry, ++position);
  }
}

function text(v: unknown): string | undefined {
  const s = textOf(v);
  return s === undefined ? undefined : collapseWhitespace(s);
}

function toItem(entry: XmlNode, position: number): ParseItem {
  const rawId = text(entry.id) ?? "";
  const title = text(entry.title) ?? "";
  const ref = rawId || title || `entry #${position}`;
  const reject = (reason: string): ParseItem => ({ kind: "rejected", rejection: { ref, reason } });

  if (!rawId) return reject("missing <id>");
  const arxivId = normalizeArxivId(rawId.replace(/^https?:\/\/(?:export\.)?arxiv\.org\/abs\//i, ""));
  if (!arxivId) return reject(`not an arXiv id: "${rawId}"`);
  if (!title) return reject("missing or empty <title>");

  const published = text(entry.published);
  const publishedAt = published ? parseIsoDateTime(published) : null;
  if (published && !publishedAt) return reject(`invalid <published> date "${published}"`);

  const paper: ParsedPaper = {
    arxivId,
    title,
    abstract: text(entry.summary) || null,
    authors: nodes(entry.author)
      .map((a) => text(a.name))
      .filter((name): name is string => !!name)
      .map((name) => ({ name })),
    publishedAt,
    featured: publishedAt ? { day: utcDay(publishedAt), featuredAt: publishedAt } : null,
  };
  const categories = categoriesOf(entry);
  if (categories.length) paper.categories = categories;
  const comment = text(entry.comment);
  if (comment) paper.comment = comment;
  return { kind: "paper", paper };
}

function categoriesOf(entry: XmlNode): string[] {
  const primary = nodes(entry.primary_category).map((c) => attr(c, "term"));
  const others = nodes(entry.category).map((c) => attr(c, "term"));
  const terms = [...primary, ...others].map((t) => (t ? collapseWhitespace(t) : ""));
  return [...new Set(terms.filter(Boolean))];
}
