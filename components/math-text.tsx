import "server-only";
import { Fragment, type ReactNode } from "react";
import { splitMath } from "@/lib/text/math";

export interface MathTextProps {
  text: string;
  as?: "span" | "p" | "div" | "h1" | "h2" | "h3" | "h4";
  className?: string;
}

/** Feed text with its LaTeX rendered by KaTeX. Text is escaped by React; only KaTeX's own output is set as HTML. */
export function MathText({ text, as: Tag = "span", className }: MathTextProps) {
  return <Tag className={className}>{mathContent(text)}</Tag>;
}

/**
 * The children of a MathText: the text itself when it holds no math (most titles and
 * abstracts, which then cost nothing but their text in a page's payload), else text and
 * KaTeX's markup in turn.
 */
export function mathContent(text: string): ReactNode {
  const segments = splitMath(text);
  if (segments.length === 1 && segments[0].kind === "text") return segments[0].text;
  return segments.map((segment, i) =>
    segment.kind === "text" ? (
      <Fragment key={i}>{segment.text}</Fragment>
    ) : (
      <span key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />
    ),
  );
}
