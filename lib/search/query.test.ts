import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { parseSearchQuery } from "@/lib/search/query";

const q = (input: string, prefixLast = false) => parseSearchQuery(input, { prefixLast })?.tsquery ?? null;

// Only quoted letter/mark/digit lexemes (optionally :*), our operators, parentheses and spaces.
const SAFE = /^(?:'[\p{L}\p{M}\p{N}]+'(?::\*)?|<->|[&|!() ])+$/u;

const HOSTILE = [
  "'); DROP TABLE papers; --",
  "a & b | c",
  "!!!",
  ":*",
  "<->",
  "'",
  "''",
  "\\'abc\\'",
  "a' | 'b",
  "x:*A & y",
  "(((a)))",
  '"unbalanced quote',
  'a "b c',
  '"""',
  '-"',
  "a <2> b",
  "🚀 rocket 🧪 lab👩‍🔬",
  "😀",
  "$$ $1 ; select 1",
  "a\u0000b\u200bc",
  "\u0301\u0301",
  "İstanbul ﬁne ＧＰＴ",
  "x".repeat(10_000),
  "word ".repeat(500),
  "a or or | b or",
  "or | or",
  "- -- ---",
  '-"" - |',
];

describe("parseSearchQuery syntax", () => {
  it("ANDs plain words, lower-cased and quoted", () => {
    expect(q("deep learning")).toBe("'deep' & 'learning'");
    expect(q("  Diffusion   MODELS\t\n")).toBe("'diffusion' & 'models'");
    expect(q("transformer")).toBe("'transformer'");
  });

  it("turns quoted text into phrases", () => {
    expect(q('"neural radiance fields"')).toBe("'neural' <-> 'radiance' <-> 'fields'");
    expect(q('"neural radiance" survey')).toBe("('neural' <-> 'radiance') & 'survey'");
    expect(q('"single"')).toBe("'single'");
    expect(q('say"hello world"now')).toBe("'say' & ('hello' <-> 'world') & 'now'");
  });

  it("splits words on non-letters into phrases", () => {
    expect(q("GPT-4o")).toBe("'gpt' <-> '4o'");
    expect(q("Q-learning")).toBe("'q' <-> 'learning'");
    expect(q("state-of-the-art llm")).toBe("('state' <-> 'of' <-> 'the' <-> 'art') & 'llm'");
    expect(q("arXiv:2406.12345")).toBe("'arxiv' <-> '2406' <-> '12345'");
  });

  it("negates words and phrases", () => {
    expect(q("llm -survey")).toBe("'llm' & !'survey'");
    expect(q('vision -"large language"')).toBe("'vision' & !('large' <-> 'language')");
    expect(q("rl -Q-learning")).toBe("'rl' & !('q' <-> 'learning')");
    expect(q("rl --bandit")).toBe("'rl' & !'bandit'");
    expect(q("rl - bandit")).toBe("'rl' & 'bandit'");
  });

  it("ORs neighbours with or / OR / |, binding tighter than AND", () => {
    expect(q("deep learning or reinforcement")).toBe("'deep' & ('learning' | 'reinforcement')");
    expect(q("cats OR dogs")).toBe("'cats' | 'dogs'");
    expect(q("cats | dogs | birds")).toBe("'cats' | 'dogs' | 'birds'");
    expect(q("cats|dogs")).toBe("'cats' | 'dogs'");
    expect(q("a or b c or d")).toBe("('a' | 'b') & ('c' | 'd')");
    expect(q('"vision transformer" or vit')).toBe("('vision' <-> 'transformer') | 'vit'");
    expect(q('"vision transformer" or vit survey')).toBe("(('vision' <-> 'transformer') | 'vit') & 'survey'");
    expect(q("llm or -survey agents")).toBe("('llm' | !'survey') & 'agents'");
  });

  it("ignores dangling or doubled ORs", () => {
    expect(q("or cats")).toBe("'cats'");
    expect(q("cats or")).toBe("'cats'");
    expect(q("cats or or dogs")).toBe("'cats' | 'dogs'");
    expect(q("cats | OR | dogs")).toBe("'cats' | 'dogs'");
    expect(q('"or"')).toBe("'or'");
  });

  it("adds :* to the last positive unquoted word with prefixLast", () => {
    expect(q("deep lear", true)).toBe("'deep' & 'lear':*");
    expect(q("deep lear -survey", true)).toBe("'deep' & 'lear':* & !'survey'");
    expect(q('diffusion "image gen"', true)).toBe("'diffusion':* & ('image' <-> 'gen')");
    expect(q("Q-lear", true)).toBe("'q' <-> 'lear':*");
    expect(q("cats or do", true)).toBe("'cats' | 'do':*");
    expect(q('"only phrase"', true)).toBe("'only' <-> 'phrase'");
    expect(q("deep lear")).toBe("'deep' & 'lear'");
  });

  it("dedupes terms and repeated conjuncts", () => {
    expect(parseSearchQuery("Deep deep DEEP learning")).toEqual({ tsquery: "'deep' & 'learning'", terms: ["deep", "learning"] });
  });

  it("lists positive lexemes only as terms", () => {
    expect(parseSearchQuery('GPT-4o "vision language" or VLM -survey')?.terms).toEqual(["gpt", "4o", "vision", "language", "vlm"]);
  });

  it("keeps non-Latin letters and digits", () => {
    expect(q("日本語 モデル")).toBe("'日本語' & 'モデル'");
    expect(q("Ünïcödé naïve")).toBe("'ünïcödé' & 'naïve'");
    expect(q("ＧＰＴ４")).toBe("'gpt4'"); // full-width folded by NFKC
    expect(q("3d 2024")).toBe("'3d' & '2024'");
  });

  it("returns null for nothing usable or negations only", () => {
    for (const input of ["", "   ", "!!!", ":*", "<->", "😀", "-survey", '-"large language" -llm', "or", "| |", "-a or -b", "a or -b"]) {
      expect(parseSearchQuery(input), input).toBeNull();
    }
    expect(parseSearchQuery(undefined as unknown as string)).toBeNull();
  });
});

