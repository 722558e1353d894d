import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedsDir as FIXTURES } from "@/lib/test/fixtures";
import { FeedParseError, type ParseItem, type ParsedPaper } from "../types";
import { parseArxivRss } from "./arxiv-rss";

const capture = fs.readFileSync(path.join(FIXTURES, "arxiv-rss-cs.AI-2026-04-27.xml"), "utf8");

const parse = (xml: string): ParseItem[] => [...parseArxivRss(xml)];
const papers = (items: ParseItem[]): ParsedPaper[] => items.flatMap((i) => (i.kind === "paper" ? [i.paper] : []));

function parseError(xml: string): FeedParseError {
  try {
    parse(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(FeedParseError);
    return e as FeedParseError;
  }
  throw new Error("expected a FeedParseError");
}

const rss = (items: string) => `<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel><title>cs.LG updates on arXiv.org</title>${items}</channel></rss>`;

describe("parseArxivRss on the real capture", () => {
  it("reads the three items", () => {
    const items = parse(capture);
    expect(items).toHaveLength(3);
    expect(papers(items).map((p) => p.arxivId)).toEqual(["2604.21935", "2604.21936", "2604.21937"]);
  });

  it("maps the first item", () => {
    const [p] = papers(parse(capture));
    expect(p.title).toBe("Math Takes Two: A test for emergent mathematical reasoning in communication");
    expect(p.abstract).toMatch(/^Although language models demonstrate remarkable proficiency on mathematical benchmarks,/);
    expect(p.abstract).toMatch(/develop and evaluate models with emergent numerical reasoning capabilities\.$/);
    expect(p.authors).toEqual([{ name: "Michael Cooper" }, { name: "Samuel Cooper" }]);
    expect(p.categories).toEqual(["cs.AI", "cs.LG"]);
    // "Mon, 27 Apr 2026 00:00:00 -0400": the announce day as written, and the exact instant.
    expect(p.publishedAt).toEqual(new Date("2026-04-27T04:00:00Z"));
    expect(p.featured).toEqual({ day: "2026-04-27", featuredAt: new Date("2026-04-27T04:00:00Z") });
  });

  it("keeps every author in order and LaTeX in the abstract", () => {
    const [, second, third] = papers(parse(capture));
    expect(second.title).toBe("An Artifact-based Agent Framework for Adaptive and Reproducible Medical Image Processing");
    expect(second.authors.map((a) => a.name)).toEqual([
      "Lianrui Zuo",
      "Yihao Liu",
      "Gaurav Rudravaram",
      "Karthik Ramadass",
      "Aravind R. Krishnan",
      "Michael D. Phillips",
      "Yelena G. Bodien",
      "Mayur B. Patel",
      "Paula Trujillo",
      "Yency Forero Martinez",
      "Stephen A. Deppen",
      "Eric L. Grogan",
      "Fabien Maldonado",
      "Kevin McGann",
      "Hudson M. Holmes",
      "Laurie E. Cutting",
      "Yuankai Huo",
      "Bennett A. Landman",
    ]);
    expect(second.abstract).toContain("\\textbf{adaptability}, the ability to configure workflows");
    expect(second.categories).toEqual(["cs.AI", "cs.CV", "cs.MA"]);
    expect(third.authors).toHaveLength(17);
    expect(third.authors[16]).toEqual({ name: "Zhengwei Xie" });
  });
});

describe("parseArxivRss on other input", () => {
  it("maps replace items, guid-only ids, 'and' lists and other zones", () => {
    const items = parse(
      rss(`
      <item>
        <title>&lt;script&gt;x&lt;/script&gt; Revised</title>
        <description>arXiv:2501.01234v3 Announce Type: replace-cross
Abstract: We revise.</description>
        <guid isPermaLink="false">oai:arXiv.org:2501.01234v3</guid>
        <category>cs.LG</category>
        <pubDate>Tue, 28 Apr 2026 00:30:00 +0900</pubDate>
        <arxiv:announce_type>replace-cross</arxiv:announce_type>
        <dc:creator>Ann Smith, Bo Li and Cy Young</dc:creator>
      </item>
      <item>
        <title>Old style</title>
        <link>https://arxiv.org/abs/math/0601001</link>
        <description>arXiv:math/0601001v2 Announce Type: replace
Abstract: Old.</description>
        <pubDate>Mon, 27 Apr 2026 00:00:00 GMT</pubDate>
        <dc:creator>Dee</dc:creator>
      </item>`),
    );
    const [a, b] = papers(items);
    expect(a).toEqual({
      arxivId: "2501.01234",
      title: "<script>x</script> Revised",
      abstract: "We revise.",
      authors: [{ name: "Ann Smith" }, { name: "Bo Li" }, { name: "Cy Young" }],
      publishedAt: new Date("2026-04-27T15:30:00Z"),
      featured: { day: "2026-04-28", featuredAt: new Date("2026-04-27T15:30:00Z") },
      categories: ["cs.LG"],
    });
    expect(b.arxivId).toBe("math/0601001");
    expect(b.featured?.day).toBe("2026-04-27");
  });

  it("rejects items without an id or title, or with an impossible date", () => {
    const items = parse(
      rss(`
      <item><title>No link</title></item>
      <item><title>Bad date</title><link>https://arxiv.org/abs/2604.00002</link><pubDate>Mon, 31 Feb 2026 00:00:00 -0400</pubDate></item>
      <item><link>https://arxiv.org/abs/2604.00003</link></item>
      <item><title>Good</title><link>https://arxiv.org/abs/2604.00004</link></item>`),
    );
    expect(items.map((i) => (i.kind === "paper" ? i.paper.title : i.rejection.ref))).toEqual([
      "No link",
      "2604.00002",
      "2604.00003",
      "Good",
    ]);
    expect(items[1].kind === "rejected" && items[1].rejection.reason).toBe('invalid <pubDate> "Mon, 31 Feb 2026 00:00:00 -0400"');
  });

  it("throws on XML that is not well-formed, or not RSS 2.0", () => {
    expect(parseError("<rss><channel><item></channel></rss>").message).toMatch(/^Malformed XML at line 1/);
    expect(parseError('<feed xmlns="http://www.w3.org/2005/Atom"/>').message).toBe("Expected an RSS 2.0 <rss> document, got <feed>");
    expect(parseError('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>').message).toBe(
      "Expected an RSS 2.0 <rss> document, got <rdf:RDF>",
    );
    expect(parseError('<rss version="2.0"></rss>').message).toBe("RSS document has no <channel>");
    expect(parseError("not xml at all").message).toMatch(/^Malformed XML/);
  });
});
