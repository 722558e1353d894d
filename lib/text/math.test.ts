import { describe, expect, it } from "vitest";
import { mathToPlainText, splitMath, type MathSegment } from "./math";

const kinds = (segments: MathSegment[]) => segments.map((s) => s.kind);
const mathHtml = (segments: MathSegment[]) => segments.flatMap((s) => (s.kind === "math" ? [s.html] : []));
const asText = (input: string) => expect(splitMath(input)).toEqual([{ kind: "text", text: input }]);

describe("splitMath", () => {
  it("renders inline math between text", () => {
    const segments = splitMath("$Q$-Values are all you need");
    expect(kinds(segments)).toEqual(["math", "text"]);
    expect(splitMath("Learning $Q$-Values").map((s) => s.kind)).toEqual(["text", "math", "text"]);
    const [math, text] = segments;
    expect(math).toMatchObject({ kind: "math", tex: "Q", display: false });
    expect(math.kind === "math" && math.html).toMatch(/class="katex"/);
    expect(text).toEqual({ kind: "text", text: "-Values are all you need" });
  });

  it("renders \\mathcal and \\( \\) math", () => {
    const segments = splitMath("$\\mathcal{B}$-Coder and \\(O(n \\log n)\\) sorting");
    expect(kinds(segments)).toEqual(["math", "text", "math", "text"]);
    expect(segments[0]).toMatchObject({ tex: "\\mathcal{B}" });
    expect(mathHtml(segments)[0]).toMatch(/mathcal/);
    expect(segments[2]).toMatchObject({ tex: "O(n \\log n)", display: false });
  });

  it("renders $$…$$ and \\[…\\] as display math", () => {
    for (const input of ["Energy: $$x^2$$ done", "Energy: \\[x^2\\] done"]) {
      const segments = splitMath(input);
      expect(kinds(segments)).toEqual(["text", "math", "text"]);
      expect(segments[1]).toMatchObject({ tex: "x^2", display: true });
      expect(mathHtml(segments)[0]).toMatch(/katex-display/);
    }
  });

  it("keeps prices as text", () => {
    asText("It costs $3 and $5 per run");
    asText("Budgets from $5-$10, or $20.");
    asText("We raised $2.5 million");
  });

  it("still renders math that starts with a digit", () => {
    expect(kinds(splitMath("a $2\\times$ speedup and $3$ heads"))).toEqual(["text", "math", "text", "math", "text"]);
  });

  it("treats \\$ as a literal dollar, also inside math", () => {
    expect(splitMath("Only \\$5, not \\$x\\$")).toEqual([{ kind: "text", text: "Only $5, not $x$" }]);
    expect(splitMath("$\\$5$")[0]).toMatchObject({ kind: "math", tex: "\\$5" });
  });

  it("leaves unbalanced, empty, padded, long and multi-paragraph spans as text", () => {
    asText("An unbalanced $x and nothing else");
    asText("Empty $$ and $ $ and $$ $$");
    asText("Padded $ x$ and $x $ spans");
    asText(`Long $${"x".repeat(301)}$`);
    asText("Across $a\n\nb$ paragraphs");
  });

  it("keeps HTML outside math as verbatim text", () => {
    asText('<script>alert(1)</script><img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a>');
  });

  it.each([
    "$<script>alert(1)</script>$",
    "$\\href{javascript:alert(1)}{x}$",
    "$\\url{javascript:alert(1)}$",
    "$\\htmlClass{x}{y}$",
    "$\\htmlStyle{background:url(x)}{y}$",
    "$\\includegraphics{http://x}$",
    "$<img src=x onerror=alert(1)>$",
    '$\\textcolor{red" onmouseover="alert(1)}{x}$',
  ])("never lets markup through: %s", (input) => {
    for (const html of mathHtml(splitMath(input))) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/onerror|onmouseover/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/href=/i);
    }
    expect(
      splitMath(input)
        .map((s) => (s.kind === "text" ? s.text : s.tex))
        .join(""),
    ).toMatch(/./);
  });

  it("falls back to the source for untrusted commands", () => {
    asText("Link $\\href{javascript:alert(1)}{x}$ here");
  });

  it.each([
    "$\\def\\a{\\a\\a}\\a$",
    "$\\def\\a{xxxxxxxxxx}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b\\b}\\c$",
    "$\\gdef\\a{\\a}\\a$",
  ])("stops macro bombs quickly: %s", (input) => {
    const started = performance.now();
    asText(input);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("falls back to text on KaTeX errors and runaway sizes", () => {
    asText("Broken $\\frac{1}{$ formula");
    asText("Bad $\\undefinedcommand{x}$ macro");
    asText("Pull $x\\kern-1000em y$ left");
    asText("Drop $\\raisebox{-1000em}{x}$ down");
  });

  it("caps sizes at maxSize", () => {
    const [html] = mathHtml(splitMath("$\\rule{1000em}{1000em}$"));
    expect(html).toBeDefined();
    expect(html).toMatch(/border-right-width:10em;border-top-width:10em/);
    expect(html).not.toMatch(/:1000em/);
  });

  it("returns the same HTML for repeated tex", () => {
    expect(mathHtml(splitMath("$Q$ and $Q$"))).toEqual(mathHtml(splitMath("$Q$")).concat(mathHtml(splitMath("$Q$"))));
  });
});

describe("mathToPlainText", () => {
  it("drops delimiters and simplifies common commands", () => {
    expect(mathToPlainText("$\\mathcal{B}$-Coder: ...")).toBe("B-Coder: ...");
    expect(mathToPlainText("$Q$-Values in $O(n \\log n)$")).toBe("Q-Values in O(n log n)");
    expect(mathToPlainText("$\\alpha \\leq \\frac{1}{2}$ and $$x^{2}$$")).toBe("α ≤ 1/2 and x^2");
  });

  it("keeps prices and escaped dollars", () => {
    expect(mathToPlainText("It costs $3 and \\$5")).toBe("It costs $3 and $5");
  });
});
