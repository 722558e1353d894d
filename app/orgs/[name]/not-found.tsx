import Link from "next/link";

export default function OrgNotFound() {
  return (
    <div className="rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700">
      <h1 className="text-2xl font-bold">Organization not found</h1>
      <p className="mx-auto mt-2 max-w-prose text-gray-600 dark:text-gray-400">
        No paper on this server comes from an organization with this handle. Handles are as on Hugging Face, for example{" "}
        <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">nvidia</code>.
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
