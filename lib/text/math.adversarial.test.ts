import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeAdversarial } from "@/lib/test/adversarial-property";
import { mathToPlainText, splitMath, tokenize, type Piece } from "./math";

describeAdversarial("math");

it("renders at most 200 formulas of one text; the rest stay as written", () => {
  const text = Array.from({ length: 203 }, (_, i) => `$x_{${i}}$`).join(" ");
  const segments = splitMath(text);
  expect(segments.filter((s) => s.kind === "math")).toHaveLength(200);
  expect(segments.at(-1)).toEqual({ kind: "text", text: " $x_{200}$ $x_{201}$ $x_{202}$" });
  // Plain text has no such cost and keeps simplifying them all.
  expect(mathToPlainText(text).endsWith("x_202")).toBe(true);
});

describe("tokenize gives what the 300-step character scan gave", () => {
  // The code before issue 12, verbatim but for names: the oracle.
  const CURRENCY = /\d[\d,.]*(?:\s+[A-Za-z]|\s*$)/y;
  const DELIMITERS: [string, string, boolean][] = [
    ["$$", "$$", true],
    ["\\[", "\\]", true],
    ["\\(", "\\)", false],
  ];
  function oldTokenize(input: string): Piece[] {
    const out: Piece[] = [];
    let text = "";
    for (let i = 0; i < input.length;) {
      const math = mathAt(input, i);
      if (math) {
        if (text) out.push({ kind: "text", text });
        out.push(math);
        text = "";
        i += math.source.length;
        continue;
      }
      const take = input.startsWith("$$", i) || (input[i] === "\\" && "$\\".includes(input[i + 1] ?? "x")) ? 2 : 1;
      text += input.startsWith("\\$", i) ? "$" : input.slice(i, i + take);
      i += take;
    }
    if (text) out.push({ kind: "text", text });
    return out;
  }
  function mathAt(input: string, i: number): Extract<Piece, { kind: "math" }> | null {
    for (const [open, close, display] of DELIMITERS) {
      if (!input.startsWith(open, i)) continue;
      const end = findClose(input, i + open.length, close);
      const tex = end < 0 ? "" : input.slice(i + open.length, end);
      return tex.trim() ? { kind: "math", tex, display, source: input.slice(i, end + close.length) } : null;
    }
    const end = input[i] === "$" ? inlineEnd(input, i) : -1;
    return end < 0 ? null : { kind: "math", tex: input.slice(i + 1, end), display: false, source: input.slice(i, end + 1) };
  }
  function inlineEnd(input: string, open: number): number {
    if (!/\S/.test(input[open + 1] ?? "")) return -1;
    CURRENCY.lastIndex = open + 1;
    if (CURRENCY.test(input)) return -1;
    const end = findClose(input, open + 1, "$");
    if (end < 0 || /\s/.test(input[end - 1]) || /\d/.test(input[end + 1] ?? "")) return -1;
    return end;
  }
  function findClose(input: string, from: number, close: string): number {
    const limit = Math.min(input.length, from + 300 + 1);
    for (let j = from; j < limit; j++) {
      if (input.startsWith(close, j)) return /\n[ \t\r]*\n/.test(input.slice(from, j)) ? -1 : j;
      if (input[j] === "\\") j++;
    }
    return -1;
  }

  it("on random delimiters, escapes, blank lines and spans near the 300-character limit", () => {
    const piece = fc.constantFrom(
      "$",
      "$",
      "$$",
      "\\",
      "\\",
      "(",
      ")",
      "[",
      "]",
      "\n",
      "\n",
      " ",
      "\t",
      "\r",
      "1",
      "x",
      "{",
      "}",
      "x".repeat(97),
      " ".repeat(149),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const input = pieces.join("");
        expect(tokenize(input)).toEqual(oldTokenize(input));
      }),
      { numRuns: 5000 },
    );
  });
});
