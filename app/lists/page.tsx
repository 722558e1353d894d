import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/viewer";
import { listReadingLists } from "@/lib/lists/lists";
import { NewListForm } from "@/components/lists/new-list-form";

export const metadata: Metadata = { title: "Your reading lists", robots: { index: false } };

/** The signed-in person's reading lists, and a form for a new one. */
export default async function ListsPage() {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/lists")}`);
  const lists = await listReadingLists(user.id);

  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">Your reading lists</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        Private unless you share one. Save papers from any card with the bookmark button.
      </p>
      <ul aria-label="Your reading lists" className="mt-6 grid gap-2 sm:grid-cols-2">
        {lists.map((l) => (
          <li key={l.id}>
            <Link
              href={`/lists/${l.id}`}
              className="flex items-center justify-between gap-3 rounded-lg border border-gray-200 px-4 py-3 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-gray-800 dark:hover:bg-gray-900"
            >
              <span className="min-w-0">
                <span className="block truncate font-semibold">{l.name}</span>
                <span className="text-sm text-gray-500 dark:text-gray-400">
                  {l.itemCount} {l.itemCount === 1 ? "paper" : "papers"}
                  {l.shareToken && " · shared"}
                </span>
              </span>
              {l.isDefault && (
                <span className="shrink-0 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-500/15 dark:text-sky-200">
                  Default
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-list-heading" className="mt-8 border-t border-gray-200 pt-6 dark:border-gray-800">
        <h2 id="new-list-heading" className="mb-3 text-xl font-semibold">
          Create a list
        </h2>
        <NewListForm />
      </section>
    </div>
  );
}
