/**
 * Hostile input for every parser of person- or feed-supplied text (issue 12): the worst
 * cases known for each (for bench/parsers.ts) and a fast-check arbitrary that mixes long
 * runs, repeated prefixes and fragments of valid input (for the *.adversarial.test.ts
 * files). A regex that backtracks shows up here as time growing with the square (or cube)
 * of the input; see lib/test/parser-deadline.ts for how a run is timed and cut off.
 */
import fc from "fast-check";
import { parseArxivRef, parseImportText } from "@/lib/lists/import-text";
import { bibtexKey, escapeBibtex, escapeTitle, toBibtex } from "@/lib/lists/bibtex";
import { csvCell, parseCsv } from "@/lib/lists/csv";
import { parseArxivAtom } from "@/lib/ingest/sources/arxiv-atom";
import { parseArxivRss } from "@/lib/ingest/sources/arxiv-rss";
import { detectFormat, xmlRootName } from "@/lib/ingest/sources/detect";
import { parseHfDaily } from "@/lib/ingest/sources/hf-daily";
import { looksLikePageText, parseHfPageText } from "@/lib/ingest/sources/hf-page-text";
import { collapseWhitespace, monthNumber, normalizeArxivId, parseIsoDateTime, parseRfc822 } from "@/lib/ingest/sources/text";
import { cleanText, titleKey } from "@/lib/ingest/normalize";
import { mathToPlainText, splitMath } from "@/lib/text/math";
import { parsePaperIds } from "@/lib/validation/paper-ids";
import { MAX_ARXIV_INPUT, parseArxivInput } from "@/lib/arxiv/id";
import { parseSearchQuery } from "@/lib/search/query";

/** What a parser's hostile inputs are built from. */
export interface Vocabulary {
  /** Text that starts the expensive path: `eprint = {`, `@article{`, `arXiv:`. */
  prefixes: readonly string[];
  /** Pieces of valid input, so the parser gets past its first checks. */
  fragments: readonly string[];
}

export interface Suite {
  vocabulary: Vocabulary;
  /** The worst inputs known, by name, at a given length in characters. */
  worst: Record<string, (size: number) => string>;
  /** Parses the text completely (generators drained); returns something small to post back. */
  run: (input: string) => unknown;
  /** Constructor names of the errors this parser throws on purpose; anything else is a bug. */
  errors: readonly string[];
}

/** What patterns loop over: whitespace, delimiters, escapes, line ends. */
const FILLERS = [
  " ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  '"',
  "'",
  "\\",
  "$",
  "$$",
  "<",
  ">",
  "/",
  ",",
  ".",
  "%",
  "·",
  "-",
  "=",
  ":",
  "@",
  "&",
  "#",
  "1",
  "a",
  "v1",
  "\u2028",
  "\u00a0",
];

/** `unit` repeated to exactly `size` characters. */
export function fill(unit: string, size: number): string {
  if (size <= 0 || !unit) return "";
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** `head`, then `unit` repeated, then `tail`: `size` characters in all. */
export function framed(head: string, unit: string, tail: string, size: number): string {
  return head + fill(unit, size - head.length - tail.length) + tail;
}

type Block =
  | { kind: "run"; unit: string; weight: number }
  | { kind: "prefixRun"; prefix: string; unit: string; weight: number }
  | { kind: "repeat"; unit: string; weight: number };

function block(vocabulary: Vocabulary): fc.Arbitrary<Block> {
  const filler = fc.constantFrom(...FILLERS);
  const prefix = fc.constantFrom(...vocabulary.prefixes);
  const fragment = fc.constantFrom(...vocabulary.fragments);
  const weight = fc.integer({ min: 1, max: 10 });
  // A short random string too: the patterns nobody thought of.
  const noise = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...FILLERS, "x", "Z", "é", "0") });
  return fc.oneof(
    fc.record({ kind: fc.constant("run" as const), unit: filler, weight }),
    fc.record({ kind: fc.constant("prefixRun" as const), prefix, unit: filler, weight }),
    fc.record({
      kind: fc.constant("repeat" as const),
      unit: fc.oneof(
        prefix,
        fragment,
        noise,
        fc.tuple(prefix, filler).map(([p, f]) => p + f),
      ),
      weight,
    }),
  );
}

