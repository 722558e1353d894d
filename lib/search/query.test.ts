import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSearchQuery, tsquerySql, type SearchQuery } from "@/lib/search/query";
import { useTestDatabase } from "@/lib/test/db";

// The query compiled by Postgres (the same parser, configuration and search_text function as
// the stored vectors), in a migrated database.
const { url } = await useTestDatabase();
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client?.end());

const q = async (input: string, prefixLast = false): Promise<string | null> => {
  const r = parseSearchQuery(input, { prefixLast });
  if (!r) return null;
  const { sql, params } = tsquerySql(r.tsquery, "$1::text[]");
  const { rows } = await client.query(`SELECT (${sql})::text AS q`, [params]);
  return rows[0].q as string;
};

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
  it("ANDs plain words, stemmed by Postgres", async () => {
    expect(await q("deep learning")).toBe("'deep' & 'learn'");
    expect(await q("  Diffusion   MODELS\t\n")).toBe("'diffus' & 'model'");
    expect(await q("transformer")).toBe("'transform'");
  });

  it("turns quoted text into phrases", async () => {
    expect(await q('"neural radiance fields"')).toBe("'neural' <-> 'radianc' <-> 'field'");
    expect(await q('"neural radiance" survey')).toBe("'neural' <-> 'radianc' & 'survey'");
    expect(await q('"single"')).toBe("'singl'");
    expect(await q('say"hello world"later')).toBe("'say' & 'hello' <-> 'world' & 'later'");
  });

  it("reads hyphenated names and versions as Postgres's parser stores them", async () => {
    expect(await q("GPT-4o")).toBe("'gpt-4o' <-> 'gpt' <-> '4o' | 'gpt' <-> '4o'");
    expect(await q("Q-learning")).toBe("'q-learn' <-> 'q' <-> 'learn' | 'q' <-> 'learn'");
    expect(await q("Fara-2.5")).toBe("'fara' <-> '-2.5' | 'fara' <-> '2.5'");
    expect(await q("Llama-3.1-8B")).toBe("'llama' <-> '-3.1' <-> '-8' <-> 'b' | 'llama' <-> '3.1' <-> '8b'");
    // A lone token with a digit also matches its longer forms (Qwen2.5-VL is one token).
    expect(await q("Qwen2.5")).toBe("'qwen2.5':*");
  });

  it("negates words and phrases", async () => {
    expect(await q("llm -survey")).toBe("'llm' & !'survey'");
    expect(await q('vision -"large language"')).toBe("'vision' & !( 'larg' <-> 'languag' )");
    expect(await q("rl --bandit")).toBe("'rl' & !'bandit'");
    expect(await q("rl - bandit")).toBe("'rl' & 'bandit'");
  });

  it("ORs neighbours with or / OR / |, binding tighter than AND", async () => {
    expect(await q("deep learning or reinforcement")).toBe("'deep' & ( 'learn' | 'reinforc' )");
    expect(await q("cats OR dogs")).toBe("'cat' | 'dog'");
    expect(await q("cats | dogs | birds")).toBe("'cat' | 'dog' | 'bird'");
    expect(await q("cats|dogs")).toBe("'cat' | 'dog'");
    expect(await q('"vision transformer" or vit survey')).toBe("( 'vision' <-> 'transform' | 'vit' ) & 'survey'");
  });

  it("ignores dangling or doubled ORs", async () => {
    expect(await q("or cats")).toBe("'cat'");
    expect(await q("cats or")).toBe("'cat'");
    expect(await q("cats or or dogs")).toBe("'cat' | 'dog'");
    expect(await q("cats | OR | dogs")).toBe("'cat' | 'dog'");
  });

  it("matches the last positive unquoted word as a prefix with prefixLast", async () => {
    expect(await q("deep lear", true)).toBe("'deep' & 'lear':*");
    expect(await q("deep lear -survey", true)).toBe("'deep' & 'lear':* & !'survey'");
    expect(await q('diffusion "image gen"', true)).toBe("'diffus':* & 'imag' <-> 'gen'");
    expect(await q("Q-lear", true)).toBe("'q-lear':* <-> 'q':* <-> 'lear':* | 'q':* <-> 'lear':*");
    expect(await q('"whole phrase"', true)).toBe("'whole' <-> 'phrase'");
    expect(await q("deep lear")).toBe("'deep' & 'lear'");
  });

  it("dedupes terms and repeated conjuncts", () => {
    const r = parseSearchQuery("Deep deep DEEP learning")!;
    expect(r.terms).toEqual(["deep", "learning"]);
    expect(parseSearchQuery("deep deep")!.tsquery.groups).toHaveLength(1);
  });

  it("lists positive words only as terms, and keeps them as text for known-item ranking", () => {
    const r = parseSearchQuery('GPT-4o "vision language" or VLM -survey')!;
    expect(r.terms).toEqual(["gpt", "4o", "vision", "language", "vlm"]);
    expect(r.tsquery.text).toBe("GPT-4o vision language VLM");
  });

  it("keeps non-Latin letters and digits", async () => {
    expect(await q("ünïcödé naïve")).toBe("'ünïcödé' & 'naïv'");
    expect(await q("ＧＰＴ４")).toBe("'gpt4':*"); // full-width folded by NFKC
    expect(await q("3d 2024")).toBe("'3d':* & ( '2024':* | '-2024' )");
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

  it("caps at 16 terms, truncating a positive phrase and dropping an overflowing negation", () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    expect(parseSearchQuery(words.join(" "))?.terms).toEqual(words.slice(0, 16));
    expect(parseSearchQuery(`"${words.join(" ")}"`)?.tsquery.groups[0][0].text.split(" ")).toHaveLength(16);
    const negOverflow = parseSearchQuery(`${words.slice(0, 14).join(" ")} -"x y z" tail`);
    expect(negOverflow?.tsquery.groups.flat().some((i) => i.negated)).toBe(false);
    expect(negOverflow?.terms).toHaveLength(14);
  });
});

