import fc from "fast-check";
import { expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { describeAdversarial } from "@/lib/test/adversarial-property";
import { parsePaperIds } from "./paper-ids";

describeAdversarial("paperIds");

it("reads and refuses what split(',') did", () => {
  function before(raw: string): number[] {
    const parts = raw.split(",").filter(Boolean);
    if (parts.length > 200) throw new AppError("bad_request", "At most 200 paper ids at once");
    const ids = parts.map((p) => Number(p));
    if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647))
      throw new AppError("bad_request", "papers must be comma-separated paper ids");
    return [...new Set(ids)];
  }
  const outcome = (f: () => number[]) => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  const part = fc.constantFrom("1", "2", "12", "12", "12", "", "x", "0", " 3");
  // Around the 200-id limit as often as not.
  const raw = fc.oneof(fc.array(part, { maxLength: 20 }), fc.array(part, { minLength: 200, maxLength: 260 })).map((a) => a.join(","));
  fc.assert(
    fc.property(raw, (r) => {
      expect(outcome(() => parsePaperIds(r))).toEqual(outcome(() => before(r)));
    }),
    { numRuns: 2000 },
  );
});
