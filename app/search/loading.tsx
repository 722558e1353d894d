import { PaperListSkeleton } from "@/components/papers/paper-list-skeleton";

export default function SearchLoading() {
  return (
    <div className="mx-auto max-w-4xl">
      <div aria-hidden="true" className="h-9 w-32 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      <div aria-hidden="true" className="mt-4 h-10 animate-pulse rounded-lg bg-gray-100 dark:bg-gray-800/70" />
      <div className="mt-8">
        <PaperListSkeleton count={4} />
      </div>
    </div>
  );
}
