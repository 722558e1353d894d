import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

// XML 1.0's Char production: a document holding anything else is not well-formed, whatever a
// lenient parser makes of it (fast-xml-parser does not check characters itself).
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const REPEATED = new Set(["item", "entry", "author", "dc:creator", "category", "atom:link"]);

/**
 * Checks that a feed is a well-formed XML document and parses it as a feed reader would:
 * entities decoded, CDATA merged into text, attributes as `@name`, whitespace kept.
 */
export function parseFeedXml(text: string) {
  expect(XML_CHARS.test(text), "only characters XML 1.0 allows").toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    // Character references (&#9;) are XML; the option also knows HTML's names, which feeds never hold unescaped.
    htmlEntities: true,
    // Atom has several <link>s; RSS has one, as text.
    isArray: (name, jpath) => REPEATED.has(name) || (name === "link" && String(jpath).startsWith("feed.")),
  });
  return parser.parse(text);
}

/** The text an HTML renderer shows for markup-free HTML (a fragment with no `<`). */
export function plainFromHtml(html: string): string {
  expect(html).not.toContain("<");
  return html.replace(
    /&(lt|gt|quot|#39|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", amp: "&" })[e]!,
  );
}
