import katex from "katex";

export type MathSegment = { kind: "text"; text: string } | { kind: "math"; html: string; display: boolean; tex: string };

export type Piece = { kind: "text"; text: string } | { kind: "math"; tex: string; display: boolean; source: string };

const MAX_TEX = 300;
// An arXiv abstract (at most 1,920 characters) holds a few dozen formulas; each costs KaTeX about 50 µs, so a
// hostile 100 KB abstract of distinct formulas would cost half a second per render. Past this many, math stays text.
const MAX_FORMULAS = 200;
// "$3 and $5", "$5 per", "... $20": a price. "$2\times$" and "$3$" stay math.
const CURRENCY = /\d[\d,.]*(?:\s+[A-Za-z]|\s*$)/y;
// Nothing in a title needs its own macros, and they are the only way to multiply output (a 214-char \def chain gives 150 kB).
const MACRO_DEFINITION = /\\(?:[gex]?def|let|futurelet|global|(?:re)?newcommand|providecommand|(?:re)?newenvironment)(?![a-zA-Z])/;
// KaTeX escapes everything and `trust` refuses links, classes and images; this re-checks that no markup slipped through.
const HOSTILE = /<(?:script|img|iframe|object|embed|a)\b|javascript:|\bon[a-z]+\s*=|\b(?:href|src|srcset)\s*=/i;
// maxSize caps positive sizes only: \kern-1000em or \raisebox{-1000em} would drag the formula over the rest of the page.
const MAX_OFFSET_EM = 40;
const MAX_HTML = 100_000;
const CACHE_SIZE = 500;
const cache = new Map<string, string | null>();

/** Splits feed text into plain text and rendered math. Text segments are raw, for React to escape. */
export function splitMath(input: string): MathSegment[] {
  const out: MathSegment[] = [];
  let formulas = 0;
  for (const p of tokenize(input)) {
    const html = p.kind === "math" && ++formulas <= MAX_FORMULAS ? render(p.tex, p.display) : null;
    const last = out[out.length - 1];
    const text = p.kind === "text" ? p.text : p.source;
    if (p.kind === "math" && html !== null) out.push({ kind: "math", html, display: p.display, tex: p.tex });
    else if (last?.kind === "text") last.text += text;
    else out.push({ kind: "text", text });
  }
  return out;
}

/** The text with math delimiters removed and common commands simplified, for <title>, OG tags, RSS and snippets. Not escaped. */
export function mathToPlainText(input: string): string {
  return tokenize(input)
    .map((p) => (p.kind === "text" ? p.text : texToPlain(p.tex)))
    .join("");
}

const DELIMITERS: [open: string, close: string, display: boolean][] = [
  ["$$", "$$", true],
  ["\\[", "\\]", true],
  ["\\(", "\\)", false],
];

/**
 * Math is `$…$`, `$$…$$`, `\(…\)` or `\[…\]`. A span is at most MAX_TEX characters and never crosses a blank line.
 * An inline `$` opens only before a non-space that does not start a price, and closes only after a non-space and
 * before a non-digit (Pandoc's rule), so "costs $3 and $5" is text. `\$` is a literal dollar everywhere.
 * Exported for math.adversarial.test.ts, which checks it against the character scan it replaced.
 */
export function tokenize(input: string): Piece[] {
  const out: Piece[] = [];
  let text = "";
  // Plain text is copied in slices from here, not a character at a time.
  let from = 0;
  const closers = new Closers(input);
  for (let i = 0; i < input.length;) {
    const math = mathAt(input, i, closers);
    if (math) {
      text += input.slice(from, i);
      if (text) out.push({ kind: "text", text });
      out.push(math);
      text = "";
      i += math.source.length;
      from = i;
    } else if (input.startsWith("\\$", i)) {
      text += input.slice(from, i) + "$";
      i += 2;
      from = i;
    } else {
      // Pairs move together, so `\\$` is not an escaped dollar and an unmatched `$$` does not become `$`.
      i += input.startsWith("$$", i) || input.startsWith("\\\\", i) ? 2 : 1;
    }
  }
  text += input.slice(from);
  if (text) out.push({ kind: "text", text });
  return out;
}

function mathAt(input: string, i: number, closers: Closers): Extract<Piece, { kind: "math" }> | null {
  for (const [open, close, display] of DELIMITERS) {
    if (!input.startsWith(open, i)) continue;
    const end = closers.find(i + open.length, close);
    const tex = end < 0 ? "" : input.slice(i + open.length, end);
    return tex.trim() ? { kind: "math", tex, display, source: input.slice(i, end + close.length) } : null;
  }
  const end = input[i] === "$" ? inlineEnd(input, i, closers) : -1;
  return end < 0 ? null : { kind: "math", tex: input.slice(i + 1, end), display: false, source: input.slice(i, end + 1) };
}

function inlineEnd(input: string, open: number, closers: Closers): number {
  if (!/\S/.test(input[open + 1] ?? "")) return -1;
  CURRENCY.lastIndex = open + 1;
  if (CURRENCY.test(input)) return -1;
  const end = closers.find(open + 1, "$");
  if (end < 0 || /\s/.test(input[end - 1]) || /\d/.test(input[end + 1] ?? "")) return -1;
  return end;
}

/**
 * Finds closing delimiters for one input. A character scan from every opener (up to MAX_TEX characters, plus a
 * blank-line test on the span) cost 300 steps per opener on "\\(\\(\\(…"; these tables make it a few steps.
 */