describe("parseSearchQuery limits", () => {
  it("reads only the first 200 characters", () => {
    const r = parseSearchQuery(`${"a".repeat(195)} bcdef ghij`);
    expect(r?.terms).toEqual(["a".repeat(195), "bcde"]);
  });

  it("counts the 200 characters by code point, not UTF-16 unit", () => {
    expect(parseSearchQuery(`${"😀".repeat(199)}x yz`)?.terms).toEqual(["x"]);
  });

  it("caps at 16 lexemes, truncating a positive phrase and dropping an overflowing negation", () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    expect(parseSearchQuery(words.join(" "))?.terms).toEqual(words.slice(0, 16));
    expect(parseSearchQuery(`"${words.join(" ")}"`)?.tsquery.split("<->")).toHaveLength(16);
    const negOverflow = parseSearchQuery(`${words.slice(0, 14).join(" ")} -"x y z" tail`);
    expect(negOverflow?.tsquery).not.toContain("!");
    expect(negOverflow?.terms).toHaveLength(14);
  });
});

describe("parseSearchQuery hostile input", () => {
  it("emits only quoted lexemes and our operators", () => {
    for (const input of HOSTILE) {
      for (const prefixLast of [false, true]) {
        const r = parseSearchQuery(input, { prefixLast });
        if (r) expect(r.tsquery, input).toMatch(SAFE);
      }
    }
  });

  it("neutralises SQL and tsquery operators", () => {
    expect(q("'); DROP TABLE papers; --")).toBe("'drop' & 'table' & 'papers'");
    expect(q("a & b | c")).toBe("'a' & ('b' | 'c')");
    expect(q("a' | 'b")).toBe("'a' | 'b'");
    expect(q("x:*A & y")).toBe("('x' <-> 'a') & 'y'");
    expect(q('"unbalanced quote')).toBe("'unbalanced' <-> 'quote'");
    expect(q("🚀 rocket 🧪 lab👩‍🔬")).toBe("'rocket' & 'lab'");
  });
});

// The real contract: Postgres accepts every output. Uses the cluster from vitest's global setup.
describe("parseSearchQuery against Postgres", () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject("pgAdminUrl") });
    await client.connect();
  });
  afterAll(() => client?.end());

  it("to_tsquery('english', …) parses every output", async () => {
    const inputs = [...HOSTILE, "deep learning or reinforcement", 'GPT-4o -"large language" survey', "Q-lear", "the of and"];
    for (const input of inputs) {
      const r = parseSearchQuery(input, { prefixLast: true });
      if (!r) continue;
      await expect(client.query("SELECT to_tsquery('english', $1)::text AS q", [r.tsquery]), input).resolves.toBeTruthy();
    }
  });

  it("matches documents the way a reader would expect", async () => {
    const doc = "We fine-tune GPT-4o with state-of-the-art deep Q-learning for robots";
    const cases: [string, boolean, boolean?][] = [
      ["gpt-4o deep learning or planning", true],
      ["GPT4o", false],
      ["state-of-the-art robot", true],
      ['"deep robots"', false],
      ["Q-lear", true, true],
      ["Q-lear", false],
      ["robots -q-learning", false],
      ['robots -"deep learning"', true],
    ];
    for (const [input, hit, prefixLast] of cases) {
      const { rows } = await client.query("SELECT to_tsvector('english', $1) @@ to_tsquery('english', $2) AS hit", [
        doc,
        parseSearchQuery(input, { prefixLast })!.tsquery,
      ]);
      expect(rows[0].hit, input).toBe(hit);
    }
  });
});
