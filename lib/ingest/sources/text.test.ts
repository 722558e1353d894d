import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseWhitespace, normalizeArxivId, parseIsoDateTime, parseRfc822, utcDateTime } from "./text";

describe("normalizeArxivId", () => {
  it("strips versions and keeps both id styles", () => {
    expect(normalizeArxivId("2406.12345v2")).toBe("2406.12345");
    expect(normalizeArxivId("0704.0001")).toBe("0704.0001");
    expect(normalizeArxivId(" arXiv:2510.14968v1 ")).toBe("2510.14968");
    expect(normalizeArxivId("hep-th/9901001v1")).toBe("hep-th/9901001");
    expect(normalizeArxivId("math.AG/0601001")).toBe("math.AG/0601001");
  });

  it("refuses what is not an arXiv id", () => {
    for (const bad of ["", "2406.123", "2413.12345", "2400.12345", "hello", "HEP-TH/9901001", "2406.12345v", "../etc/passwd"]) {
      expect(normalizeArxivId(bad)).toBeNull();
    }
  });
});

describe("dates", () => {
  it("parses strict ISO 8601 with zones", () => {
    expect(parseIsoDateTime("2026-03-03T18:59:58.000Z")).toEqual(new Date("2026-03-03T18:59:58.000Z"));
    expect(parseIsoDateTime("2025-10-17T00:00:00-04:00")).toEqual(new Date("2025-10-17T04:00:00Z"));
    expect(parseIsoDateTime("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
  });

  it("refuses impossible or unparseable ISO dates", () => {
    for (const bad of ["2025-13-40", "2025-02-29", "2025-01-01T24:00:00Z", "2025-01-01T10:00:00+25:00", "yesterday", "1/2/2025", ""]) {
      expect(parseIsoDateTime(bad)).toBeNull();
    }
  });

  it("parses RFC 822 keeping the written calendar day", () => {
    expect(parseRfc822("Mon, 27 Apr 2026 00:00:00 -0400")).toEqual({ instant: new Date("2026-04-27T04:00:00Z"), day: "2026-04-27" });
    expect(parseRfc822("27 Apr 2026 23:30 EDT")).toEqual({ instant: new Date("2026-04-28T03:30:00Z"), day: "2026-04-27" });
    expect(parseRfc822("Mon, 31 Feb 2026 00:00:00 GMT")).toBeNull();
    expect(parseRfc822("Mon, 27 Foo 2026 00:00:00 GMT")).toBeNull();
  });

  it("checks calendar dates", () => {
    expect(utcDateTime(2026, 2, 30)).toBeNull();
    expect(utcDateTime(2026, 12, 31)).toEqual(new Date("2026-12-31T00:00:00Z"));
  });
});

describe("collapseWhitespace", () => {
  it("collapses runs of any whitespace and trims", () => {
    expect(collapseWhitespace("  a\n  b\t\u00a0c \r\n")).toBe("a b c");
  });

  it("gives what replacing every whitespace run with one space gives, for any text", () => {
    const spacey = fc.string({ unit: fc.constantFrom("a", "b", " ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff") });
    fc.assert(
      fc.property(fc.oneof(spacey, fc.string({ unit: "grapheme" })), (s) => {
        expect(collapseWhitespace(s)).toBe(s.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 2000 },
    );
  });
});
