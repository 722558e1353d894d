import { MathText } from "@/components/math-text";

export interface AbstractClipProps {
  text: string;
}

/** Above this length the clip to three lines probably hides something, so offer "more". */
const LONG = 260;

/**
 * An abstract clipped to three lines with a "more" toggle. The toggle is a `<details>`, so it
 * works by keyboard and without JavaScript; the full text is in the page for screen readers.
 */
export function AbstractClip({ text }: AbstractClipProps) {
  return (
    <div data-abstract className="abstract">
      <MathText as="p" text={text} className={text.length > LONG ? "abstract-text line-clamp-3" : "abstract-text"} />
      {text.length > LONG && (
        <details>
          {/* "more" / "less" is drawn by CSS (.more-toggle), one word less per card in the page and its payload. */}
          <summary className="more-toggle">
            <span className="sr-only"> of the abstract</span>
          </summary>
        </details>
      )}
    </div>
  );
}