/**
 * About `size` characters of hostile text for a parser: one to four blocks (a long run of
 * one filler, a prefix followed by such a run, or a prefix, fragment or noise repeated),
 * each given a share of the size, then a short tail that often makes a match fail at the
 * very end (where backtracking costs most).
 */
export function adversarialText(vocabulary: Vocabulary, size = 200_000): fc.Arbitrary<string> {
  const tail = fc.constantFrom("", "x", "}", '"', "\n", "·", ...vocabulary.fragments);
  return fc.record({ blocks: fc.array(block(vocabulary), { minLength: 1, maxLength: 4 }), tail }).map(({ blocks, tail }) => {
    const total = blocks.reduce((n, b) => n + b.weight, 0);
    const parts = blocks.map((b) => {
      const share = Math.floor((size * b.weight) / total);
      return b.kind === "prefixRun" ? b.prefix + fill(b.unit, share - b.prefix.length) : fill(b.unit, share);
    });
    return parts.join("") + tail;
  });
}

const BIBTEX_FIELDS = ["eprint = {", 'eprint = "', "url = {", "doi = {", "  eprint={", "eprint =  "];

/** A BibTeX file whose first entry is followed by `body`, so the entry path is taken. */
const bib = (body: string, size: number, tail = "") => framed("@article{key,\n", body, tail, size);

