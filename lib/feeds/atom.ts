import type { FeedDoc } from "@/lib/feeds/feed-doc";
import { element, emptyElement } from "@/lib/feeds/xml";

const text = (name: string, value: string) => element(name, value, { type: "text" });

/**
 * Atom 1.0. Every text construct says `type="text"`: a reader shows it as characters and never
 * parses it as HTML, which is what the untrusted titles and abstracts need.
 */
export function renderAtom(doc: FeedDoc): string {
  const entries = doc.items.map((item) =>
    [
      "<entry>",
      element("id", item.link),
      text("title", item.title),
      emptyElement("link", { rel: "alternate", type: "text/html", href: item.link }),
      element("updated", item.date.toISOString()),
      item.published ? element("published", item.published.toISOString()) : "",
      item.summary ? text("summary", item.summary) : "",
      ...item.authors.map((name) => `<author>${element("name", name)}</author>`),
      ...item.categories.map((c) => emptyElement("category", { term: c })),
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    element("id", doc.pageUrl),
    text("title", doc.title),
    text("subtitle", doc.description),
    element("updated", doc.updated.toISOString()),
    emptyElement("link", { rel: "alternate", type: "text/html", href: doc.pageUrl }),
    emptyElement("link", { rel: "self", type: "application/atom+xml", href: doc.selfUrl }),
    // Atom wants an author on every entry; papers known only by title may have none.
    "<author><name>Paperboy</name></author>",
    element("generator", "Paperboy"),
    text("rights", doc.rights),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
