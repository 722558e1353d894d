import { describe, expect, it } from "vitest";
import { parseArxivRef, parseImportText } from "@/lib/lists/import-text";

describe("parseArxivRef", () => {
  it.each([
    ["2406.12345", "2406.12345"],
    ["2406.12345v3", "2406.12345"],
    ["arXiv:2406.12345", "2406.12345"],
    ["1905.0123", "1905.0123"],
    ["hep-th/9901001v2", "hep-th/9901001"],
    ["math.GT/0309136", "math.GT/0309136"],
    ["https://arxiv.org/abs/2406.12345v2", "2406.12345"],
    ["http://arxiv.org/pdf/2406.12345v1.pdf", "2406.12345"],
    ["https://arxiv.org/pdf/2406.12345", "2406.12345"],
    ["arxiv.org/abs/hep-th/9901001", "hep-th/9901001"],
    ["https://www.arxiv.org/abs/2406.12345?context=cs", "2406.12345"],
    ["https://export.arxiv.org/abs/2406.12345#x", "2406.12345"],
    ["https://arxiv.org/html/2406.12345v1", "2406.12345"],
    ["https://huggingface.co/papers/2406.12345", "2406.12345"],
    ["<https://arxiv.org/abs/2406.12345>.", "2406.12345"],
  ])("reads %s", (token, id) => {
    expect(parseArxivRef(token)).toEqual({ arxivId: id });
  });

  it.each([
    ["2413.12345", /no month 13/],
    ["hello", /not an arXiv id/],
    ["https://example.com/abs/2406.12345", /not an arxiv.org URL/],
    ["https://arxiv.org/list/cs.CL/recent", /names no paper/],
    ["https://arxiv.org/abs/banana", /no valid arXiv id/],
  ])("explains why %s is not a paper", (token, reason) => {
    const ref = parseArxivRef(token);
    expect("reason" in ref && ref.reason).toMatch(reason);
  });
});

describe("parseImportText", () => {
  it("takes one per line or whitespace separated, with line numbers for bad ones, and skips repeats", () => {
    const parsed = parseImportText(
      [
        "# my papers",
        "2406.12345 https://arxiv.org/abs/2401.00001v2",
        "",
        "not-an-id",
        "2406.12345v2, arXiv:2313.00001",
        "\thep-th/9901001  ",
      ].join("\n"),
    );
    expect(parsed.refs).toEqual([
      { line: 2, arxivId: "2406.12345" },
      { line: 2, arxivId: "2401.00001" },
      { line: 6, arxivId: "hep-th/9901001" },
    ]);
    expect(parsed.repeated).toEqual([{ line: 5, arxivId: "2406.12345" }]);
    expect(parsed.problems).toEqual([
      { line: 4, text: "not-an-id", reason: "not an arXiv id or arxiv.org URL" },
      { line: 5, text: "arXiv:2313.00001", reason: "not a valid arXiv id (there is no month 13)" },
    ]);
  });

  it("reads a BibTeX export by its eprint fields and URLs", () => {
    const bib = [
      "@misc{vaswani2017attention,",
      "  title = {{Attention}},",
      "  eprint = {1706.03762},",
      "  url = {https://arxiv.org/abs/1706.03762},",
      "}",
      "",
      "@article{other,",
      "  url = {https://arxiv.org/abs/2401.00001v1},",
      "}",
      "@book{nope,",
      "  title = {No id here},",
      "}",
    ].join("\r\n");
    const parsed = parseImportText(bib);
    expect(parsed.refs).toEqual([
      { line: 3, arxivId: "1706.03762" },
      { line: 8, arxivId: "2401.00001" },
    ]);
    expect(parsed.problems).toEqual([{ line: 10, text: "@nope", reason: "a BibTeX entry without an arXiv eprint or arxiv.org URL" }]);
  });

  it("reads a CSV export by its arxiv_id column, with record line numbers", () => {
    const csv = '\uFEFFposition,arxiv_id,title,note\r\n1,2406.12345,A,"two\r\nlines"\r\n2,,Title only,\r\n3,2401.00001v2,B,\r\n';
    const parsed = parseImportText(csv);
    expect(parsed.refs).toEqual([
      { line: 2, arxivId: "2406.12345" },
      { line: 5, arxivId: "2401.00001" },
    ]);
    expect(parsed.problems).toEqual([{ line: 4, text: "Title only", reason: "this row has no arXiv id" }]);
  });

  it("refuses more ids than one import takes", () => {
    const many = Array.from({ length: 1001 }, (_, i) => `2401.${String(i).padStart(5, "0")}`).join("\n");
    expect(() => parseImportText(many)).toThrow(/at most 1000/);
  });
});
