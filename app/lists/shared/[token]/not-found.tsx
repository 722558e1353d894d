import Link from "next/link";

export default function SharedListNotFound() {
  return (
    <div className="rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700">
      <h1 className="text-2xl font-bold">Shared list not found</h1>
      <p className="mx-auto mt-2 max-w-prose text-gray-600 dark:text-gray-400">
        The link is wrong, or its owner has stopped sharing the list.
      </p>
      <p className="mt-4">
        <Link
          href="/"
          className="rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200"
        >
          Today&apos;s papers
        </Link>
      </p>
    </div>
  );
}