export const suites = {
  importText: {
    vocabulary: {
      prefixes: [
        "@article{",
        "@misc{k,\n",
        "arXiv:",
        "arxiv_id,title\n",
        "https://arxiv.org/abs/",
        "https://huggingface.co/papers/",
        "arxiv.org/",
        ...BIBTEX_FIELDS,
      ],
      fragments: [
        "2406.12345",
        "hep-th/9901001v2",
        "https://arxiv.org/abs/2406.12345v2\n",
        "eprint = {2406.12345},\n",
        "}\n",
        "# comment\n",
        "%E0%A4%A",
        "%zz",
        '"2406.12345",x\r\n',
      ],
    },
    worst: {
      // Cubic in the old field pattern: `\s*([^}"]+?)\s*` over one run of spaces.
      "eprint = { + spaces": (n) => framed("@article{key,\neprint = {", " ", "", n),
      "url = { + spaces + x": (n) => framed("@article{key,\nurl = {", " ", "x", n),
      "eprint lines of spaces": (n) => bib(`eprint = {${" ".repeat(998)}\n`, n),
      // Quadratic in the old trailing-punctuation strip: a run of `)` not at the end.
      "token )))…x": (n) => framed("", ")", "x", n),
      "csv id )))…x": (n) => framed("arxiv_id\n", ")", "x", n),
      // Quadratic in the old trailing-slash strip of a URL path.
      "url path ///…x": (n) => framed("https://arxiv.org/", "/", "x", n),
      "bad percent lines": (n) => fill("https://arxiv.org/abs/%E0%A4%A\n", n),
      "@article{ repeated": (n) => fill("@article{", n),
      "blank lines": (n) => framed("2406.12345", "\n\n", "", n),
    },
    run: (input: string) => parseImportText(input).refs.length,
    errors: ["AppError"],
  },
  arxivRef: {
    vocabulary: {
      prefixes: ["arXiv:", "https://arxiv.org/abs/", "(<[", "huggingface.co/papers/", "2406."],
      fragments: ["2406.12345", "v2", ".pdf", "%2F", "%E0%A4%A"],
    },
    worst: {
      "token )))…x": (n) => framed("", ")", "x", n),
      "url ///…x": (n) => framed("https://arxiv.org/", "/", "x", n),
      "url /abs/ + %41": (n) => framed("https://arxiv.org/abs/", "%41", "", n),
      "(((…": (n) => fill("(", n),
    },
    run: (input: string) => parseArxivRef(input),
    errors: [],
  },
  csv: {
    vocabulary: { prefixes: ['"', "arxiv_id,title\r\n", "=", "'"], fragments: ['"a ""b"" c",d\r\n', "x,y,z\n", '"', "\r\n"] },
    worst: {
      'unclosed "': (n) => framed('"', "a", "", n),
      '"" pairs': (n) => framed('"', '""', "", n),
      commas: (n) => fill(",", n),
      CRs: (n) => fill("\r", n),
    },
    run: (input: string) => parseCsv(input).length + csvCell(input).length,
    errors: [],
  },
  bibtexExport: {
    vocabulary: { prefixes: ["$", "$$", "\\", "{"], fragments: ["$Q$-Values", "$5 and $10", "$x^2$", " and ", "Łukasz"] },
    worst: {
      "$$$…": (n) => fill("$", n),
      "$$x$ repeated": (n) => fill("$$x$", n),
      "${ repeated": (n) => fill("${", n),
      "$ + spaces + x$": (n) => framed("$", " ", "x$", n),
      "$1 + digits": (n) => framed("$1", "1", "", n),
    },
    run: (input: string) => {
      const paper = {
        arxivId: "2406.12345",
        title: input,
        authors: [input, "A and B"],
        year: 2024,
        primaryClass: input.slice(0, 100),
        url: input,
      };
      return escapeTitle(input).length + escapeBibtex(input).length + bibtexKey(paper).length + toBibtex([paper]).length;
    },
    errors: [],
  },
  hfPageText: {
    vocabulary: {
      prefixes: ["Daily papers\n", "• 6 authors", "·", "Jun 18", "MicrosoftResearch Microsoft Research · ", "a ", "\n\n"],
      fragments: [
        "A Title\n",
        "An abstract that is long enough to be one.\n",
        "• 6 authors\n·\nJun 18\n",
        "Org Name · Dec 8, 2025\n",
        "12\n",
      ],
    },
    worst: {
      // Quadratic in the old organization-and-date pattern: `(.+?)\s+·` over one run of spaces.
      "a + spaces + b": (n) => framed("Daily papers\na", " ", "b", n),
      "a + spaces + · + spaces": (n) => framed("Daily papers\na", " ", "· ", n),
      "a · b · … + \\u2028": (n) => framed("Daily papers\n", "a · ", "\u2028", n),
      "• + spaces": (n) => framed("•", " ", "x", n),
      "title/abstract lines": (n) => fill("A Title\nAn abstract that is long enough to be one, or so one hopes.\n", n),
      "meta blocks": (n) => fill("T\n• 6 authors\n·\nJun 18\n", n),
    },
    run: (input: string) => {
      let n = looksLikePageText(input) ? 1 : 0;
      for (const _ of parseHfPageText(input, { year: 2025 })) n++;
      return n;
    },
    errors: ["FeedParseError"],
  },
  detect: {
    vocabulary: {
      prefixes: ["<?xml", "<!--", "<!DOCTYPE", "<!DOCTYPE x [", "<", "\uFEFF", "Daily papers\n"],
      fragments: ["<feed>", "<rss>", "?>", "-->", "]>", "[", "{"],
    },
    worst: {
      "<? <? <?…": (n) => fill("<?", n),
      "<!-- repeated": (n) => fill("<!--", n),
      "<?a?> repeated": (n) => fill("<?a?>", n),
      "DOCTYPE [ unclosed": (n) => framed("<!DOCTYPE x [", "<", "", n),
      "spaces then <": (n) => framed("", " ", "<feed>", n),
      "a + spaces + b (page text)": (n) => framed("Daily papers\na", " ", "b", n),
    },
    run: (input: string) => [detectFormat(input), xmlRootName(input)],
    errors: [],
  },
  arxivAtom: {
    vocabulary: {
      prefixes: [
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
        "<entry>",
        "<!DOCTYPE ",
        "<![CDATA[",
        "<!--",
        "<a ",
        "&#",
      ],
      fragments: [
        "<entry><id>http://arxiv.org/abs/2406.12345v1</id><title>T</title></entry>",
        "</feed>",
        "&amp;",
        "&#233;",
        'x="y" ',
        "</a>",
      ],
    },
    worst: {
      // Quadratic in the old DOCTYPE check: each `<!DOCTYPE` scanned to the end.
      "<!DOCTYPE repeated": (n) => fill("<!DOCTYPE ", n),
      entries: (n) =>
        framed("<feed>", "<entry><id>http://arxiv.org/abs/2406.12345v1</id><title>T</title><summary>S</summary></entry>", "</feed>", n),
      "deep nesting": (n) => framed("<feed>", "<a>", "", n),
      "many attributes": (n) => framed("<feed><entry ", 'a="b" ', "/></feed>", n),
      "<<<…": (n) => fill("<", n),
      "numeric entities": (n) => framed("<feed><title>", "&#233;", "</title></feed>", n),
      "unclosed CDATA": (n) => framed("<feed><![CDATA[", "]", "", n),
      "long id of spaces": (n) => framed("<feed><entry><id>", " ", "x</id></entry></feed>", n),
    },
    run: (input: string) => [...parseArxivAtom(input)].length,
    errors: ["FeedParseError"],
  },
  arxivRss: {
    vocabulary: {
      prefixes: ["<rss><channel>", "<item>", "<link>", "<!DOCTYPE ", "<dc:creator>"],
      fragments: [
        "<item><link>https://arxiv.org/abs/2406.12345</link><title>T</title></item>",
        "</channel></rss>",
        "arxiv.org/abs/",
        " and ",
        ", ",
        "Announce Type: new Abstract: ",
      ],
    },
    worst: {
      "<!DOCTYPE repeated": (n) => fill("<!DOCTYPE ", n),
      "link arxiv.org/abs/ repeated": (n) =>
        framed("<rss><channel><item><title>T</title><link>", "arxiv.org/abs/", "</link></item></channel></rss>", n),
      "creator , , ,": (n) =>
        framed(
          "<rss><channel><item><title>T</title><link>2406.12345</link><dc:creator>",
          " , ",
          "x</dc:creator></item></channel></rss>",
          n,
        ),
      "description arXiv:x…": (n) =>
        framed(
          "<rss><channel><item><title>T</title><link>2406.12345</link><description>arXiv:",
          "x",
          " Announce Type:</description></item></channel></rss>",
          n,
        ),
    },
    run: (input: string) => [...parseArxivRss(input)].length,
    errors: ["FeedParseError"],
  },
  hfDaily: {
    vocabulary: {
      prefixes: ["[", "{", '[{"paper":{"id":"', '{"a":', '"', "\\"],
      fragments: ['{"paper":{"id":"2406.12345","title":"T"}},', "]", "}", '"', "1", "null,", "\\u00e9"],
    },
    worst: {
      "string of backslashes": (n) => framed('["', "\\", "", n),
      'string of \\"': (n) => framed('["', '\\"', '"]', n),
      "long number in an object": (n) => framed('{"a":', "1", "}", n),
      "long string in an object": (n) => framed('{"a":"', "x", '"}', n),
      "[[[…": (n) => fill("[", n),
      "{{{…": (n) => fill("{", n),
      spaces: (n) => framed("", " ", "[]", n),
      entries: (n) => framed("[", '{"paper":{"id":"2406.12345","title":"T","summary":"S"}},', "1]", n),
      "bad entry text": (n) => framed('[{"paper":{"id":"2406.12345","title":"', "x", '\u0001"}}]', n),
    },
    run: async (input: string) => {
      const bytes = Buffer.from(input);
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
      }
      let n = 0;
      for await (const _ of parseHfDaily(chunks())) n++;
      return n;
    },
    errors: ["FeedParseError"],
  },
  feedText: {
    vocabulary: {
      prefixes: ["2024-01-01T00:00:00.", "Mon, 27 Apr 2026 ", "arXiv:", "hep-th/"],
      fragments: ["2406.12345v2", "v1", " -0400", "Sept", "1"],
    },
    worst: {
      "v1v1v1…": (n) => fill("v1", n),
      "v + digits + x": (n) => framed("v", "1", "x", n),
      spaces: (n) => framed("a", " ", "b", n),
      "ISO fraction digits": (n) => framed("2024-01-01T00:00:00.", "1", "x", n),
      "RFC 822 spaces": (n) => framed("Mon,", " ", "x", n),
    },
    run: (input: string) => [
      collapseWhitespace(input).length,
      parseIsoDateTime(input),
      parseRfc822(input),
      normalizeArxivId(input),
      monthNumber(input),
    ],
    errors: [],
  },
  normalize: {
    vocabulary: { prefixes: ["\\", "\\textbf", "e\u0301"], fragments: ["Attention Is All You Need", "\u0000", "—", "ﬁ"] },
    worst: {
      "\\a\\a…": (n) => fill("\\a", n),
      "combining marks": (n) => framed("e", "\u0301", "", n),
      punctuation: (n) => framed("a", "-", "b", n),
      NULs: (n) => fill("\u0000", n),
    },
    run: (input: string) => titleKey(input).length + cleanText(input).length,
    errors: [],
  },
  math: {
    vocabulary: { prefixes: ["$", "$$", "\\(", "\\[", "\\"], fragments: ["$x^2$", "$5 and $10", "\\frac{a}{b}", "\n\n", "$\\alpha$"] },
    worst: {
      "\\( repeated": (n) => fill("\\(", n),
      "\\[ repeated": (n) => fill("\\[", n),
      "$$ a": (n) => fill("$$ a", n),
      "$a repeated": (n) => fill("$a", n),
      "$ + digits": (n) => framed("$", "1", "", n),
      "$1 + spaces": (n) => framed("$1", " ", "x", n),
      backslashes: (n) => fill("\\", n),
      "$x$ distinct": (n) =>
        Array.from({ length: Math.ceil(n / 8) }, (_, i) => `$x_{${i % 1000}}$ `)
          .join("")
          .slice(0, n),
    },
    run: (input: string) => splitMath(input).length + mathToPlainText(input).length,
    errors: [],
  },
  arxivInput: {
    vocabulary: {
      prefixes: ["https://arxiv.org/abs/", "arxiv.org/pdf/", "arXiv:", "hep-th/", "www."],
      fragments: ["2406.12345", "v2", ".pdf", "/", "?x=", "#", "math.AG/0101001", " "],
    },
    // The input is cut at 300 characters before any pattern runs; the second call times the
    // patterns on the longest input they ever see.
    worst: {
      digits: (n) => fill("1", n),
      "url of a": (n) => framed("https://arxiv.org/abs/", "a", "", n),
      "archive dashes": (n) => framed("", "-", "/0101001", n),
      "query run": (n) => framed("arxiv.org/abs/2406.12345?", "?", " ", n),
    },
    run: (input: string) => [parseArxivInput(input), parseArxivInput(input.slice(0, MAX_ARXIV_INPUT))],
    errors: [],
  },
  paperIds: {
    vocabulary: { prefixes: ["1,", ","], fragments: ["12", "0", "-1", "1e3", "x"] },
    worst: { commas: (n) => fill(",", n), ids: (n) => fill("1,", n), digits: (n) => fill("1", n) },
    run: (input: string) => parsePaperIds(input).length,
    errors: ["AppError"],
  },
  searchQuery: {
    vocabulary: { prefixes: ['"', "-", "|", "or "], fragments: ["deep learning", '"neural radiance"', "-survey", "a OR b"] },
    worst: {
      'unclosed "': (n) => framed('"', "a", "", n),
      spaces: (n) => fill(" ", n),
      words: (n) => fill("a ", n),
      astral: (n) => fill("𝔸", n),
    },
    run: (input: string) => parseSearchQuery(input, { prefixLast: true }),
    errors: [],
  },
} satisfies Record<string, Suite>;

export type SuiteName = keyof typeof suites;
