import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { listSharedEntries } from "@/lib/lists/items";
import { getSharedList } from "@/lib/lists/lists";
import { sharePath } from "@/lib/lists/serialize";
import { EmptyState } from "@/components/ui/empty-state";
import { PaperList } from "@/components/papers/paper-list";

interface Props {
  params: Promise<{ token: string }>;
}

const loadShared = cache((token: string) => getSharedList(token));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const list = await loadShared(token);
  return {
    title: list ? `${list.name} (shared reading list)` : "Shared list not found",
    // The link is a secret between the owner and the people they give it to.
    robots: { index: false, follow: false, nocache: true },
    referrer: "same-origin",
    alternates: list
      ? { types: { "application/rss+xml": [{ url: `${sharePath(token)}/feed.xml`, title: `${list.name} (RSS)` }] } }
      : undefined,
  };
}

/** A shared reading list, read-only for anyone with the link: papers only, never the owner's notes. */
export default async function SharedListPage({ params }: Props) {
  // Rendered per request: a list whose sharing was stopped must disappear at once.
  await connection();
  const { token } = await params;
  const list = await loadShared(token);
  if (!list) notFound();
  const entries = await listSharedEntries(list.id);

  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm text-gray-500 dark:text-gray-400">Shared reading list</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{list.name}</h1>
      <p className="mt-1 flex flex-wrap gap-x-3 text-gray-600 dark:text-gray-400">
        <span>
          {entries.length} {entries.length === 1 ? "paper" : "papers"}
        </span>
        <a href={`${sharePath(token)}/feed.xml`} className="underline">
          RSS feed
        </a>
      </p>
      <div className="mt-6">
        {entries.length ? (
          <PaperList papers={entries.map((e) => e.paper)} label={`Papers in ${list.name}`} headingLevel={2} />
        ) : (
          <EmptyState title="This list is empty">
            <p>The owner has not saved any papers to it yet.</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
