import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { listEntries } from "@/lib/lists/items";
import { getReadingList, type ReadingListDTO } from "@/lib/lists/lists";
import { sharePath } from "@/lib/lists/serialize";
import { LIST_FILTERS, LIST_SORTS, listViewSchema, parseListId, type ListView } from "@/lib/lists/validation";
import { formatHfDate } from "@/lib/papers/dates";
import { mathToPlainText } from "@/lib/text/math";
import { EmptyState } from "@/components/ui/empty-state";
import { ui } from "@/components/ui/styles";
import { PaperCard } from "@/components/papers/paper-card";
import { TabLinks } from "@/components/papers/tab-links";
import { ImportBox } from "@/components/lists/import-box";
import { ListItems } from "@/components/lists/list-items";
import { ListSettings } from "@/components/lists/list-settings";
import { SharePanel } from "@/components/lists/share-panel";
import { LikeThisList } from "@/components/recs/like-this-list";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sort?: string | string[]; filter?: string | string[] }>;
}

const SORT_LABELS: Record<ListView["sort"], string> = { manual: "My order", added: "Date added", title: "Title" };
const FILTER_LABELS: Record<ListView["filter"], string> = { all: "All", unread: "Unread", read: "Read" };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The viewer's own list, or null for anyone else's (shown as not found, like a missing one). */
const loadList = cache(async (userId: string, rawId: string): Promise<ReadingListDTO | null> => {
  try {
    return await getReadingList(userId, parseListId(rawId));
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await currentUser();
  const list = user ? await loadList(user.id, (await params).id) : null;
  return { title: list?.name ?? "Reading list", robots: { index: false } };
}

function viewHref(listId: number, view: ListView): string {
  const q = new URLSearchParams();
  if (view.sort !== "manual") q.set("sort", view.sort);
  if (view.filter !== "all") q.set("filter", view.filter);
  const s = q.toString();
  return `/lists/${listId}${s ? `?${s}` : ""}`;
}

/** One of the signed-in person's lists: papers with notes and read state, sharing, export, import. */
export default async function ListPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/lists/${id}`)}`);
  const list = await loadList(user.id, id);
  if (!list) notFound();
  const sp = await searchParams;
  const view = listViewSchema.parse({ sort: first(sp.sort), filter: first(sp.filter) });
  const entries = await listEntries(user.id, list.id, view);
  const now = new Date();

  const items = entries.map((e) => ({
    paperId: e.paperId,
    title: mathToPlainText(e.paper.title),
    note: e.note,
    read: e.readAt !== null,
    added: formatHfDate(e.addedAt, now),
    addedIso: e.addedAt.toISOString(),
  }));
  const cards = Object.fromEntries(entries.map((e) => [e.paperId, <PaperCard key={e.paperId} paper={e.paper} headingLevel={3} />]));
  const reorderable = view.sort === "manual" && view.filter === "all";
  const section = "rounded-xl border border-gray-200 p-4 dark:border-gray-800";

  return (
    <div>
      <p className="text-sm">
        <Link href="/lists" className="text-gray-600 hover:underline dark:text-gray-400">
          ← Your reading lists
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight break-words">{list.name}</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        {list.itemCount} {list.itemCount === 1 ? "paper" : "papers"} · {list.shareToken ? "shared with a link" : "private"}
      </p>

      <div className="mt-6 grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="papers-heading" className="min-w-0">
          <h2 id="papers-heading" className="sr-only">
            Papers
          </h2>
          <div className="mb-4 flex flex-wrap items-center gap-3">
            <TabLinks
              label="Sort the list"
              items={LIST_SORTS.map((s) => ({
                href: viewHref(list.id, { ...view, sort: s }),
                label: SORT_LABELS[s],
                current: view.sort === s,
              }))}
            />
            <TabLinks
              label="Filter by read state"
              items={LIST_FILTERS.map((f) => ({
                href: viewHref(list.id, { ...view, filter: f }),
                label: FILTER_LABELS[f],
                current: view.filter === f,
              }))}
            />
          </div>
          {!reorderable && entries.length > 1 && (
            <p className="mb-3 text-sm text-gray-600 dark:text-gray-400">
              To reorder, show{" "}
              <Link href={viewHref(list.id, { sort: "manual", filter: "all" })} className="underline">
                all papers in your order
              </Link>
              .
            </p>
          )}
          {entries.length === 0 ? (
            <EmptyState title={view.filter === "all" ? "No papers in this list yet" : `No ${view.filter} papers`}>
              {view.filter === "all" ? (
                <p>
                  Save papers with the bookmark button on any card, or import arXiv ids below. Browse{" "}
                  <Link href="/" className="underline">
                    today&apos;s papers
                  </Link>
                  .
                </p>
              ) : (
                <p>
                  <Link href={viewHref(list.id, { ...view, filter: "all" })} className="underline">
                    Show all papers
                  </Link>
                </p>
              )}
            </EmptyState>
          ) : (
            <ListItems listId={list.id} items={items} cards={cards} reorderable={reorderable} />
          )}
          <LikeThisList listId={list.id} />
        </section>

        <aside aria-label="List tools" className="space-y-4">
          <section aria-labelledby="share-heading" className={section}>
            <h2 id="share-heading" className="mb-2 text-lg font-semibold">
              Share
            </h2>
            <SharePanel listId={list.id} sharePath={list.shareToken ? sharePath(list.shareToken) : null} />
          </section>
          <section aria-labelledby="export-heading" className={section}>
            <h2 id="export-heading" className="mb-2 text-lg font-semibold">
              Export
            </h2>
            <p className="text-sm text-gray-700 dark:text-gray-300">In your order. The CSV includes your notes.</p>
            <p className="mt-2 flex gap-2">
              <a href={`/api/me/lists/${list.id}/export?format=bibtex`} download className={ui.secondary}>
                BibTeX
              </a>
              <a href={`/api/me/lists/${list.id}/export?format=csv`} download className={ui.secondary}>
                CSV
              </a>
            </p>
          </section>
          <section aria-labelledby="import-heading" className={section}>
            <h2 id="import-heading" className="mb-2 text-lg font-semibold">
              Import
            </h2>
            <ImportBox listId={list.id} />
          </section>
          {!list.isDefault && (
            <section aria-labelledby="settings-heading" className={section}>
              <h2 id="settings-heading" className="mb-2 text-lg font-semibold">
                Settings
              </h2>
              <ListSettings listId={list.id} name={list.name} />
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
