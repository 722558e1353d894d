import { describe, expect, it } from "vitest";
import { bibtexKey, escapeBibtex, escapeTitle, toBibtex } from "@/lib/lists/bibtex";

describe("escapeBibtex", () => {
  it("escapes every LaTeX special character once", () => {
    expect(escapeBibtex("50% of R&D_cost #1 {x} $5 ~ ^ \\")).toBe(
      "50\\% of R\\&D\\_cost \\#1 \\{x\\} \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
    );
    expect(escapeBibtex("  two\n lines  ")).toBe("two lines");
  });
});

describe("escapeTitle", () => {
  it("keeps inline math and escapes the rest", () => {
    expect(escapeTitle("$Q$-Values & $\\mathcal{B}$-Coder at 100%")).toBe("$Q$-Values \\& $\\mathcal{B}$-Coder at 100\\%");
  });

  it("escapes prices, lone dollars and math that would unbalance the field", () => {
    expect(escapeTitle("From $5 to $10 a day")).toBe("From \\$5 to \\$10 a day");
    expect(escapeTitle("Cost in $ only")).toBe("Cost in \\$ only");
    expect(escapeTitle("Bad $x}$ math")).toBe("Bad \\$x\\}\\$ math");
  });
});

describe("bibtexKey", () => {
  it("is last name, year and first significant title word, in ASCII", () => {
    expect(bibtexKey({ authors: ["Ashish Vaswani", "Noam Shazeer"], year: 2017, title: "Attention Is All You Need" })).toBe(
      "vaswani2017attention",
    );
    expect(bibtexKey({ authors: ["Emily M. Bender"], year: 2021, title: "On the Dangers of Stochastic Parrots" })).toBe(
      "bender2021dangers",
    );
    expect(bibtexKey({ authors: ["Łukasz Kaiser"], year: 2017, title: "One Model To Learn Them All" })).toBe("kaiser2017one");
    expect(bibtexKey({ authors: ["José Müller Jr."], year: 2024, title: "$Q$-Learning, revisited" })).toBe("muller2024learning");
    expect(bibtexKey({ authors: ["Hinton, Geoffrey"], year: null, title: "Deep learning" })).toBe("hintondeep");
    expect(bibtexKey({ authors: ["张三"], year: 2024, title: "大模型" })).toBe("anon2024");
  });
});

describe("toBibtex", () => {
  it("writes arXiv's @misc shape with eprint fields and a URL", () => {
    const out = toBibtex([
      {
        arxivId: "1706.03762",
        title: "Attention Is All You Need",
        authors: ["Ashish Vaswani", "Noam Shazeer"],
        year: 2017,
        primaryClass: "cs.CL",
        url: "https://arxiv.org/abs/1706.03762",
      },
    ]);
    expect(out).toBe(
      [
        "@misc{vaswani2017attention,",
        "  title = {{Attention Is All You Need}},",
        "  author = {Ashish Vaswani and Noam Shazeer},",
        "  year = {2017},",
        "  eprint = {1706.03762},",
        "  archivePrefix = {arXiv},",
        "  primaryClass = {cs.CL},",
        "  url = {https://arxiv.org/abs/1706.03762},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("makes repeated keys unique and braces names that contain 'and'", () => {
    const p = {
      arxivId: null,
      title: "Deep Nets",
      authors: ["Research and Development Team"],
      year: 2020,
      primaryClass: null,
      url: "http://localhost/papers/local-1",
    };
    const out = toBibtex([p, p, p]);
    expect(out.match(/@misc\{(\w+),/g)).toEqual(["@misc{team2020deep,", "@misc{team2020deepb,", "@misc{team2020deepc,"]);
    expect(out).toContain("author = {{Research and Development Team}}");
    expect(out).not.toContain("eprint");
  });

  it("never lets a field's braces come unbalanced", () => {
    const out = toBibtex([
      {
        arxivId: "2401.00001",
        title: "}{ @misc{evil, title={x}} %",
        authors: ["A } B"],
        year: 2024,
        primaryClass: "cs.LG",
        url: "https://arxiv.org/abs/2401.00001",
      },
    ]);
    let depth = 0;
    for (let i = 0; i < out.length; i++) {
      if (out[i] === "\\") {
        i++;
        continue;
      }
      if (out[i] === "{") depth++;
      if (out[i] === "}") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(out.match(/^@/gm)).toHaveLength(1);
  });
});
