import Link from "next/link";
import type { RecommendedPaper } from "@/lib/recs/read";
import { paperHref } from "@/lib/papers/links";
import { mathContent } from "@/components/math-text";
import { CardKeyboardNav } from "@/components/papers/card-keyboard-nav";
import { PaperCard } from "@/components/papers/paper-card";

export interface RecommendationListProps {
  recs: RecommendedPaper[];
  label: string;
  headingLevel?: 2 | 3;
  /** Title and meta line only (a list's side panel). */
  compact?: boolean;
}

/** Why this paper: like one of yours (linked), or the words that matched. */
export function ReasonLine({ rec }: { rec: RecommendedPaper }) {
  const r = rec.reason;
  return (
    <p data-testid="rec-reason" className="mb-1 text-sm text-gray-600 dark:text-gray-400">
      {r.kind === "like" ? (
        <>
          Like{" "}
          <Link href={paperHref({ id: r.paperId, arxivId: null })} className="italic underline-offset-2 hover:underline">
            {mathContent(r.title)}
          </Link>
        </>
      ) : (
        <>Matches: {r.words.length ? r.words.join(", ") : "your papers"}</>
      )}
    </p>
  );
}

/** Recommended papers in order, each with its reason above its card. */
export function RecommendationList({ recs, label, headingLevel = 2, compact = false }: RecommendationListProps) {
  return (
    <CardKeyboardNav>
      <ol aria-label={label} className="flex flex-col gap-3">
        {recs.map((r) => (
          <li key={r.paper.id} data-testid="rec-item" data-paper={r.paper.arxivId ?? r.paper.id}>
            <ReasonLine rec={r} />
            <PaperCard paper={r.paper} headingLevel={headingLevel} compact={compact} />
          </li>
        ))}
      </ol>
    </CardKeyboardNav>
  );
}
