import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { feedsDir } from "@/lib/test/fixtures";
import { ParserWorker } from "@/lib/test/parser-deadline";
import { FeedParseError } from "../types";
import { parseArxivAtom } from "./arxiv-atom";
import { hasInternalSubset, parseXmlFeed } from "./xml";

// The feeds that use it (arxiv-atom, arxiv-rss) have their own adversarial tests.
it("hasInternalSubset gives what /<!DOCTYPE[^>[]*\\[/i gave", () => {
  const text = fc
    .array(fc.constantFrom("<!DOCTYPE", "<!doctype", "<!DOCTYP", "<", ">", "[", "]", " ", "a"), { maxLength: 12 })
    .map((a) => a.join(""));
  fc.assert(
    fc.property(text, (s) => {
      expect(hasInternalSubset(s)).toBe(/<!DOCTYPE[^>[]*\[/i.test(s));
    }),
    { numRuns: 3000 },
  );
});

const ENTRY = "<entry><id>http://arxiv.org/abs/2406.12345v1</id><title>T</title></entry>";
const N = 100_000;

// Large documents, parsed through parseArxivAtom in a worker that is killed at the bound. A
// linear parse of the biggest (7 MB) takes about a second on a busy 2-core machine; a
// quadratic one takes minutes. Deep nesting is refused at 65 levels, so it never grows the stacks.
describe("parseXmlFeed on large and deep documents (under 10 s each)", () => {
  const worker = new ParserWorker();
  afterAll(() => worker.close());
  const BOUND_MS = 10_000;

  it.each([
    [`${N.toLocaleString("en")} entries`, `<feed>${ENTRY.repeat(N)}</feed>`, undefined],
    [`${N.toLocaleString("en")} nested elements, closed`, `<feed>${"<a>".repeat(N)}${"</a>".repeat(N)}</feed>`, "FeedParseError"],
    [`${N.toLocaleString("en")} nested elements, unclosed`, `<feed>${"<a>".repeat(N)}`, "FeedParseError"],
    ["a 5 MB attribute value", `<feed><entry><category term="${"x".repeat(5_000_000)}"/></entry></feed>`, undefined],
    ["a 5 MB unterminated attribute value", `<feed><entry><category term="${"x".repeat(5_000_000)}`, "FeedParseError"],
    ["a 1 MB entity name", `<feed><title>&${"a".repeat(1_000_000)};</title></feed>`, undefined],
    ["1 MB of bare ampersands", `<feed><title>${"&".repeat(1_000_000)}</title></feed>`, "FeedParseError"],
    ["100,000 attributes", `<feed><entry ${Array.from({ length: N }, (_, i) => `a${i}="b"`).join(" ")}/></feed>`, undefined],
  ])(
    "%s",
    async (_name, xml, error) => {
      const result = await worker.parse("arxivAtom", xml, BOUND_MS);
      if ("timedOut" in result) throw new Error(`still running after ${BOUND_MS} ms`);
      expect(result.error?.name).toBe(error);
    },
    60_000,
  );

  it("refuses nesting deeper than 64 elements, which no feed needs, and reads up to that", () => {
    const nested = (depth: number) => `<feed>${"<a>".repeat(depth - 1)}${"</a>".repeat(depth - 1)}</feed>`;
    expect(parseXmlFeed(nested(64), "arxiv-atom", []).rootName).toBe("feed");
    expect(() => parseXmlFeed(nested(65), "arxiv-atom", [])).toThrow("XML nested deeper than 64 elements at line 1, column 198");
  });

  it("reads every entry of the largest", () => {
    expect([...parseArxivAtom(`<feed>${ENTRY.repeat(N)}</feed>`)].filter((i) => i.kind === "paper")).toHaveLength(N);
  });
});

it("says Malformed XML, with line and column, for a capture cut anywhere", () => {
  const capture = fs.readFileSync(path.join(feedsDir, "arxiv-api-query-cs.RO-2025-10-17.xml"), "utf8");
  for (let end = 0; end < capture.trimEnd().length; end++) {
    let message = "parsed";
    try {
      parseXmlFeed(capture.slice(0, end), "arxiv-atom", []);
    } catch (e) {
      expect(e).toBeInstanceOf(FeedParseError);
      message = (e as Error).message;
    }
    expect(message, `cut at ${end}`).toMatch(/^Malformed XML at line \d+, column \d+: ./);
  }
});