class Closers {
  /** Positions where each closing delimiter starts, ascending, and the first one not yet behind the scan. */
  private readonly found = new Map<string, { at: number[]; next: number }>();
  /** Backslashes immediately before each position. */
  private readonly backslashes: Int32Array;
  /** For each position, the latest start of a blank line (`\n[ \t\r]*\n`) that ends at or before it, else -1. */
  private readonly blankBefore: Int32Array;

  constructor(private readonly input: string) {
    const n = input.length;
    this.backslashes = new Int32Array(n + 1);
    this.blankBefore = new Int32Array(n + 1).fill(-1);
    let lastNewline = -1;
    let onlySpaceSince = false; // only [ \t\r] since lastNewline
    for (let j = 0; j < n; j++) {
      const c = input[j];
      this.backslashes[j + 1] = c === "\\" ? this.backslashes[j] + 1 : 0;
      this.blankBefore[j + 1] = this.blankBefore[j];
      if (c === "\n") {
        if (lastNewline >= 0 && onlySpaceSince) this.blankBefore[j + 1] = lastNewline;
        lastNewline = j;
        onlySpaceSince = true;
      } else if (c !== " " && c !== "\t" && c !== "\r") onlySpaceSince = false;
    }
  }

  /**
   * Index of the first unescaped `close` within MAX_TEX characters of `from`, or -1 (also when a blank line comes
   * first). `from` only grows from one call to the next for a given `close`, as the tokenizer moves forward.
   * A backslash escapes the character after it, so a `close` counts only after an even run of backslashes
   * (counted from `from`).
   */
  find(from: number, close: string): number {
    let entry = this.found.get(close);
    if (!entry) {
      const at: number[] = [];
      for (let j = this.input.indexOf(close); j >= 0; j = this.input.indexOf(close, j + 1)) at.push(j);
      this.found.set(close, (entry = { at, next: 0 }));
    }
    const { at } = entry;
    while (entry.next < at.length && at[entry.next] < from) entry.next++;
    const limit = Math.min(this.input.length, from + MAX_TEX + 1);
    for (let k = entry.next; k < at.length && at[k] < limit; k++) {
      const j = at[k];
      if (Math.min(this.backslashes[j], j - from) % 2 === 0) return this.blankBefore[j] >= from ? -1 : j;
    }
    return -1;
  }
}

function render(tex: string, displayMode: boolean): string | null {
  const key = (displayMode ? "D" : "I") + tex;
  const html = cache.has(key) ? (cache.get(key) as string | null) : renderUncached(tex, displayMode);
  cache.delete(key); // re-inserting keeps the Map's order least-recently-used first
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}

function renderUncached(tex: string, displayMode: boolean): string | null {
  if (MACRO_DEFINITION.test(tex)) return null;
  let refused = false;
  // Same as `trust: false`, but we learn of the attempt: KaTeX would show "\href" in red and echo the URL in its annotation.
  const trust = () => ((refused = true), false);
  try {
    const html = katex.renderToString(tex, {
      throwOnError: false,
      displayMode,
      trust,
      strict: "ignore",
      maxSize: 10,
      maxExpand: 100,
      output: "htmlAndMathml",
    });
    return refused || !isSafeOutput(html) ? null : html;
  } catch {
    return null;
  }
}

function isSafeOutput(html: string): boolean {
  // With throwOnError off, unknown commands come out in KaTeX's error colour rather than as a katex-error node.
  if (html.length > MAX_HTML || /katex-error|#cc0000/.test(html) || HOSTILE.test(html)) return false;
  let pull = 0;
  for (const [, value] of html.matchAll(/:(-?\d*\.?\d+)em/g)) if (Math.abs(Number(value)) > MAX_OFFSET_EM) return false;
  for (const [, value] of html.matchAll(/margin-(?:left|right):-(\d*\.?\d+)em/g)) pull += Number(value);
  return pull <= MAX_OFFSET_EM;
}

const SYMBOLS: Record<string, string> = Object.fromEntries(
  (
    "alpha=α beta=β gamma=γ delta=δ epsilon=ε varepsilon=ε theta=θ lambda=λ mu=μ pi=π sigma=σ tau=τ phi=φ varphi=φ " +
    "omega=ω Gamma=Γ Delta=Δ Theta=Θ Lambda=Λ Sigma=Σ Phi=Φ Omega=Ω times=× cdot=· leq=≤ le=≤ geq=≥ ge=≥ neq=≠ " +
    "approx=≈ sim=~ pm=± infty=∞ to=→ rightarrow=→ leftarrow=← in=∈ ell=ℓ ldots=… cdots=… dots=… partial=∂ nabla=∇ " +
    "sum=Σ prod=Π sqrt=√ int=∫ colon=: mid=|"
  )
    .split(" ")
    .map((pair) => pair.split("=")),
);
// Other commands are dropped, keeping their arguments: \mathcal{B} -> B, \textsc{Foo} -> Foo.
const OPERATORS = new Set("log ln exp sin cos tan sinh cosh tanh max min arg lim sup inf det dim ker deg gcd Pr mod".split(" "));

function texToPlain(tex: string): string {
  return tex
    .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "$1/$2")
    .replace(/\\([a-zA-Z]+)|\\(.)|[{}~]/g, (m, word?: string, char?: string) => {
      if (word) return SYMBOLS[word] ?? (OPERATORS.has(word) ? word : "");
      if (char) return ",;: \\".includes(char) ? " " : char === "!" ? "" : char;
      return m === "~" ? " " : "";
    })
    .replace(/\s+/g, " ")
    .trim();
}
