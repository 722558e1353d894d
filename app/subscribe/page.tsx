import type { Metadata } from "next";
import Link from "next/link";
import { pageMetadata } from "@/app/_lib/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Email digests",
  description: "Email digests of trending papers are not enabled on this server yet.",
  path: "/subscribe",
});

/**
 * Where the "Subscribe" form lands. Digests are not built yet, so this says so plainly: the
 * address is not stored and nothing will be sent.
 */
export default function SubscribePage() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">Email digests are not enabled on this server yet</h1>
      <p className="mt-4 text-gray-700 dark:text-gray-300">
        Paperboy will send a daily or weekly email of the trending papers, but this server does not send digests yet. Your address was not saved, and you will not receive anything.
      </p>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        Until then, follow the papers of the day in a feed reader: <a href="/feed.xml" className="font-medium underline">RSS</a> or{" "}
        <a href="/atom.xml" className="font-medium underline">Atom</a>.
      </p>
      <p className="mt-6">
        <Link href="/" className="inline-block rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200">
          Back to the papers
        </Link>
      </p>
    </div>
  );
}
