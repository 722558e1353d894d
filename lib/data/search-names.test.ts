import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

// Issue 14: names with hyphens, digits and dots are found as people type them, because the
// query's words become lexemes through the same Postgres parser that built the stored vectors.
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { searchPaperList } = await import("@/lib/data/search");
const { parseSearchQuery } = await import("@/lib/search/query");

const papers = [
  { id: "2603.10001", title: "GPT-4 Technical Report" },
  { id: "2603.10002", title: "Llama-3.1-8B Instruct Tuned for Retrieval" },
  { id: "2603.10003", title: "Qwen2.5-VL: Seeing the World at Any Resolution" },
  { id: "2603.10004", title: "Fara-2.5: Another Agent Benchmark" },
  { id: "2603.10005", title: "k-NN Baselines for 3D Point Clouds" },
  { id: "2603.10006", title: "BERT-base Still Matters" },
  { id: "2603.10007", title: "o1-preview Reasoning Traces" },
  // Math in titles, as arXiv writes it.
  { id: "2603.10008", title: "Inverting the Bellman Equation: From $Q$-Values to World Models" },
  { id: "2603.10009", title: "$\\mathcal{B}$-Coder: Value-Based Deep Reinforcement Learning for Program Synthesis" },
  { id: "2603.10010", title: "Scaling $k$-means to Billions of Points" },
  // Distractors sharing the common words (and newer, so ties would put them first).
  { id: "2603.10101", title: "A Technical Report on Agent Benchmarks", summary: "GPT models and a technical report." },
  { id: "2603.10102", title: "Instruct Tuning for Retrieval at Any Resolution", summary: "Llama models, tuned." },
  { id: "2603.10103", title: "Seeing the World: Another Benchmark for Point Clouds", summary: "Qwen and BERT baselines still matter." },
  { id: "2603.10104", title: "Report: 2.5 Agents, 3.1 Benchmarks, 8B Models", summary: "Version 4 of the technical report." },
  { id: "2603.10105", title: "Base Models Still Matter for Clouds", summary: "Preview of NN baselines." },
];

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument(papers.map((p, i) => ({ ...p, day: p.id.startsWith("2603.101") ? "2026-03-20" : `2026-03-0${1 + (i % 7)}` }))),
  );
});

const first = async (q: string, prefixLast = false) => {
  const parsed = parseSearchQuery(q, { prefixLast });
  if (!parsed) return null;
  const { papers } = await searchPaperList({ tsquery: parsed.tsquery, limit: 5, offset: 0 });
  return papers[0]?.arxivId ?? null;
};

describe("names as people type them", () => {
  const table: [string, string][] = [
    ["GPT-4", "2603.10001"],
    ["GPT-4 Technical Report", "2603.10001"],
    ["gpt-4 technical report", "2603.10001"],
    ["Llama-3.1-8B", "2603.10002"],
    ["Qwen2.5-VL", "2603.10003"],
    ["Qwen2.5", "2603.10003"],
    ["Fara-2.5", "2603.10004"],
    ["k-NN", "2603.10005"],
    ["BERT-base", "2603.10006"],
    ["o1-preview", "2603.10007"],
    ['"Fara-2.5: Another Agent"', "2603.10004"],
  ];
  for (const [q, id] of table) {
    it(`finds ${id} first for ${q}`, async () => {
      expect(await first(q)).toBe(id);
      expect(await first(q, true)).toBe(id);
    });
  }

  it("matches versions typed apart from their name", async () => {
    expect(await first("Llama 3.1")).toBe("2603.10002");
    expect(await first("llama 3.1-8B")).toBe("2603.10002");
    expect(await first("3.1-8B instruct")).toBe("2603.10002");
    expect(await first("Fara 2.5")).toBe("2603.10004");
    expect(await first("GPT 4 report")).toBe("2603.10001");
  });

  it("matches hyphenated names by their parts", async () => {
    expect(await first("kNN baselines")).toBe(null);
    expect(await first("NN baselines point")).toBe("2603.10005");
    expect(await first("preview reasoning")).toBe("2603.10007");
  });

  it("keeps excluding hyphenated names", async () => {
    expect(await first("technical report -GPT-4")).toBe("2603.10101");
    expect(await first("retrieval -Llama-3.1-8B")).toBe("2603.10102");
  });
});

describe("math in titles", () => {
  it("is found by its visible words", async () => {
    expect(await first("Q-values")).toBe("2603.10008");
    expect(await first("Q values bellman")).toBe("2603.10008");
    expect(await first("B-Coder")).toBe("2603.10009");
    expect(await first("k-means")).toBe("2603.10010");
    expect(await first("k-means billions", true)).toBe("2603.10010");
  });

  it("is found by a quoted phrase or a title opening written without the markup", async () => {
    expect(await first('"From Q-Values to World Models"')).toBe("2603.10008");
    expect(await first('"B-Coder"')).toBe("2603.10009");
    expect(await first("B-Coder: Value-Based Deep")).toBe("2603.10009");
    expect(await first("mathcal")).toBe(null);
  });
});

describe("known-item search", () => {
  for (const p of papers) {
    it(`puts ${p.id} first for its exact title and its first three words`, async () => {
      expect(await first(p.title)).toBe(p.id);
      expect(await first(p.title.split(/\s+/).slice(0, 3).join(" "))).toBe(p.id);
    });
  }
});
