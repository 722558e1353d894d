import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchedWords } from "@/lib/recs/compute";
import { FEATURES, paperTerms } from "@/lib/recs/text";

/**
 * The recommender reads every paper's feed text (untrusted): its tokenizer must stay linear on
 * hostile titles and abstracts (runs of backslashes, LaTeX commands, combining marks, one huge
 * word) and give well-formed vectors.
 */
const SIZE = 200_000;
const BOUND_MS = 2_000;

function check(title: string, abstract: string) {
  const started = performance.now();
  const t = paperTerms(title, abstract);
  const ms = performance.now() - started;
  expect(ms, `${ms.toFixed(0)} ms for ${title.length + abstract.length} chars`).toBeLessThan(BOUND_MS);
  expect(t.idx.length).toBe(t.tf.length);
  const bad = t.idx.findIndex(
    (f, i) => !(f >= 0 && f < FEATURES && (i === 0 || f > t.idx[i - 1]) && Number.isFinite(t.tf[i]) && t.tf[i] >= 1),
  );
  expect(bad, "features sorted, in range, with finite weights").toBe(-1);
}

describe("paperTerms on hostile input (200 KB, under 2 s)", () => {
  it.each([
    ["backslashes", "\\".repeat(SIZE)],
    ["LaTeX commands", "\\mathcal{B}".repeat(SIZE / 11)],
    ["one word", "a".repeat(SIZE)],
    ["combining marks", "e\u0301".repeat(SIZE / 2)],
    ["dollars and braces", "${x}^{2}$".repeat(SIZE / 9)],
    ["distinct words", Array.from({ length: SIZE / 8 }, (_, i) => `w${i.toString(36)}`).join(" ")],
  ])("%s", (_name, text) => check(text.slice(0, 1000), text));

  it("random mixes of fillers and words", () => {
    const piece = fc.constantFrom(" ", "\\", "{", "}", "$", "-", "_", "é", "\u0301", "quantum", "QCD", "a", "1", "\n", "\u2028");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 4000 })), { minLength: 1, maxLength: 60 }), (runs) => {
        const text = runs
          .map(([p, n]) => p.repeat(n))
          .join("")
          .slice(0, SIZE);
        check(text.slice(0, 500), text);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it("reads words as people do: case, accents and plurals folded, LaTeX commands dropped", () => {
    expect(paperTerms("Galaxies", null).idx).toEqual(paperTerms("galaxy", null).idx);
    expect(paperTerms("Schrödinger \\mathcal{operators}", null).idx).toEqual(paperTerms("schrodinger operator", null).idx);
  });

  it("counts a word's family as one (its first letters), and shows reasons in the paper's own words", () => {
    expect(paperTerms("Gravitational cosmological", null).idx).toEqual(paperTerms("gravity cosmology", null).idx);
    expect(paperTerms("gravity", null).idx).not.toEqual(paperTerms("graph", null).idx);
    const model = new Float32Array(FEATURES);
    for (const f of paperTerms("gravity", null).idx) model[f] = 1;
    expect(matchedWords(model, "Gravitational waves")).toEqual(["gravitational"]);
  });
});
