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
    <div data-abstract className="mt-1.5 text-sm leading-relaxed break-words text-gray-600 dark:text-gray-300">
      <MathText as="p" text={text} className={text.length > LONG ? "abstract-text line-clamp-3" : "abstract-text"} />
      {text.length > LONG && (
        <details className="group">
          <summary className="inline-block cursor-pointer list-none text-xs font-medium text-blue-700 hover:underline dark:text-blue-300 [&::-webkit-details-marker]:hidden">
            <span className="group-open:hidden">more</span>
            <span className="hidden group-open:inline">less</span>
            <span className="sr-only"> of the abstract</span>
          </summary>
        </details>
      )}
    </div>
  );
}
