import fc from "fast-check";
import { expect, it } from "vitest";
import { describeAdversarial } from "@/lib/test/adversarial-property";
import { MAX_QUERY_CHARS, parseSearchQuery } from "./query";

describeAdversarial("searchQuery");

it("reads the same first 200 code points as before, whatever the surrogates", () => {
  const unit = fc.constantFrom("a", " ", '"', "-", "|", "𝔸", "\ud835", "\udd38", "é", "or");
  const query = fc.array(unit, { minLength: 150, maxLength: 260 }).map((a) => a.join(""));
  fc.assert(
    fc.property(query, fc.boolean(), (q, prefixLast) => {
      const before = Array.from(q).slice(0, MAX_QUERY_CHARS).join("");
      expect(parseSearchQuery(q, { prefixLast })).toEqual(parseSearchQuery(before, { prefixLast }));
    }),
    { numRuns: 500 },
  );
});
