import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "@/lib/lists/csv";

describe("csvCell", () => {
  it("quotes only what RFC 4180 asks to, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv and parseCsv", () => {
  it("round-trips fields with commas, quotes, newlines and unicode, with CRLF records", () => {
    const rows = [
      ["id", "title", "note"],
      ["2406.12345", 'A "quoted", title', "line one\r\nline two"],
      ["hep-th/9901001", "Ünïcödé ∑", ""],
    ];
    const text = toCsv(rows);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe("id,title,note");
    const parsed = parseCsv("\uFEFF" + text);
    expect(parsed.map((r) => r.fields)).toEqual(rows);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("reads bare LF files and skips blank lines", () => {
    expect(parseCsv("a,b\n\n1,2\n").map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
