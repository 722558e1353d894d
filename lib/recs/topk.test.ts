import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopK } from "@/lib/recs/compute";

describe("TopK (the best of each day a person keeps)", () => {
  it("keeps what sorting every score and taking the first k would keep, in that order, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }), fc.integer({ min: 0, max: 120 }), (scores, k) => {
        const top = new TopK(k);
        scores.forEach((s, at) => top.offer(at, s / 4));
        const sorted = scores
          .map((s, at) => ({ at, s: s / 4 }))
          .sort((a, b) => b.s - a.s || a.at - b.at)
          .slice(0, k);
        expect(top.best()).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
