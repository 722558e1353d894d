/**
 * The adversarial tests every parser's *.adversarial.test.ts registers: its worst known
 * inputs, then fast-check's hostile mixes (lib/test/adversarial.ts), each 200 KB, parsed in
 * a worker that is killed at BOUND_MS. Linear parsers take well under 200 ms here even on a
 * busy 2-core machine; a quadratic one takes minutes, so the bound cannot flake either way.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialText, suites, type SuiteName } from "./adversarial";
import { ParserWorker, type TimedParse } from "./parser-deadline";

export const SIZE = 200_000;
export const BOUND_MS = 2_000;

/** Fails unless the parse ended within the bound, with a result or one of the parser's own errors. */
function expectClean(name: SuiteName, result: TimedParse, what: string) {
  if ("timedOut" in result) throw new Error(`${name} on ${what}: still running after ${BOUND_MS} ms (terminated)`);
  const { error } = result;
  if (error) {
    expect(suites[name].errors, `${name} on ${what} threw ${error.name}: ${error.message}`).toContain(error.name);
    expect(error.message.trim(), "its error says what is wrong").not.toBe("");
  }
}

export function describeAdversarial(name: SuiteName, { runs = 12 } = {}) {
  describe(`${name} on hostile input (${SIZE / 1000} KB, under ${BOUND_MS} ms)`, () => {
    const worker = new ParserWorker();
    afterAll(() => worker.close());
    const suite = suites[name];

    it.each(Object.keys(suite.worst))("%s", async (input) => {
      const make = (suite.worst as Record<string, (size: number) => string>)[input];
      expectClean(name, await worker.parse(name, make(SIZE), BOUND_MS), input);
    });

    it("random mixes of long runs, repeated prefixes and valid fragments", async () => {
      await fc.assert(
        fc.asyncProperty(adversarialText(suite.vocabulary, SIZE), async (input) => {
          expectClean(name, await worker.parse(name, input, BOUND_MS), `${JSON.stringify(input.slice(0, 60))}… (${input.length} chars)`);
        }),
        // Shrinking would re-run failing 200 KB parses to their deadline many times over.
        { numRuns: runs, endOnFailure: true },
      );
    }, 120_000);
  });
}
