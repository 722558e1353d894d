import { listSimilarPapers } from "@/lib/data/papers";
import { PaperCard } from "@/components/papers/paper-card";

export interface SimilarPapersProps {
  paperId: number;
}

/** "Similar papers" as compact cards (streamed in after the paper itself). */
export async function SimilarPapers({ paperId }: SimilarPapersProps) {
  const papers = await listSimilarPapers(paperId);
  if (papers.length === 0) {
    return <p className="text-sm text-gray-600 dark:text-gray-400">No similar papers yet: they appear as more papers are ingested.</p>;
  }
  return (
    <ul aria-label="Similar papers" className="grid grid-cols-1 gap-3 md:grid-cols-2">
      {papers.map((p) => (
        <li key={p.id}>
          <PaperCard paper={p} compact />
        </li>
      ))}
    </ul>
  );
}

/** Placeholder while similar papers load. */
export function SimilarPapersSkeleton() {
  return (
    <div role="status" className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <span className="sr-only">Loading similar papers…</span>
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} aria-hidden="true" className="space-y-2 rounded-xl border border-gray-200 p-3 dark:border-gray-800">
          <div className="h-4 w-5/6 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
          <div className="h-3 w-1/2 animate-pulse rounded bg-gray-100 dark:bg-gray-800/70" />
        </div>
      ))}
    </div>
  );
}
