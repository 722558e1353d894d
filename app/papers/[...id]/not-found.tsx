import Link from "next/link";

export default function PaperNotFound() {
  return (
    <div className="rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700">
      <h1 className="text-2xl font-bold">Paper not found</h1>
      <p className="mx-auto mt-2 max-w-prose text-gray-600 dark:text-gray-400">
        No paper with this id has been ingested on this server. Check the arXiv id (for example{" "}
        <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">2406.12345</code>), or look for it by its title.
      </p>
      <p className="mt-4 flex justify-center gap-3">
        <Link
          href="/search"
          className="rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200"
        >
          Search papers
        </Link>
        <Link
          href="/"
          className="rounded-lg border border-gray-300 px-4 py-2 text-sm font-semibold hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900"
        >
          Today&apos;s papers
        </Link>
      </p>
    </div>
  );
}
