import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bibtexField, parseArxivRef, parseImportText, trimEnd } from "@/lib/lists/import-text";
import { describeAdversarial } from "@/lib/test/adversarial-property";

describeAdversarial("importText");
describeAdversarial("arxivRef");

// The patterns the linear code replaced, as oracles on inputs short enough for them.
const OLD_FIELD = /^\s*(eprint|url|doi)\s*=\s*[{"]\s*([^}"]+?)\s*[}"]/i;
const short = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join(""));

describe("linear replacements give what the old patterns gave", () => {
  it("bibtexField", () => {
    const line = short(["eprint", "URL", "doi", "x", " ", "\t", "\u00a0", "\u2028", "=", "{", "}", '"', "2406.12345", "a b"]);
    fc.assert(
      fc.property(line, (s) => {
        const old = OLD_FIELD.exec(s);
        expect(bibtexField(s)).toEqual(old ? { name: old[1], value: old[2] } : null);
      }),
      { numRuns: 3000 },
    );
  });

  it("trimEnd", () => {
    const punctuation = new Set(")>]\"'.,;:");
    fc.assert(
      fc.property(short([")", ">", "]", '"', "'", ".", ",", ";", ":", "a", "(", " ", "/"]), (s) => {
        expect(trimEnd(s, punctuation)).toBe(s.replace(/[)>\]"'.,;:]+$/, ""));
        expect(trimEnd(s, new Set("/"))).toBe(s.replace(/\/+$/, ""));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("malformed percent-encoding", () => {
  it.each([
    "https://arxiv.org/abs/%E0%A4%A",
    "https://arxiv.org/abs/%zz",
    "arxiv.org/pdf/2406.12345%",
    "https://huggingface.co/papers/%C3",
  ])("%s is a problem on its line, not a URIError", (url) => {
    expect(parseArxivRef(url)).toEqual({ reason: expect.stringMatching(/malformed percent-encoding/) });
    const parsed = parseImportText(`2406.12345\n${url}\n2406.54321`);
    expect(parsed.refs.map((r) => r.arxivId)).toEqual(["2406.12345", "2406.54321"]);
    expect(parsed.problems).toEqual([{ line: 2, text: url, reason: expect.stringMatching(/malformed percent-encoding/) }]);
  });

  it("in a BibTeX url field and a CSV url column", () => {
    const bib = parseImportText("@misc{a,\n  url = {https://arxiv.org/abs/%zz},\n}\n");
    expect(bib.problems).toEqual([{ line: 1, text: "@a", reason: expect.stringMatching(/without an arXiv eprint/) }]);
    const csv = parseImportText("arxiv_id,url,title\n,https://arxiv.org/abs/%E0%A4%A,Some title\n");
    expect(csv.problems).toEqual([{ line: 2, text: "Some title", reason: "this row has no arXiv id" }]);
  });

  it("a well-formed escape still reads", () => {
    expect(parseArxivRef("https://arxiv.org/abs/2406%2E12345")).toEqual({ arxivId: "2406.12345" });
  });
});

it("an eprint of nothing but spaces is the problem on its line, as before", () => {
  const parsed = parseImportText(`@article{k,\n  eprint = {${" ".repeat(50)}},\n}`);
  expect(parsed.problems).toEqual([{ line: 2, text: " ", reason: "not an arXiv id or arxiv.org URL" }]);
});
