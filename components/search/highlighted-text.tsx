import { Fragment } from "react";
import { highlightParts } from "@/lib/data/search";

export interface HighlightedTextProps {
  /** A ts_headline string from searchPapers, matches between its markers. */
  text: string;
}

/** Search matches in `<mark>`, everything as text: the feed's markup is never interpreted. */
export function HighlightedText({ text }: HighlightedTextProps) {
  return (
    <>{highlightParts(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}</>
  );
}

/** Whether a ts_headline string has at least one match. */
export function hasHighlight(text: string): boolean {
  return highlightParts(text).some((p) => p.match);
}