describe("parseSearchQuery hostile input", () => {
  // The same query shape with every word replaced by "x".
  const blank = (s: SearchQuery): SearchQuery => ({ text: "x", groups: s.groups.map((g) => g.map((i) => ({ ...i, text: "x" }))) });

  it("binds every word: the SQL text depends only on the query's shape", () => {
    for (const input of HOSTILE) {
      for (const prefixLast of [false, true]) {
        const r = parseSearchQuery(input, { prefixLast });
        if (!r) continue;
        const { sql, params } = tsquerySql(r.tsquery, "qw.w");
        expect(sql, input).toBe(tsquerySql(blank(r.tsquery), "qw.w").sql);
        expect(params, input).toEqual(r.tsquery.groups.flat().map((i) => i.text));
      }
    }
  });

  it("Postgres accepts every output and reads operators in words as text", async () => {
    for (const input of [...HOSTILE, "deep learning or reinforcement", 'GPT-4o -"large language" survey', "Q-lear", "the of and"]) {
      for (const prefixLast of [false, true]) await q(input, prefixLast);
    }
    expect(await q("'); DROP TABLE papers; --")).toBe("'drop' & 'tabl' & 'paper'");
    expect(await q("a' | 'b")).toBe("'b'");
    expect(await q("x:*A & y")).toBe("'x' & 'y'");
    expect(await q("🚀 rocket 🧪 lab")).toBe("'rocket' & 'lab'");
    expect(await q("o'neil\\ x", true)).toBe("'o' <-> 'neil' & 'x':*");
  });
});

describe("parseSearchQuery against Postgres", () => {
  it("matches documents the way a reader would expect", async () => {
    const doc =
      "We fine-tune GPT-4o with state-of-the-art deep Q-learning for robots, after Fara-2.5, Qwen2.5-VL and Qwen3-Coder-Next, from $Q$-Values to $\\mathcal{B}$-Coder";
    const cases: [string, boolean, boolean?][] = [
      ["gpt-4o deep learning or planning", true],
      ["GPT4o", false],
      ["state-of-the-art robot", true],
      ['"deep robots"', false],
      ["Q-lear", true, true],
      ["Q-lear", false],
      ["robots -q-learning", false],
      ['robots -"deep learning"', true],
      ["Fara-2.5", true],
      ["Qwen2.5-VL", true],
      ["Qwen2.5", true],
      ["Fara-2.6", false],
      // A hyphenated word matches its parts inside a longer compound, and spelled apart.
      ["Qwen2.5-VL", true],
      ["fine-tune-GPT", false],
      ["state-of", true],
      ["Qwen3-Coder", true],
      ["Fara-2", false],
      // Math is read by its visible words, in the query as in the document.
      ['"From Q-Values to"', true],
      ['"from $Q$-Values"', true],
      ["B-Coder", true],
      ['"$\\mathcal{B}$-Coder"', true],
      ["mathcal", false],
    ];
    for (const [input, hit, prefixLast] of cases) {
      const r = parseSearchQuery(input, { prefixLast })!;
      const { sql, params } = tsquerySql(r.tsquery, "$2::text[]");
      const { rows } = await client.query(`SELECT to_tsvector('english', search_text($1)) @@ (${sql}) AS hit`, [doc, params]);
      expect(rows[0].hit, input).toBe(hit);
    }
  });
});
