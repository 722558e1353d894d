import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderAtom } from "@/lib/feeds/atom";
import type { FeedDoc } from "@/lib/feeds/feed-doc";
import { renderRss } from "@/lib/feeds/rss";
import { parseFeedXml, plainFromHtml } from "@/lib/feeds/test-xml";
import { xmlSafe } from "@/lib/feeds/xml";

function doc(text: string): FeedDoc {
  const date = new Date("2026-08-14T12:00:00Z");
  return {
    title: text,
    description: text,
    pageUrl: "https://papers.example.org/search?q=a%20b&format=atom",
    selfUrl: "https://papers.example.org/feed.xml?a=1&b=2",
    updated: date,
    rights: text,
    items: [
      {
        link: "https://papers.example.org/papers/1",
        guid: "arxiv:1",
        title: text,
        summary: text,
        date,
        authors: [text, "B"],
        categories: [text],
      },
    ],
  };
}

// Any UTF-16 string, lone surrogates and control characters included.
const anyText = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
const hostile = [
  "\u0000",
  "\uD800",
  "a\uDC00b",
  "\uFFFE",
  "]]>",
  "<![CDATA[x]]>",
  "&amp;",
  "<img src=x onerror=alert(1)>",
  "\r\n",
  "\t x \n",
];

describe("xmlSafe", () => {
  it("drops what XML 1.0 cannot carry and keeps everything else, astral characters included", () => {
    expect(xmlSafe("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg")).toBe("abcdefg");
    expect(xmlSafe("x\uD800y\uDC00z")).toBe("xyz");
    expect(xmlSafe("math 𝔽 and emoji 😀, tab\tand\nlines")).toBe("math 𝔽 and emoji 😀, tab\tand\nlines");
    expect(xmlSafe("a\r\nb\rc")).toBe("a\nb\nc");
  });
});

describe.each([
  ["RSS", renderRss],
  ["Atom", renderAtom],
])("%s", (_, render) => {
  const check = (text: string) => {
    const expected = xmlSafe(text);
    const parsed = parseFeedXml(render(doc(text)));
    if (parsed.rss) {
      const { channel } = parsed.rss;
      const item = channel.item[0];
      expect([channel.title, item.title, item["dc:creator"][0], item.category[0], channel.copyright]).toEqual(Array(5).fill(expected));
      expect(plainFromHtml(item.description)).toBe(expected);
      expect(channel.link).toBe(doc(text).pageUrl);
    } else {
      const { feed } = parsed;
      const entry = feed.entry[0];
      for (const t of [feed.title, feed.subtitle, feed.rights, entry.title, entry.summary])
        expect(t).toEqual({ "#text": expected, "@type": "text" });
      expect(entry.author[0].name).toBe(expected);
      expect(entry.category[0]["@term"]).toBe(expected);
      expect(feed.link.map((l: Record<string, string>) => l["@href"])).toEqual([doc(text).pageUrl, doc(text).selfUrl]);
    }
  };

  // Framed by letters, so text that is dropped entirely still leaves an element to read.
  it.each(hostile)("writes %j as text in a well-formed document", (text) => check(`x${text}y`));

  it("writes any string as text in a well-formed document", () => {
    // Whitespace-only text is left out: fast-xml-parser drops it, a property of the parser, not the feed.
    fc.assert(
      fc.property(
        anyText.filter((s) => xmlSafe(s).trim() !== ""),
        check,
      ),
      { numRuns: 300 },
    );
  });
});
