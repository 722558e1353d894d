import type { Metadata } from "next";
import Link from "next/link";
import { pageMetadata } from "@/lib/page-metadata";
import { SubscribeForm } from "@/components/email/subscribe-form";

export const metadata: Metadata = pageMetadata({
  title: "Email digests",
  description: "Get the trending research papers in your inbox, daily or weekly.",
  path: "/subscribe",
});

interface SubscribePageProps {
  searchParams: Promise<{ error?: string | string[] }>;
}

/** Sign up for the digest: address, daily or weekly, how many papers. Double opt-in. */
export default async function SubscribePage({ searchParams }: SubscribePageProps) {
  const { error } = await searchParams;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">Trending papers in your inbox</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        A short email with the papers that trended on this site: every morning for the day before, or every Monday for the week before.
        Titles, authors, upvotes, the start of each abstract, and links.
      </p>
      {error === "confirm" && (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          That confirmation did not go through. Subscribe again to get a fresh link.
        </p>
      )}
      <div className="mt-6 rounded-xl border border-gray-200 p-5 dark:border-gray-800">
        <SubscribeForm variant="full" />
      </div>
      <ul className="mt-6 list-disc space-y-1 pl-5 text-sm text-gray-600 dark:text-gray-400">
        <li>We email a confirmation link first; nothing else is sent until you follow it.</li>
        <li>Every digest has a one-click unsubscribe link.</li>
        <li>
          <Link href="/settings/email" className="underline">
            Signed in
          </Link>
          , you can narrow the digest to keywords, authors, organizations or arXiv categories.
        </li>
      </ul>
    </div>
  );
}
