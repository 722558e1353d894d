import fc from "fast-check";
import { expect, it } from "vitest";
import { hasInternalSubset } from "./xml";

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
