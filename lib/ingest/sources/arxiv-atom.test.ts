import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedsDir as FIXTURES } from "@/lib/test/fixtures";
import { FeedParseError, type ParseItem, type ParsedPaper } from "../types";
import { parseArxivAtom } from "./arxiv-atom";

const capture = fs.readFileSync(path.join(FIXTURES, "arxiv-api-query-cs.RO-2025-10-17.xml"), "utf8");

const parse = (xml: string): ParseItem[] => [...parseArxivAtom(xml)];
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

// The 2026 API layout: namespaces declared once on <feed>, https links, primary category last.
const layout2026 = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/abc</id>
  <title>arXiv Query: search_query=all:electron&amp;id_list=&amp;start=0&amp;max_results=2</title>
  <updated>2026-02-02T00:00:00Z</updated>
  <opensearch:itemsPerPage>2</opensearch:itemsPerPage>
  <opensearch:totalResults>2</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <entry>
    <id>http://arxiv.org/abs/2601.01234v3</id>
    <title>&lt;script&gt;alert(1)&lt;/script&gt; and $\\alpha$-Nets:
      a &#233;tude</title>
    <updated>2026-01-20T10:00:00Z</updated>
    <link href="https://arxiv.org/abs/2601.01234v3" rel="alternate" type="text/html"/>
    <summary>Line one
line two.</summary>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-01-05T23:30:00Z</published>
    <arxiv:comment>12 pages,
      3 figures</arxiv:comment>
    <arxiv:primary_category term="stat.ML"/>
    <author><name>Ada Lovelace</name><arxiv:affiliation>Analytical Engines</arxiv:affiliation></author>
    <author><name>Alan Turing</name></author>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/hep-th/9901001v2</id>
    <title>An old-style id</title>
    <summary>Old.</summary>
    <published>1999-01-04T00:00:00Z</published>
    <author><name>Ed Witten</name></author>
  </entry>
</feed>`;

describe("parseArxivAtom on the real capture", () => {
  it("reads both entries", () => {
    const items = parse(capture);
    expect(items).toHaveLength(2);
    expect(papers(items).map((p) => p.arxivId)).toEqual(["2510.14968", "2510.14827"]);
  });

  it("maps the first entry", () => {
    const [p] = papers(parse(capture));
    expect(p.title).toBe("RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks");
    expect(p.abstract).toMatch(/^To tackle long-horizon tasks, recent hierarchical vision-language-action \(VLAs\) frameworks employ/);
    expect(p.abstract).toMatch(/Code and more results are available at rdd-neurips\.github\.io\.$/);
    expect(p.abstract).not.toMatch(/\n|  /);
    expect(p.authors).toEqual([{ name: "Mingxuan Yan" }, { name: "Yuping Wang" }, { name: "Zechun Liu" }, { name: "Jiachen Li" }]);
    expect(p.publishedAt).toEqual(new Date("2025-10-16T17:59:37Z"));
    expect(p.featured).toEqual({ day: "2025-10-16", featuredAt: new Date("2025-10-16T17:59:37Z") });
    expect(p.categories).toEqual(["cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY"]);
    expect(p.comment).toBe(
      "39th Conference on Neural Information Processing Systems (NeurIPS 2025); Project Website: rdd-neurips.github.io",
    );
  });

  it("maps the second entry, which has no comment", () => {
    const [, p] = papers(parse(capture));
    expect(p.title).toBe("Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping");
    expect(p.authors.map((a) => a.name)).toEqual([
      "Yufei Zhu",
      "Shih-Min Yang",
      "Andrey Rudenko",
      "Tomasz P. Kucner",
      "Achim J. Lilienthal",
      "Martin Magnusson",
    ]);
    expect(p.publishedAt).toEqual(new Date("2025-10-16T16:04:01Z"));
    expect(p.categories).toEqual(["cs.RO"]);
    expect(p).not.toHaveProperty("comment");
  });
});

describe("parseArxivAtom on other input", () => {
  it("reads the 2026 layout, old-style ids, entities and markup as text", () => {
    const [a, b] = papers(parse(layout2026));
    expect(a.arxivId).toBe("2601.01234");
    expect(a.title).toBe("<script>alert(1)</script> and $\\alpha$-Nets: a étude");
    expect(a.abstract).toBe("Line one line two.");
    expect(a.categories).toEqual(["stat.ML", "cs.LG"]);
    expect(a.comment).toBe("12 pages, 3 figures");
    expect(a.authors).toEqual([{ name: "Ada Lovelace" }, { name: "Alan Turing" }]);
    expect(a.featured?.day).toBe("2026-01-05");
    expect(b.arxivId).toBe("hep-th/9901001");
    expect(b).not.toHaveProperty("categories");
  });

  it("rejects entries without a usable id, title or date", () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>No id</title></entry>
      <entry><id>http://arxiv.org/abs/2601.00002v1</id><title> </title></entry>
      <entry><id>http://arxiv.org/abs/2601.00003v1</id><title>Bad date</title><published>2025-13-40T00:00:00Z</published></entry>
      <entry><id>http://example.org/x</id><title>Not arXiv</title></entry>
      <entry><id>http://arxiv.org/abs/2601.00005</id><title>Fine</title></entry>
    </feed>`;
    const items = parse(xml);
    expect(items.map((i) => (i.kind === "paper" ? i.paper.title : i.rejection.ref))).toEqual([
      "No id",
      "http://arxiv.org/abs/2601.00002v1",
      "http://arxiv.org/abs/2601.00003v1",
      "http://example.org/x",
      "Fine",
    ]);
    expect(items[2].kind === "rejected" && items[2].rejection.reason).toBe('invalid <published> date "2025-13-40T00:00:00Z"');
  });

  it("yields nothing for an empty result feed", () => {
    expect(parse('<feed xmlns="http://www.w3.org/2005/Atom"><title>q</title></feed>')).toEqual([]);
  });

  it("throws arXiv's message for an API error feed", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.1234</summary>
    <updated>2025-10-17T00:00:00-04:00</updated>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>`;
    expect(parseError(xml).message).toBe("arXiv API error: incorrect id format for 1234.1234");
  });

  it("throws on XML that is not well-formed, or not an Atom feed", () => {
    expect(parseError('<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>').message).toMatch(/^Malformed XML at line 1, column \d+/);
    expect(parseError(capture.slice(0, 2000)).message).toMatch(/^Malformed XML/);
    expect(parseError("").message).toMatch(/^Malformed XML/);
    expect(parseError('<rss version="2.0"><channel/></rss>').message).toBe("Expected an Atom <feed> document, got <rss>");
    expect(parseError("<!DOCTYPE html><html><body><p>Hi</p></body></html>").message).toBe("Expected an Atom <feed> document, got <html>");
  });

  it("refuses DOCTYPE entity declarations", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "${"x".repeat(500)}">]><feed><title>${"&a;".repeat(1000)}</title></feed>`;
    expect(parseError(bomb).message).toMatch(/DOCTYPE internal subset/);
  });
});
