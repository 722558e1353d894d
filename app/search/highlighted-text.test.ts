import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText, highlightSegments } from "@/components/search/highlighted-text";
import { markEnd, markStart } from "@/lib/data/search";

const mark = (s: string) => `${markStart}${s}${markEnd}`;
const html = (text: string) => renderToStaticMarkup(createElement(HighlightedText, { text }));

describe("HighlightedText", () => {
  it("renders a highlighted title's math with KaTeX, not as its source", () => {
    const out = html(`Inverting the Bellman Equation: From $Q$-${mark("Values")} to World Models`);
    expect(out).toContain('class="katex"');
    expect(out).not.toContain("$Q$");
    expect(out).toContain("<mark>Values</mark>");
    expect(out.startsWith("Inverting the Bellman Equation: From <span>")).toBe(true);
  });

  it("marks a formula whole when a match falls inside it", () => {
    const segments = highlightSegments(`${mark("$\\mathcal{B}")}$-${mark("Coder")}: Value-Based`);
    expect(segments.map((s) => [s.kind, s.match])).toEqual([
      ["math", true],
      ["text", false],
      ["text", true],
      ["text", false],
    ]);
    expect(html(`$\\mathcal{B}$-${mark("Coder")}`)).toMatch(/^<span><span class="katex">.*<\/span><\/span>-<mark>Coder<\/mark>$/);
  });

  it("keeps text without math, escaped dollars and prices as text, and escapes markup", () => {
    expect(html(`Costs $3 and $5 for ${mark("widgets")} <b>`)).toBe("Costs $3 and $5 for <mark>widgets</mark> &lt;b&gt;");
    expect(html(`A \\$ sign, ${mark("then")} $x$`)).toMatch(/^A \$ sign, <mark>then<\/mark> <span><span class="katex">/);
    expect(html(`plain ${mark("words")}`)).toBe("plain <mark>words</mark>");
  });

  it("leaves unrenderable or cut-off math as marked text", () => {
    expect(html(`An excerpt cut at $\\frac{a}{${mark("b")}`)).toBe("An excerpt cut at $\\frac{a}{<mark>b</mark>");
    expect(html(`$\\def\\x{y}$ ${mark("macro")}`)).toBe("$\\def\\x{y}$ <mark>macro</mark>");
  });
});
