import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedsDir as FIXTURES } from "@/lib/test/fixtures";
import { detectFormat, xmlRootName } from "./detect";

const head = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8").slice(0, 4096);

describe("detectFormat", () => {
  it("recognises every capture from its first 4 KB", () => {
    expect(detectFormat(head("hf-daily-papers-2025-10-01.json"))).toBe("hf-daily");
    expect(detectFormat(head("hf-daily-papers-2026-03-04.json"))).toBe("hf-daily");
    expect(detectFormat(head("hf-daily-papers-2026-08-14.json"))).toBe("hf-daily");
    expect(detectFormat(head("arxiv-api-query-cs.RO-2025-10-17.xml"))).toBe("arxiv-atom");
    expect(detectFormat(head("arxiv-rss-cs.AI-2026-04-27.xml"))).toBe("arxiv-rss");
    expect(detectFormat(head("hf-papers-page-excerpt.txt"))).toBe("hf-page-text");
  });

  it("skips a BOM, whitespace, the XML declaration, comments and DOCTYPE", () => {
    expect(detectFormat('\uFEFF\n  [{"paper": {}}]')).toBe("hf-daily");
    expect(detectFormat(' {"id": "2406.12345"}')).toBe("hf-daily");
    expect(
      detectFormat(
        '\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<!DOCTYPE feed [<!ENTITY x "<y>">]>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
    ).toBe("arxiv-atom");
    expect(detectFormat('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')).toBe("arxiv-rss");
  });

  it("returns null for other XML, HTML and plain text", () => {
    expect(detectFormat("<!DOCTYPE html>\n<html lang=en><head><title>Daily Papers</title>")).toBeNull();
    expect(detectFormat('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBeNull();
    expect(detectFormat("Just some notes.\nNothing to see here.")).toBeNull();
    expect(detectFormat("")).toBeNull();
    expect(detectFormat(head("README.md"))).toBeNull();
  });

  it("recognises page text by its meta lines or header alone", () => {
    expect(detectFormat("A title\nAn abstract\n  • 3 authors\n")).toBe("hf-page-text");
    expect(detectFormat("A title\nAn abstract\nMicrosoftResearch Microsoft Research\n·\nJun 18")).toBe("hf-page-text");
    expect(detectFormat("new\r\nDaily Papers\r\nJun 29\r\n")).toBe("hf-page-text");
    expect(detectFormat("Price · 12 dollars")).toBeNull();
  });
});

describe("xmlRootName", () => {
  it("gives the qualified root name, or null when there is none yet", () => {
    expect(xmlRootName('<?xml version="1.0"?><rss version="2.0">')).toBe("rss");
    expect(xmlRootName("<rdf:RDF>")).toBe("rdf:RDF");
    expect(xmlRootName("<?xml version=")).toBeNull();
    expect(xmlRootName("hello")).toBeNull();
  });
});
