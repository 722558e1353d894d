import "server-only";
import { Fragment } from "react";
import { splitMath } from "@/lib/text/math";

export interface MathTextProps {
  text: string;
  as?: "span" | "p" | "div" | "h1" | "h2" | "h3" | "h4";
  className?: string;
}

/** Feed text with its LaTeX rendered by KaTeX. Text is escaped by React; only KaTeX's own output is set as HTML. */
export function MathText({ text, as: Tag = "span", className }: MathTextProps) {
  const segments = splitMath(text);
  // Most titles and abstracts hold no math: one text child keeps the page and its payload small.
  if (segments.length === 1 && segments[0].kind === "text") return <Tag className={className}>{segments[0].text}</Tag>;
  return (
    <Tag className={className}>
      {segments.map((segment, i) =>
        segment.kind === "text" ? (
          <Fragment key={i}>{segment.text}</Fragment>
        ) : (
          <span key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />
        ),
      )}
    </Tag>
  );
}
