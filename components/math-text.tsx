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
  return (
    <Tag className={className}>
      {splitMath(text).map((segment, i) =>
        segment.kind === "text" ? (
          <Fragment key={i}>{segment.text}</Fragment>
        ) : (
          <span key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />
        ),
      )}
    </Tag>
  );
}
