import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { above, aslText, analyze, anchorRank, decision, evalFixture, fitTransform, linearSvc } from "@/bench/anchor";
import { parseArxivAtom } from "@/lib/ingest/sources/arxiv-atom";

/**
 * The anchor of `npm run eval:recs` (bench/anchor.ts: arxiv-sanity-lite's tf-idf and LinearSVC, replicated) against
 * scikit-learn itself. It lives here because vitest runs lib/ tests; the code under test is the benchmark's.
 *
 * Every expected number below was printed by scikit-learn 1.2.1 (Debian's python3-sklearn) with
 * arxiv-sanity-lite's TfidfVectorizer settings (strip_accents='unicode', lowercase, stop_words='english',
 * token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2), sublinear_tf, smooth idf, l2 norm; the
 * matrix cast to float32) and min_df / max_df / max_features as named in each test, and
 * LinearSVC(class_weight='balanced', max_iter=10000, tol=1e-6).
 */
const docs = [
  "Quantum Gravity and the Holographic Principle: a review of quantum gravity",
  "Dark matter halos in N-body simulations; the halo mass function",
  "Naïve Bayes für Élève classifiers — café résumé naive bayes",
  "The the of and: stop words vanish, but system_2 and x86_64 stay; 2d and 3D do not",
  "Graph neural networks on graphs: message passing neural networks",
  "αβ-decay and alphaβ mixing of neutrinos; neutrino oscillations in matter",
  "Holographic dark energy and quantum gravity corrections",
  "Message passing for dark matter halos: graph networks",
];
const everything = { minDocs: 1, maxDfShare: 1, maxFeatures: 20000 };

/** A row as a term → value map, rounded as the expected values were printed. */
function rowOf(t: ReturnType<typeof fitTransform>, i: number): Record<string, number> {
  const r = t.rows[i];
  return Object.fromEntries([...r.idx].map((j, k) => [t.vocabulary[j], Math.round(r.val[k] * 1e6) / 1e6]));
}

describe("the anchor's tf-idf matches scikit-learn's", () => {
  it("tokenises as the token pattern, the stop words and the accent stripping do", () => {
    // scikit-learn: build_analyzer()(doc)
    expect(analyze(docs[3])).toEqual([
      "stop",
      "words",
      "vanish",
      "system_2",
      "x86_64",
      "stay",
      "stop words",
      "words vanish",
      "vanish system_2",
      "system_2 x86_64",
      "x86_64 stay",
    ]);
    expect(analyze(docs[2])).toEqual([
      "naive",
      "bayes",
      "fur",
      "eleve",
      "classifiers",
      "cafe",
      "resume",
      "naive",
      "bayes",
      "naive bayes",
      "bayes fur",
      "fur eleve",
      "eleve classifiers",
      "classifiers cafe",
      "cafe resume",
      "resume naive",
      "naive bayes",
    ]);
    // "alphaβ" is one Unicode word, so no ASCII token ends inside it; "decay" after "αβ-" is a word of its own.
    expect(analyze(docs[5])).toEqual([
      "decay",
      "mixing",
      "neutrinos",
      "neutrino",
      "oscillations",
      "matter",
      "decay mixing",
      "mixing neutrinos",
      "neutrinos neutrino",
      "neutrino oscillations",
      "oscillations matter",
    ]);
  });

  it("weighs terms with sublinear tf, smooth idf and the l2 norm (min_df=1, max_df=1.0)", () => {
    const t = fitTransform(docs, everything);
    expect(t.vocabulary).toHaveLength(81);
    const idf = (term: string) => t.idf[t.vocabulary.indexOf(term)];
    expect(idf("quantum gravity")).toBeCloseTo(2.098612, 6);
    expect(idf("dark")).toBeCloseTo(1.81093, 5);
    expect(idf("naive")).toBeCloseTo(2.504077, 6);
    expect(idf("system_2")).toBeCloseTo(2.504077, 6);
    expect(rowOf(t, 0)).toEqual({
      gravity: 0.397506,
      "gravity holographic": 0.280133,
      holographic: 0.234774,
      "holographic principle": 0.280133,
      principle: 0.280133,
      "principle review": 0.280133,
      quantum: 0.397506,
      "quantum gravity": 0.397506,
      review: 0.280133,
      "review quantum": 0.280133,
    });
    expect(rowOf(t, 6)).toEqual({
      corrections: 0.327341,
      dark: 0.236731,
      "dark energy": 0.327341,
      energy: 0.327341,
      "energy quantum": 0.327341,
      gravity: 0.274338,
      "gravity corrections": 0.327341,
      holographic: 0.274338,
      "holographic dark": 0.327341,
      quantum: 0.274338,
      "quantum gravity": 0.274338,
    });
  });

  it("prunes by min_df, max_df as a share, and max_features by total count (min_df=2, max_df=0.3, max_features=4)", () => {
    const t = fitTransform(docs, { minDocs: 2, maxDfShare: 0.3, maxFeatures: 4 });
    // "dark" is in 3 of 8 papers (> 2.4) and goes; of the terms in 2 papers, the four counted 3 times stay.
    expect(t.vocabulary).toEqual(["gravity", "networks", "quantum", "quantum gravity"]);
    const dense = t.rows.map((r) => t.vocabulary.map((_, j) => Math.round((r.val[[...r.idx].indexOf(j)] ?? 0) * 1e6) / 1e6));
    expect(dense).toEqual([
      [0.57735, 0, 0.57735, 0.57735],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0.57735, 0, 0.57735, 0.57735],
      [0, 1, 0, 0],
    ]);
  });

  it("tokenises a megabyte of adversarial text in linear time", () => {
    // A 200,000-letter word ending in a non-ASCII letter (no token: the match must end at a word boundary),
    // Greek words, and one-letter words (too short): nothing to keep, and no backtracking blow-up.
    const hostile = ["a".repeat(200_000) + "β", "αβ".repeat(200_000), "x ".repeat(200_000)].join(" ");
    const t0 = performance.now();
    const terms = analyze(hostile);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(terms.length).toBe(0);
    // Accents folded on a long run: one term, the whole word.
    const folded = analyze("é".repeat(100_000));
    expect(folded.map((t) => t.length)).toEqual([100_000]);
  });
});

