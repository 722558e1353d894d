import type { ReactNode } from "react";

export interface AbstractClipProps {
  /** The abstract, as text or as rendered math. */
  children: ReactNode;
  /** Whether the text is long enough that three lines probably hide some of it. */
  long: boolean;
}

/** Above this length the clip to three lines probably hides something, so offer "more". */
export const LONG_ABSTRACT = 260;

/**
 * An abstract clipped to three lines with a "more" toggle. The toggle is a `<details>`, so it
 * works by keyboard and without JavaScript; the full text is in the page for screen readers.
 */
export function AbstractClip({ children, long }: AbstractClipProps) {
  return (
    <div data-abstract className="abstract">
      <p className={long ? "abstract-text line-clamp-3" : "abstract-text"}>{children}</p>
      {long && (
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
