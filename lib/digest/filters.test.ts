import { describe, expect, it } from "vitest";
import { compileFilters, filterKey, NO_FILTERS, normalizeCategory, parseTerms, preparePaper, type DigestPaper } from "@/lib/digest/filters";
import { filtersSchema } from "@/lib/digest/schemas";

const paper = (o: Partial<DigestPaper>): DigestPaper => ({
  id: 1,
  arxivId: "2601.00001",
  title: "A Paper",
  abstract: null,
  upvotes: 0,
  authors: [],
  authorCount: 0,
  organization: null,
  categories: [],
  aiKeywords: [],
  githubRepo: null,
  projectPage: null,
  day: "2026-01-01",
  ...o,
});

const matches = (filters: Partial<typeof NO_FILTERS>, p: Partial<DigestPaper>) =>
  compileFilters({ ...NO_FILTERS, ...filters })(preparePaper(paper(p)));

describe("digest filters", () => {
  it("match keywords at the start of a word, ignoring case and accents, in title, abstract and AI keywords", () => {
    expect(matches({ keywords: ["llm"] }, { title: "Scaling LLMs" })).toBe(true);
    expect(matches({ keywords: ["LLM"] }, { title: "Small language models" })).toBe(false);
    expect(matches({ keywords: ["diffusion"] }, { abstract: "A diffusion-based planner." })).toBe(true);
    expect(matches({ keywords: ["fusion"] }, { abstract: "A diffusion-based planner." })).toBe(false);
    expect(matches({ keywords: ["reseau"] }, { title: "Réseaux de neurones" })).toBe(true);
    expect(matches({ keywords: ["robot learning"] }, { aiKeywords: ["Robot Learning"] })).toBe(true);
    expect(matches({ keywords: ["c++"] }, { title: "Compiling C++ faster" })).toBe(true);
  });

  it("match authors and organizations by their words", () => {
    expect(matches({ authors: ["Hinton"] }, { authors: ["Geoffrey E. Hinton"] })).toBe(true);
    expect(matches({ authors: ["geoff hinton"] }, { authors: ["Geoffrey E. Hinton"] })).toBe(true);
    expect(matches({ authors: ["Hinton"] }, { authors: ["Ada Lovelace"] })).toBe(false);
    expect(matches({ organizations: ["microsoft"] }, { organization: { name: "MicrosoftResearch", fullname: "Microsoft Research" } })).toBe(
      true,
    );
    expect(matches({ organizations: ["MicrosoftResearch"] }, { organization: { name: "MicrosoftResearch", fullname: null } })).toBe(true);
    expect(matches({ organizations: ["google"] }, { organization: { name: "MicrosoftResearch", fullname: "Microsoft Research" } })).toBe(
      false,
    );
  });

  it("narrow by category (an archive name covers its categories), and widen across keywords, authors and organizations", () => {
    expect(matches({ categories: ["cs.LG"] }, { categories: ["stat.ML", "cs.LG"] })).toBe(true);
    expect(matches({ categories: ["cs"] }, { categories: ["cs.CV"] })).toBe(true);
    expect(matches({ categories: ["cs"] }, { categories: ["q-bio.NC"] })).toBe(false);
    expect(matches({ categories: ["cs.LG"] }, { categories: [] })).toBe(false);
    expect(matches({ categories: ["cs.CV"], keywords: ["nerf"] }, { categories: ["cs.CV"], title: "Gaussian splats" })).toBe(false);
    expect(matches({ keywords: ["nerf"], authors: ["Hinton"] }, { title: "Gaussian splats", authors: ["G. Hinton"] })).toBe(true);
    expect(matches({}, {})).toBe(true);
  });

  it("read terms from a text field, and refuse what is not a category", () => {
    expect(parseTerms("LLM, diffusion\n  robot   learning ,llm,,")).toEqual(["LLM", "diffusion", "robot learning"]);
    expect(normalizeCategory("cs.*")).toBe("cs");
    expect(normalizeCategory("hep-th")).toBe("hep-th");
    expect(normalizeCategory("cs LG")).toBeNull();
    const parsed = filtersSchema.safeParse({ keywords: "a, b", categories: "cs.LG, <b>" });
    expect(parsed.success).toBe(false);
    expect(filtersSchema.parse({ categories: "cs.*, stat.ML" }).categories).toEqual(["cs", "stat.ML"]);
    expect(filtersSchema.safeParse({ keywords: Array.from({ length: 21 }, (_, i) => `k${i}`).join(",") }).success).toBe(false);
    expect(filterKey({ ...NO_FILTERS, keywords: ["B", "a"] })).toBe(filterKey({ ...NO_FILTERS, keywords: ["A", "b"] }));
  });
});
