import fc from "fast-check";
import { expect, it } from "vitest";
import { describeAdversarial } from "@/lib/test/adversarial-property";
import { splitOrgAndDate } from "./hf-page-text";

describeAdversarial("hfPageText");

it("splitOrgAndDate gives what /^(.+?)\\s+·\\s+(.+)$/ gave", () => {
  const OLD = /^(.+?)\s+·\s+(.+)$/;
  const line = fc
    .array(fc.constantFrom("a", "Dec 8", " ", " ", "\t", "\u00a0", "·", "\u2028", "\n", "é"), { maxLength: 14 })
    .map((a) => a.join(""));
  fc.assert(
    fc.property(line, (s) => {
      const old = OLD.exec(s);
      expect(splitOrgAndDate(s)).toEqual(old ? [old[0], old[1], old[2]] : null);
    }),
    { numRuns: 5000 },
  );
});