describe("the anchor's LinearSVC matches scikit-learn's", () => {
  // Papers 0 and 6 (quantum gravity) are the positives, as arxiv-sanity-lite's tagged papers.
  const t = fitTransform(docs, everything);
  const positive = docs.map((_, i) => i === 0 || i === 6);
  for (const [C, intercept, expected] of [
    [0.01, -0.0025329, [0.0503475, -0.018059, -0.0156574, -0.0156574, -0.0198536, -0.0168991, 0.0490432, -0.0220801]],
    [1, -0.3536738, [0.7959987, -0.7450819, -0.723003, -0.7230029, -0.7610181, -0.7355241, 0.7869637, -0.796]],
  ] as const) {
    it(`gives scikit-learn's decision_function at C = ${C}`, () => {
      const m = linearSvc(t.rows, positive, t.vocabulary.length, { C, tol: 1e-6, maxIter: 10000 });
      expect(m.b).toBeCloseTo(intercept, 6);
      t.rows.forEach((r, i) => expect(decision(m, r)).toBeCloseTo(expected[i], 6));
    });
  }

  it("refuses a person with no positives", () => {
    expect(() =>
      linearSvc(
        t.rows,
        positive.map(() => false),
        t.vocabulary.length,
      ),
    ).toThrow(/both classes/);
  });
});

describe("the anchor on the evaluation's file gives scikit-learn's rankings", () => {
  it("ranks hep-ph and math exactly as arxiv-sanity-lite under scikit-learn 1.2.1 does", () => {
    const papers = [...parseArxivAtom(readFileSync(evalFixture, "utf8"))]
      .flatMap((item) => (item.kind === "paper" ? [item.paper] : []))
      .sort((a, b) => (a.arxivId! < b.arxivId! ? -1 : 1));
    expect(papers).toHaveLength(1000);
    const t = fitTransform(
      papers.map((p) =>
        aslText(
          p.title,
          p.abstract ?? "",
          p.authors.map((a) => a.name),
        ),
      ),
    );
    expect(t.vocabulary).toHaveLength(2725);
    const half = papers.length / 2;
    const later = papers.map((_, i) => i).slice(half);
    const top10 = (archive: string) => {
      const inArchive = (i: number) => (papers[i].categories ?? []).some((c) => c.split(".")[0] === archive);
      const positives = papers
        .map((_, i) => i)
        .filter((i) => i < half && inArchive(i))
        .slice(0, 20);
      return anchorRank(t, positives, later)
        .slice(0, 10)
        .map((i) => papers[i].arxivId);
    };
    // Printed by scikit-learn 1.2.1 (precision@10 0.5 and 0.9).
    expect(top10("hep-ph")).toEqual([
      "0704.1000",
      "0704.0971",
      "0704.0601",
      "0704.0840",
      "0704.0795",
      "0704.0548",
      "0704.0786",
      "0704.0554",
      "0704.0718",
      "0704.0697",
    ]);
    expect(top10("math")).toEqual([
      "0704.0662",
      "0704.0834",
      "0704.0564",
      "0704.0595",
      "0704.0909",
      "0704.0839",
      "0704.0539",
      "0704.0798",
      "0704.0937",
      "0704.0775",
    ]);
  });
});

describe("above the anchor", () => {
  it("takes precision@10 first, nDCG@10 on a tie, and refuses a full tie", () => {
    expect(above({ p: 0.6, n: 0.57 }, { p: 0.5, n: 0.48 })).toBe(true);
    expect(above({ p: 0.9, n: 0.93 }, { p: 0.9, n: 0.86 })).toBe(true);
    expect(above({ p: 0.9, n: 0.86 }, { p: 0.9, n: 0.86 })).toBe(false);
    expect(above({ p: 0.8, n: 0.95 }, { p: 0.9, n: 0.6 })).toBe(false);
    // Sums of tenths are not exact in floating point: 0.7 from 7 hits against 0.1 × 7.
    expect(above({ p: 0.1 * 7, n: 0.5 }, { p: 0.7, n: 0.5 })).toBe(false);
  });
});
