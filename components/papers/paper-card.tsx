import type { PaperCardData } from "@/lib/data/papers";

export interface PaperCardProps {
  paper: PaperCardData;
}

/** One paper in a list. Feed text is rendered as text: React escapes it. */
export function PaperCard({ paper }: PaperCardProps) {
  const shown = paper.authors.slice(0, 3);
  const more = (paper.authorCount ?? paper.authors.length) - shown.length;
  return (
    <article data-testid="paper-card" className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
      <div className="flex gap-4">
        <div className="flex w-14 shrink-0 flex-col items-center rounded-md border border-gray-200 py-1 text-sm dark:border-gray-700" aria-label={`${paper.upvotes} upvotes`}>
          <span aria-hidden="true">▲</span>
          <span className="font-semibold">{paper.upvotes}</span>
        </div>
        <div className="min-w-0">
          <h2 className="text-lg font-semibold leading-snug">{paper.title}</h2>
          {paper.abstract && <p className="mt-1 line-clamp-3 text-sm text-gray-600 dark:text-gray-400">{paper.abstract}</p>}
          <p className="mt-2 text-xs text-gray-500 dark:text-gray-400">
            {paper.organization
              ? paper.organization.fullname ?? paper.organization.name
              : shown.length
                ? `${shown.join(", ")}${more > 0 ? ` +${more}` : ""}`
                : paper.authorCount
                  ? `${paper.authorCount} authors`
                  : null}
            {paper.numComments > 0 && <span> · {paper.numComments} comments</span>}
            {paper.githubStars != null && <span> · ★ {paper.githubStars}</span>}
          </p>
        </div>
      </div>
    </article>
  );
}
