import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_COMMENT_CHARS, renderComment } from "@/lib/comments/render";

/** What must never appear in a rendered comment, whatever was typed. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<(?:script|img|iframe|object|embed|style|form|input|link|meta|base|video|audio|source)\b/i);
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    expect(tag).not.toMatch(/\s(?:on[a-z]+|src|srcset|formaction|style\s*=\s*"[^"]*url\()\s*=?/i);
  }
  for (const [, href] of html.matchAll(/\bhref="([^"]*)"/g)) {
    const decoded = href
      .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)));
    expect(decoded.replace(/[\s\u0000-\u001f]/g, "")).toMatch(/^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i);
  }
}

describe("renderComment", () => {
  it("renders Markdown and math the way a reader expects", () => {
    const html = renderComment("**Nice** result: $E=mc^2$ holds, see [the code](https://github.com/a/b).\n\n- one\n- two");
    expect(html).toContain("<strong>Nice</strong>");
    expect(html).toContain('class="katex"');
    expect(html).toContain('<a href="https://github.com/a/b" rel="nofollow ugc noopener">the code</a>');
    expect(html).toContain("<li>one</li>");
  });

  it("keeps LaTeX that Markdown would mangle (emphasis, escapes) intact inside math", () => {
    const html = renderComment("$a*b*c$ and $\\{x\\}$ and $$\\sum_i x_i \\\\ y$$");
    expect(html).not.toContain("<em>");
    expect(html.match(/class="katex"/g)).toHaveLength(3);
  });

  it("leaves prices as text", () => {
    expect(renderComment("It costs $3 and $5 a month")).toBe("<p>It costs $3 and $5 a month</p>\n");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["an image with onerror", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["a javascript: link", "[x](javascript:alert(1))", "[x](javascript:alert(1))"],
    ["a mixed-case javascript: link", "[x](JaVaScRiPt:alert(1))", "[x](JaVaScRiPt:alert(1))"],
    ["a data: link", "[x](data:text/html,<b>hi</b>)", "[x](data:text/html,&lt;b&gt;hi&lt;/b&gt;)"],
    ["a javascript: autolink", "<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"],
    ["an iframe", "<iframe src=//evil.example></iframe>", "&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;"],
  ])("shows %s as text", (_name, input, shown) => {
    const html = renderComment(input);
    expect(html).toContain(shown);
    expectInert(html);
  });

  it("shows no image: the reader's browser fetches nothing from another host", () => {
    const html = renderComment("![tracker](https://evil.example/pixel.png)");
    expect(html).not.toContain("<img");
    expectInert(html);
  });

  it("makes no headings (a comment is not a section of the page)", () => {
    expect(renderComment("# Big\n\nText")).not.toMatch(/<h\d/);
  });

  it("refuses math that asks for trust (\\href) and macro bombs, showing the source", () => {
    const html = renderComment("$\\href{javascript:alert(1)}{x}$ and $\\def\\a{\\b\\b}\\def\\b{\\a\\a}\\a$");
    expectInert(html);
    expect(html).not.toContain("href=");
  });

  it("refuses an empty comment and one over the limit, with the reason", () => {
    expect(() => renderComment(" \n\t ")).toThrow(/Write something/);
    const long = "a".repeat(100_000);
    expect(() => renderComment(long)).toThrow(`at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters (this one has 100,000)`);
    expect(renderComment("a".repeat(MAX_COMMENT_CHARS))).toContain("aaaa");
  });
});

// The worst inputs known for Markdown parsers and for math, at the largest size accepted.
const worst: Record<string, string> = {
  "nested quotes": ">".repeat(MAX_COMMENT_CHARS - 1) + "a",
  "nested lists": Array.from({ length: 2000 }, (_, i) => `${" ".repeat(Math.min(i * 2, 8))}- a`)
    .join("\n")
    .slice(0, MAX_COMMENT_CHARS),
  "deep list indents": Array.from({ length: 400 }, (_, i) => `${"  ".repeat(i % 40)}* x`)
    .join("\n")
    .slice(0, MAX_COMMENT_CHARS),
  "unclosed emphasis": "*a _b ".repeat(MAX_COMMENT_CHARS / 6),
  "unclosed links": "[a](".repeat(MAX_COMMENT_CHARS / 4),
  "link brackets": "[".repeat(MAX_COMMENT_CHARS / 2) + "]".repeat(MAX_COMMENT_CHARS / 2),
  backticks: "`a``".repeat(MAX_COMMENT_CHARS / 4),
  "html-ish": "<a <b <c ".repeat(MAX_COMMENT_CHARS / 9),
  "distinct formulas": Array.from({ length: 2000 }, (_, i) => `$x_{${i}}$`)
    .join(" ")
    .slice(0, MAX_COMMENT_CHARS),
  "dollar runs": "$a".repeat(MAX_COMMENT_CHARS / 2),
  "\\( runs": "\\(".repeat(MAX_COMMENT_CHARS / 2),
  "big nested math": "$" + "\\sqrt{".repeat(140) + "x" + "}".repeat(140) + "$\n\n".repeat(1),
  "table columns": "|a".repeat(MAX_COMMENT_CHARS / 4) + "\n" + "|-".repeat(MAX_COMMENT_CHARS / 4 - 1),
  autolinks: "https://a.example/ ".repeat(MAX_COMMENT_CHARS / 19),
};

describe("hostile Markdown at the size limit renders inert, in bounded time", () => {
  it.each(Object.keys(worst))("%s", (name) => {
    const started = performance.now();
    let html = "";
    try {
      html = renderComment(worst[name]);
    } catch (err) {
      expect((err as Error).message).toMatch(/renders too large/);
    }
    expect(performance.now() - started, name).toBeLessThan(2000);
    expectInert(html);
  });

  it("random mixes of Markdown, HTML, link schemes and math stay inert and fast", () => {
    const piece = fc.constantFrom(
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      "javascript:",
      "JaVaScRiPt&#58;",
      "java\tscript:",
      "data:text/html,",
      "[",
      "](",
      ")",
      "![",
      "<",
      ">",
      "> ",
      "- ",
      "1. ",
      "`",
      "```",
      "*",
      "_",
      "$",
      "$$",
      "\\(",
      "\\)",
      "\\href{",
      "\\def",
      "{",
      "}",
      "\n",
      "\n\n",
      "    ",
      "|",
      "&",
      '"',
      "'",
      " onmouseover=",
      "https://x.example",
      "a",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3000 }), (pieces) => {
        const input = pieces.join("").slice(0, MAX_COMMENT_CHARS);
        const started = performance.now();
        let html = "";
        try {
          html = renderComment(input);
        } catch (err) {
          expect((err as Error).message).toMatch(/Write something|renders too large/);
        }
        expect(performance.now() - started).toBeLessThan(2000);
        expectInert(html);
      }),
      { numRuns: 150 },
    );
  });
});
