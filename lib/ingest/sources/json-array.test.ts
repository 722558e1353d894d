import { describe, expect, it } from "vitest";
import { JsonArraySplitter, JsonSyntaxError } from "./json-array";

function split(chunks: (string | Uint8Array)[]) {
  const splitter = new JsonArraySplitter(63, (at) => {
    throw new Error(`too deep at ${at}`);
  });
  const out: { text: string; start: number }[] = [];
  for (const c of chunks) out.push(...splitter.write(typeof c === "string" ? Buffer.from(c) : c));
  out.push(...splitter.end());
  return out;
}

/** Every way of cutting the document in two, and in pieces of 1 to 7 bytes. */
function cuttings(doc: string): Uint8Array[][] {
  const bytes = Buffer.from(doc);
  const all: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) all.push([bytes.subarray(0, i), bytes.subarray(i)]);
  for (let size = 1; size <= 7; size++) {
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
    all.push(pieces);
  }
  return all;
}

describe("JsonArraySplitter", () => {
  const elements = [
    { a: 'quote " and backslash \\ and \\" together', b: ["]", "}", "[", "{", ","] },
    "a string with \\\\ a trailing backslash \\",
    42,
    -1.5e3,
    null,
    true,
    [],
    {},
    { nested: [[{ deep: "é ☃ 𝄞" }]] },
  ];
  const doc = ` \n[ ${elements.map((e) => JSON.stringify(e)).join(" ,\n")} ]\n`;

  it("gives each element's text, however the bytes are cut", () => {
    for (const chunks of cuttings(doc)) {
      const out = split(chunks);
      expect(out.map((e) => JSON.parse(e.text))).toEqual(elements);
      for (const e of out) expect(Buffer.from(doc).subarray(e.start).toString().startsWith(e.text)).toBe(true);
    }
  });

  it("reads an empty array", () => {
    expect(split(["[]"])).toEqual([]);
    expect(split([" [ \n ] "])).toEqual([]);
  });

  it.each([
    ["[1 2]", "expected `,` or `]` after an entry", 3],
    ["[1,]", "expected a value", 3],
    ["[,1]", "expected a value", 1],
    ["[] []", "unexpected content after the closing `]`", 3],
    ['[{"a": 1}', "the document ends unexpectedly", 9],
    ['["abc', "the document ends unexpectedly", 5],
  ])("locates the error in %s", (text, message, at) => {
    const error = (() => {
      try {
        split([text]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect((error as JsonSyntaxError).message).toBe(message);
    expect((error as JsonSyntaxError).at).toBe(at);
  });

  it("refuses invalid UTF-8, even when a valid sequence is cut between chunks", () => {
    const snowman = Buffer.from('["☃"]');
    expect(split([snowman.subarray(0, 3), snowman.subarray(3)])).toEqual([{ text: '"☃"', start: 1 }]);
    expect(() => split([Buffer.from([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d])])).toThrow("invalid UTF-8");
    expect(() => split([Buffer.from([0x5b, 0x22, 0xe2, 0x98])])).toThrow("invalid UTF-8");
  });

  it("stops nesting past the limit", () => {
    expect(() => split([`[${"[".repeat(70)}`])).toThrow(/too deep at 64/);
  });
});
