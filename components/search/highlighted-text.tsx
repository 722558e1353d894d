import { Fragment } from "react";
import { highlightParts } from "@/lib/data/search";
import { splitMath, tokenize } from "@/lib/text/math";

export interface HighlightedTextProps {
  /** A ts_headline string from searchPapers, matches between its markers. */
  text: string;
}

/** A run of text, or a formula rendered by KaTeX; `match` when the search marked any of it. */
export type HighlightSegment = { kind: "text"; text: string; match: boolean } | { kind: "math"; html: string; match: boolean };

/**
 * Search matches in `<mark>`, everything as text: the feed's markup is never interpreted.
 * Math (`$Q$-Values`) is rendered by KaTeX as in MathText, a formula with a match in it marked whole.
 */
export function HighlightedText({ text }: HighlightedTextProps) {
  return (
    <>
      {highlightSegments(text).map((s, i) => {
        const content = s.kind === "text" ? s.text : <span dangerouslySetInnerHTML={{ __html: s.html }} />;
        return s.match ? <mark key={i}>{content}</mark> : <Fragment key={i}>{content}</Fragment>;
      })}
    </>
  );
}

/**
 * The headline's text split as MathText splits it (lib/text/math.ts reads the text without the
 * markers, so a match inside or next to a formula does not break it), each part marked where the
 * headline marked it. Text that holds no math costs only highlightParts.
 */
export function highlightSegments(headline: string): HighlightSegment[] {
  const parts = highlightParts(headline);
  const plain = parts.map((p) => p.text).join("");
  if (!/[$\\]/.test(plain)) return parts.map((p) => ({ kind: "text" as const, ...p }));

  const marked = new Uint8Array(plain.length);
  let at = 0;
  for (const p of parts) {
    if (p.match) marked.fill(1, at, at + p.text.length);
    at += p.text.length;
  }

  const out: HighlightSegment[] = [];
  const pushText = (text: string, match: boolean) => {
    const last = out[out.length - 1];
    if (last?.kind === "text" && last.match === match) last.text += text;
    else out.push({ kind: "text", text, match });
  };
  at = 0;
  for (const piece of tokenize(plain)) {
    if (piece.kind === "math") {
      const end = at + piece.source.length;
      const [rendered, ...rest] = splitMath(piece.source);
      if (rendered?.kind === "math" && rest.length === 0)
        out.push({ kind: "math", html: rendered.html, match: marked.subarray(at, end).includes(1) });
      else for (let j = at; j < end; j++) pushText(plain[j], marked[j] === 1);
      at = end;
      continue;
    }
    // The tokenizer reads `\$` as `$`: one character of its text may stand for two of the source.
    for (const c of piece.text) {
      const match = marked[at] === 1;
      at += c !== plain.slice(at, at + c.length) && c === "$" && plain.startsWith("\\$", at) ? 2 : c.length;
      pushText(c, match);
    }
  }
  return out;
}

/** Whether a ts_headline string has at least one match. */
export function hasHighlight(text: string): boolean {
  return highlightParts(text).some((p) => p.match);
}
