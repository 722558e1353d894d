import Link from "next/link";

/** Shown for a list that does not exist and, alike, for someone else's. */
export default function ListNotFound() {
  return (
    <div className="rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700">
      <h1 className="text-2xl font-bold">List not found</h1>
      <p className="mx-auto mt-2 max-w-prose text-gray-600 dark:text-gray-400">
        There is no list of yours at this address. If someone shared a list with you, open the share link they sent.
      </p>
      <p className="mt-4">
        <Link
          href="/lists"
          className="rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200"
        >
          Your reading lists
        </Link>
      </p>
    </div>
  );
}
