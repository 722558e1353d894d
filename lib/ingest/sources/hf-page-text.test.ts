import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedsDir as FIXTURES } from "@/lib/test/fixtures";
import { FeedParseError, type ParseItem, type ParsedPaper } from "../types";
import { parseHfPageText } from "./hf-page-text";

const page = fs.readFileSync(path.join(FIXTURES, "hf-papers-page-excerpt.txt"), "utf8");

const parse = (text: string, year = 2026): ParseItem[] => [...parseHfPageText(text, { year })];
const papers = (items: ParseItem[]): ParsedPaper[] => items.flatMap((i) => (i.kind === "paper" ? [i.paper] : []));

function byTitle(list: ParsedPaper[], start: string): ParsedPaper {
  const found = list.find((p) => p.title.startsWith(start));
  if (!found) throw new Error(`no paper "${start}"`);
  return found;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const LONG = "This abstract is long enough to look like one: ".repeat(4);

// Titles in page order, read from the excerpt.
const TITLES = [
  "Inverting the Bellman Equation: From $Q$-Values to World Models",
  "Enhancing Agentic RL with Progressive Reward Shaping and Value-based Sampling Policy Optimization",
  "$\\mathcal{B}$-Coder: Value-Based Deep Reinforcement Learning for Program Synthesis",
  "ArCHer: Training Language Model Agents via Hierarchical Multi-Turn RL",
  "Who's the MVP? A Game-Theoretic Evaluation Benchmark for Modular Attribution in LLM Agents",
  "WebShop: Towards Scalable Real-World Web Interaction with Grounded Language Agents",
  "Learning the Value Systems of Agents with Preference-based and Inverse Reinforcement Learning",
  "SafeSearch: Automated Red-Teaming for the Safety of LLM-Based Search Agents",
  "Enhancing Decision-Making for LLM Agents via Step-Level Q-Value Models",
  "Rethinking the Value of Agent-Generated Tests for LLM-Based Software Engineering Agents",
  "Digi-Q: Learning Q-Value Functions for Training Device-Control Agents",
  "Spend Less, Reason Better: Budget-Aware Value Tree Search for LLM Agents",
  "Rethinking the Value of Multi-Agent Workflow: A Strong Single Agent Baseline",
  "Agentic Risk-Aware Set-Based Engineering Design",
  "Memory as a Wasting Asset: Pricing Flash Endurance for Embodied Agents, and the Limits of Doing So",
  "Frontier-Eng: Benchmarking Self-Evolving Agents on Real-World Engineering Tasks with Generative Optimization",
  "KVFlow: Efficient Prefix Caching for Accelerating LLM-Based Multi-Agent Workflows",
  "Hierarchical Entity-centric Reinforcement Learning with Factored Subgoal Diffusion",
  "Agent-ValueBench: A Comprehensive Benchmark for Evaluating Agent Values",
  "Utility Engineering: Analyzing and Controlling Emergent Value Systems in AIs",
];

describe("parseHfPageText on the real excerpt", () => {
  it("finds the 20 papers in order, skipping the header", () => {
    const items = parse(page);
    expect(items).toHaveLength(20);
    expect(papers(items).map((p) => p.title)).toEqual(TITLES);
  });

  it("maps the first card", () => {
    const [p] = papers(parse(page));
    expect(p.arxivId).toBeNull();
    expect(p.abstract).toMatch(/^Model-based and model-free reinforcement learning are traditionally viewed as separate paradigms/);
    expect(p.abstract).toMatch(/the connection between model-based, model-free, and goal-conditioned RL\.$/);
    expect(p.authors).toEqual([]);
    expect(p.authorCount).toBe(6);
    expect(p.publishedAt).toEqual(day("2026-06-18"));
    expect(p.featured).toEqual({ day: "2026-06-18", featuredAt: day("2026-06-18") });
    expect(p).not.toHaveProperty("upvotes");
    expect(p).not.toHaveProperty("organization");
  });

  it("uses opts.year for year-less dates and the written year otherwise", () => {
    const in2026 = papers(parse(page, 2026));
    const in2025 = papers(parse(page, 2025));
    const valueSystems = "Learning the Value Systems of Agents";
    expect(byTitle(in2026, valueSystems).featured?.day).toBe("2026-02-04");
    expect(byTitle(in2025, valueSystems).featured?.day).toBe("2025-02-04");
    for (const list of [in2026, in2025]) {
      expect(byTitle(list, "Enhancing Agentic RL").publishedAt).toEqual(day("2025-12-08"));
      expect(byTitle(list, "ArCHer").publishedAt).toEqual(day("2024-02-29"));
      expect(byTitle(list, "WebShop").featured?.day).toBe("2022-07-04");
    }
  });

  it("reads the upvote count after the date", () => {
    const p = byTitle(papers(parse(page)), "Spend Less, Reason Better");
    expect(p.upvotes).toBe(1);
    expect(p.authorCount).toBe(4);
    expect(p.publishedAt).toEqual(day("2026-03-13"));
  });

  it("gives papers without a meta line the page's day and no publication date", () => {
    const list = papers(parse(page));
    for (const title of ["Rethinking the Value of Agent-Generated Tests", "Agent-ValueBench"]) {
      const p = byTitle(list, title);
      expect(p.abstract?.length).toBeGreaterThan(1000);
      expect(p).not.toHaveProperty("authorCount");
      expect(p.publishedAt).toBeNull();
      expect(p.featured).toEqual({ day: "2026-06-29", featuredAt: day("2026-06-29") });
    }
    // Their neighbours keep their own meta.
    expect(byTitle(list, "Digi-Q").authorCount).toBe(5);
    expect(byTitle(list, "Utility Engineering").publishedAt).toEqual(day("2025-02-12"));
    expect(byTitle(list, "Utility Engineering").authorCount).toBe(11);
  });

  it("keeps LaTeX intact", () => {
    const list = papers(parse(page));
    expect(list[2].title).toBe("$\\mathcal{B}$-Coder: Value-Based Deep Reinforcement Learning for Program Synthesis");
  });

  it("is robust to CRLF, trailing spaces and blank-line variations", () => {
    const expected = parse(page);
    expect(parse(page.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(parse(page.replace(/\n/g, "  \n\n"))).toEqual(expected);
    expect(parse(page.replace(/\n\n+/g, "\n"))).toEqual(expected);
  });
});

describe("parseHfPageText on other layouts", () => {
  it("reads organizations, one-line meta, and a paper without abstract", () => {
    const text = [
      "Daily Papers",
      "Jun 29",
      "Org paper",
      LONG,
      "MicrosoftResearch Microsoft Research",
      "·",
      "Jun 18 3",
      "One-line meta",
      LONG,
      "  • 6 authors · Dec 8, 2025",
      "One-line org",
      LONG,
      "nvidia NVIDIA · Jan 2",
      "No abstract here",
      "• 3 authors",
      "·",
      "Jun 1",
      '<script>alert("x")</script> Title',
      LONG,
      "• 2 authors",
      "·",
      "Jun 2",
    ].join("\n");
    const list = papers(parse(text));
    expect(list.map((p) => p.title)).toEqual([
      "Org paper",
      "One-line meta",
      "One-line org",
      "No abstract here",
      '<script>alert("x")</script> Title',
    ]);
    expect(list[0]).toMatchObject({
      organization: { name: "MicrosoftResearch", fullname: "Microsoft Research" },
      upvotes: 3,
      publishedAt: day("2026-06-18"),
    });
    expect(list[0]).not.toHaveProperty("authorCount");
    expect(list[1]).toMatchObject({ authorCount: 6, publishedAt: day("2025-12-08") });
    expect(list[2].organization).toEqual({ name: "nvidia", fullname: "NVIDIA" });
    expect(list[3]).toMatchObject({ abstract: null, authorCount: 3, publishedAt: day("2026-06-01") });
    expect(list[4].abstract).toBe(LONG.trim());
  });

  it("rejects a paper with an impossible date by its title", () => {
    const text = ["First", LONG, "• 2 authors", "·", "Feb 30", "Second", LONG, "• 1 authors", "·", "Feb 28"].join("\n");
    const items = parse(text);
    expect(items[0]).toEqual({ kind: "rejected", rejection: { ref: "First", reason: 'impossible date "Feb 30"' } });
    expect(items[1].kind === "paper" && items[1].paper.publishedAt).toEqual(day("2026-02-28"));
    // Feb 29 exists only in leap years.
    expect(parse(["Leap", LONG, "• 1 authors", "·", "Feb 29"].join("\n"), 2025)[0].kind).toBe("rejected");
    expect(parse(["Leap", LONG, "• 1 authors", "·", "Feb 29"].join("\n"), 2028)[0].kind).toBe("paper");
  });

  it("throws when no paper can be recognised", () => {
    for (const text of ["", "   \n\n", "hello\nworld", "Daily Papers\nJun 29\n"]) {
      expect(() => parse(text)).toThrow(FeedParseError);
    }
  });
});
