import type { PaperDTO } from "@/lib/data/paper-types";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/papers/pagination";
import { PaperList } from "@/components/papers/paper-list";

export interface PaperCollectionProps {
  papers: PaperDTO[];
  hasMore: boolean;
  page: number;
  /** Accessible name of the list. */
  label: string;
  hrefForPage: (page: number) => string;
}

/** One page of an author's or organization's papers, newest first. */
export function PaperCollection({ papers, hasMore, page, label, hrefForPage }: PaperCollectionProps) {
  if (papers.length === 0) {
    return (
      <EmptyState title={page > 1 ? "No more papers" : "No papers"}>
        {page > 1 ? (
          <a href={hrefForPage(1)} className="font-medium underline">
            Back to the first page
          </a>
        ) : (
          "None of the papers on this server lists it any more."
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <PaperList papers={papers} label={label} headingLevel={2} />
      <Pagination page={page} hasMore={hasMore} hrefForPage={hrefForPage} />
    </>
  );
}
