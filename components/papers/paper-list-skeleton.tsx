export interface PaperListSkeletonProps {
  count?: number;
}

/** Placeholder cards while a list loads. */
export function PaperListSkeleton({ count = 6 }: PaperListSkeletonProps) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-3">
      <span className="sr-only">Loading papers…</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} aria-hidden="true" className="flex gap-4 rounded-xl border border-gray-200 p-4 dark:border-gray-800">
          <div className="h-14 w-12 shrink-0 animate-pulse rounded-lg bg-gray-100 dark:bg-gray-800" />
          <div className="flex-1 space-y-2.5">
            <div className="h-5 w-3/4 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
            <div className="h-3.5 w-full animate-pulse rounded bg-gray-100 dark:bg-gray-800/70" />
            <div className="h-3.5 w-full animate-pulse rounded bg-gray-100 dark:bg-gray-800/70" />
            <div className="h-3.5 w-2/3 animate-pulse rounded bg-gray-100 dark:bg-gray-800/70" />
            <div className="h-3.5 w-1/3 animate-pulse rounded bg-gray-100 dark:bg-gray-800/70" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** The page-level placeholder: a heading bar, then cards. */
export function ListPageSkeleton() {
  return (
    <div>
      <div aria-hidden="true" className="mb-6 space-y-3">
        <div className="h-8 w-56 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
        <div className="h-4 w-40 animate-pulse rounded bg-gray-100 dark:bg-gray-800/70" />
        <div className="h-9 w-full max-w-md animate-pulse rounded-lg bg-gray-100 dark:bg-gray-800/70" />
      </div>
      <PaperListSkeleton />
    </div>
  );
}
