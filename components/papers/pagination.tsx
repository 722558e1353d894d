import Link from "next/link";

export interface PaginationProps {
  page: number;
  hasMore: boolean;
  /** The URL of another page of the same list. */
  hrefForPage: (page: number) => string;
}

/** Previous page / "Load more" (the next page): lists are fetched a page at a time. */
export function Pagination({ page, hasMore, hrefForPage }: PaginationProps) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link
          href={hrefForPage(page - 1)}
          rel="prev"
          className="rounded-lg border border-gray-200 px-3 py-2 font-medium hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900"
        >
          <span aria-hidden="true">← </span>Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-500 dark:text-gray-400">Page {page}</span>
      {hasMore ? (
        <Link
          href={hrefForPage(page + 1)}
          rel="next"
          className="rounded-lg bg-gray-900 px-3 py-2 font-medium text-white hover:bg-gray-700 dark:bg-gray-100 dark:text-gray-900 dark:hover:bg-white"
        >
          Load more<span className="sr-only"> papers (page {page + 1})</span>
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
