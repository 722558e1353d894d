import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FeedParseError, type ParsedPaper } from "../types";
import { ATOM_ARRAYS, parseArxivAtom } from "./arxiv-atom";
import { parseXmlFeed, SLICE, streamXmlFeed, type XmlNode } from "./xml";

// What the arXiv parsers read from the tree is pinned in arxiv-atom.test.ts and arxiv-rss.test.ts;
// these pin what the move from fast-xml-parser to saxes had to decide or keep.
const parse = (xml: string, arrays: string[] = []) => parseXmlFeed(xml, "arxiv-atom", arrays);
const rootOf = (xml: string, arrays: string[] = []) => parse(xml, arrays).root;

function parseError(xml: string): string {
  try {
    parse(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(FeedParseError);
    return (e as Error).message;
  }
  throw new Error("expected a FeedParseError");
}

const entry = (title: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2601.00001v1</id><title>${title}</title></entry></feed>`;
const titleOf = (xml: string) => {
  const [item] = [...parseArxivAtom(xml)];
  return item.kind === "paper" ? (item.paper as ParsedPaper).title : item.rejection.reason;
};

describe("entities", () => {
  it("decodes HTML's named entities, XML's five and character references in titles", () => {
    expect(titleOf(entry("Caf&eacute; &amp; cr&egrave;me &ndash; &lt;b&gt; &#233;&#xE9; &#x1F600; &hellip;"))).toBe(
      "Café & crème – <b> éé 😀 …",
    );
    expect(titleOf(entry("a&nbsp;b"))).toBe("a b");
  });

  it("decodes them in attribute values too", () => {
    expect(rootOf("<feed><c term='Stra&szlig;e &amp; &#233;'/></feed>")).toEqual({ c: { "@_term": "Straße & é" } });
  });

  it("keeps an undefined entity, or a reference to a character XML forbids, as written", () => {
    expect(titleOf(entry("a &foo; b &#0; c"))).toBe("a &foo; b &#0; c");
  });

  it('refuses a bare "&", pointing at it rather than at the end of the document', () => {
    expect(parseError("<feed>\n  <title>Salt & pepper</title>\n  <x/>\n</feed>")).toBe(
      'Malformed XML at line 2, column 15: "&" that starts no entity',
    );
    expect(parseError("<feed><title>&#233 x</title></feed>")).toMatch(/^Malformed XML at line 1, column 14: /);
    // One in CDATA or a comment is text, not the fault.
    expect(parseError("<feed><![CDATA[a & b]]><!-- & --><entry></feed>")).toMatch(
      /^Malformed XML at line 1, column \d+: unexpected close tag/,
    );
  });
});

describe("text", () => {
  it("keeps CDATA as written, markup and edge spaces included", () => {
    expect(titleOf(entry("<![CDATA[<i>Attention</i> & you]]>"))).toBe("<i>Attention</i> & you");
    expect(rootOf("<feed><t><![CDATA[  ]]></t></feed>")).toEqual({ t: "  " });
  });

  it("trims each run of text between markup and joins the runs, as fast-xml-parser did", () => {
    expect(rootOf("<feed><t> x <![CDATA[a]]> y </t></feed>")).toEqual({ t: "xay" });
    expect(rootOf("<feed><t>a <!-- note --> b</t></feed>")).toEqual({ t: "ab" });
    expect(rootOf("<feed><t>a <b>bold</b> c</t></feed>")).toEqual({ t: { b: "bold", "#text": "ac" } });
    expect(rootOf("<feed>\n  <id> a \n b </id>\n</feed>")).toEqual({ id: "a \n b" });
  });

  it("gives an empty or whitespace-only element as the empty string", () => {
    expect(rootOf("<feed><a/><b></b><c>  </c><d><!-- only a comment --></d></feed>")).toEqual({ a: "", b: "", c: "", d: "" });
  });

  it("lets through a control character and a stray ]]>, which spoil one text and not the feed", () => {
    expect(rootOf("<feed><t>a\u0001b ]]> c</t></feed>")).toEqual({ t: "a\u0001b ]]> c" });
  });
});

describe("elements and attributes", () => {
  it("puts the text of an element with attributes under #text, and trims attribute values", () => {
    expect(rootOf("<feed><t type='html' x=' a  b '>T</t><u k='v'/><v k='v'>  </v></feed>")).toEqual({
      t: { "@_type": "html", "@_x": "a  b", "#text": "T" },
      u: { "@_k": "v" },
      v: { "@_k": "v" },
    });
  });

  it("makes repeated elements arrays, and the given paths arrays even when single", () => {
    const root = rootOf("<feed><t>1</t><t>2</t><entry><a>x</a></entry><x><y>1</y></x><x><y>2</y><y>3</y></x></feed>", [
      "feed.entry",
      "feed.x.y",
    ]);
    expect(root).toEqual({ t: ["1", "2"], entry: [{ a: "x" }], x: [{ y: ["1"] }, { y: ["2", "3"] }] });
  });

  it("removes namespace prefixes, bound or not, drops xmlns attributes and gives the root name as written", () => {
    const { rootName, root } = parse(
      "<a:feed xmlns:a='u' xmlns='v' a:x='1' xml:lang='en'><a:b>1</a:b><zz:c zz:d='2'>3</zz:c><comment>4</comment><q:comment>5</q:comment></a:feed>",
      ["feed.entry"],
    );
    expect(rootName).toBe("a:feed");
    expect(root).toEqual({ "@_x": "1", "@_lang": "en", b: "1", c: { "@_d": "2", "#text": "3" }, comment: ["4", "5"] });
  });

  it("makes a processing instruction inside an element an empty child, so an entry holding one is still reported", () => {
    expect(rootOf("<?xml version='1.0'?><?style x?><feed><t>a<?pi x?>b</t></feed><!-- end -->")).toEqual({
      t: { "?pi": "", "#text": "ab" },
    });
    const items = [...parseArxivAtom("<feed><entry><?pi x?></entry><entry/></feed>")];
    expect(items).toEqual([{ kind: "rejected", rejection: { ref: "entry #1", reason: "missing <id>" } }]);
  });

  it('treats an element named "__proto__" as data', () => {
    const root = rootOf("<feed><__proto__><polluted>yes</polluted></__proto__><constructor>2</constructor><__proto__/></feed>");
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(Object.keys(root)).toEqual(["__proto__", "constructor"]);
    expect(root.constructor).toBe("2");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts a BOM, a DOCTYPE without internal subset, and comments and whitespace around the root", () => {
    expect(parse('\uFEFF<?xml version="1.0"?>\n<!DOCTYPE feed>\n<!-- c -->\n<feed><x>1</x></feed>\n')).toEqual({
      rootName: "feed",
      root: { x: "1" },
    });
  });
});

describe("malformed XML", () => {
  it.each([
    ["", /^Malformed XML at line 1, column \d+: document must contain a root element/],
    ["<feed>", /^Malformed XML at line 1, column 6: unclosed tag: feed/],
    ["<feed>\n<entry></feed>", /^Malformed XML at line 2, column 14: unexpected close tag/],
    ["<feed/><feed/>", /^Malformed XML at line 1, column \d+: documents may contain only one root/],
    ["<feed/>junk", /^Malformed XML at line 1, column \d+: text data outside of root node/],
    ["junk<feed/>", /^Malformed XML at line 1, column \d+: text data outside of root node/],
    ["<feed><x a='1' a='2'/></feed>", /^Malformed XML at line 1, column \d+: duplicate attribute: a/],
    ["<feed><x a=1/></feed>", /^Malformed XML at line 1, column \d+: unquoted attribute value/],
    ["<feed><1x/></feed>", /^Malformed XML at line 1, column 8: disallowed character in tag name/],
  ])("%j: %s", (xml, message) => {
    expect(parseError(xml)).toMatch(message);
  });

  it("refuses a DOCTYPE internal subset before reading further", () => {
    expect(parseError('<!DOCTYPE feed [<!ENTITY a "b">]><feed>&a;</feed>')).toMatch(/DOCTYPE internal subset/);
  });
});

describe("documents longer than one slice, read entry by entry", () => {
  const realFeed = readFileSync(path.resolve(import.meta.dirname, "../../../bench/fixtures/arxiv-metadata-2007-dev.xml"), "utf8");
  const stream = (xml: string) => {
    const items = streamXmlFeed(xml, "arxiv-atom", ATOM_ARRAYS, "feed.entry", () => {});
    const out: XmlNode[] = [];
    for (let next = items.next(); ; next = items.next()) {
      if (next.done) return { items: out, root: next.value };
      out.push(next.value);
    }
  };
  /** An Atom document whose `middle` starts at character `at`, after entries that fill the way there. */
  const documentWith = (middle: string, at: number) => {
    const head = "<feed>";
    const filler = (n: number) => `<entry><id>http://arxiv.org/abs/2601.${String(n).padStart(5, "0")}v1</id><title>t</title></entry>\n`;
    let text = head;
    for (let n = 1; text.length + filler(n).length < at; n++) text += filler(n);
    return `${text}${" ".repeat(at - text.length)}${middle}</feed>`;
  };

  it("hands out the same entries as the whole tree holds, and the rest of the tree without them", () => {
    expect(realFeed.length).toBeGreaterThan(4 * SLICE);
    const tree = parseXmlFeed(realFeed, "arxiv-atom", ATOM_ARRAYS).root;
    const { items, root } = stream(realFeed);
    expect(items).toHaveLength(1000);
    expect(items).toEqual(tree.entry);
    const { entry: _, ...rest } = tree;
    expect(root).toEqual(rest);
  });

  it("gives the first entries out before the end of the document is read", () => {
    const xml = documentWith("<entry><title>cut", 3 * SLICE).slice(0, -"</feed>".length);
    const items = parseArxivAtom(xml);
    const first = items.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ kind: "paper", paper: { arxivId: "2601.00001" } });
    expect(() => [...items]).toThrow(/^Malformed XML at line \d+, column \d+: unclosed tag/);
  });

  it("keeps a character of two UTF-16 units whole when a slice ends between them", () => {
    for (const boundary of [SLICE, 2 * SLICE]) {
      const start = `${documentWith("", boundary - 1000).slice(0, -"</feed>".length)}<entry><id>http://arxiv.org/abs/2602.00001v1</id><title>`;
      const title = `${"x".repeat(boundary - 1 - start.length)}😀 ok`;
      const xml = `${start}${title}</title></entry></feed>`;
      expect(xml.charCodeAt(boundary - 1)).toBe(0xd83d); // the first half ends one slice, the second starts the next
      expect(stream(xml).items.at(-1)!.title).toBe(title);
    }
  });

  it('points at a bare "&" and at a malformed tag by line and column in a later slice', () => {
    const before = documentWith("", 2 * SLICE + 100).slice(0, -"</feed>".length);
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    expect(parseError(`${before}<title>Salt & pepper</title></feed>`)).toBe(
      `Malformed XML at line ${line}, column ${column + 12}: "&" that starts no entity`,
    );
    expect(parseError(`${before}<entry></feed>`)).toMatch(new RegExp(`^Malformed XML at line ${line}, column \\d+: unexpected close tag`));
  });
});
