import type { PaperDTO } from "@/lib/data/paper-types";
import { CardKeyboardNav } from "@/components/papers/card-keyboard-nav";
import { PaperCard } from "@/components/papers/paper-card";

export interface PaperListProps {
  papers: PaperDTO[];
  /** Accessible name of the list, e.g. "Papers of Aug 14, 2026". */
  label: string;
  headingLevel?: 2 | 3;
}

/** Paper cards in order, navigable with j / k. */
export function PaperList({ papers, label, headingLevel = 3 }: PaperListProps) {
  return (
    <CardKeyboardNav>
      <ol aria-label={label} className="flex flex-col gap-3">
        {papers.map((p) => (
          <li key={p.id}>
            <PaperCard paper={p} headingLevel={headingLevel} />
          </li>
        ))}
      </ol>
    </CardKeyboardNav>
  );
}
