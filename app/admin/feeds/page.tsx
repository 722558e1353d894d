import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { env } from "@/lib/env";
import { listFeeds } from "@/lib/admin/feeds";
import { createFeedAction, deleteFeedAction, pollFeedNowAction, setFeedEnabledAction } from "@/app/admin/feeds/actions";
import { ActionButton } from "@/components/admin/action-button";
import { FeedForm } from "@/components/admin/feed-form";
import { formatInterval, formatRelative, formatUtc } from "@/components/admin/format";
import { PollNowButton } from "@/components/admin/poll-now-button";
import { Badge, DataTable, EmptyRow, Notice, PageTitle, RunStatusBadge, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Feeds" };

interface Props {
  searchParams: Promise<{ deleted?: string }>;
}

/** The feeds polled on a schedule: their state, and adding, editing, pausing, deleting and polling them. */
export default async function FeedsPage({ searchParams }: Props) {
  await requireAdminPage("/admin/feeds");
  const [feeds, params] = await Promise.all([listFeeds(), searchParams]);
  const now = new Date();
  return (
    <div>
      <PageTitle description="Each feed is fetched on its schedule with a conditional GET (ETag / Last-Modified), and ingested when it changed.">
        Feeds
      </PageTitle>
      {params.deleted && <Notice kind="ok">Feed deleted. Its past runs stay in the run history.</Notice>}

      <DataTable caption="Feeds" testId="feeds-table">
        <TableHead columns={["Feed", "Format", "Schedule", "Last poll", "Next poll", "Actions"]} />
        <tbody>
          {feeds.length === 0 && <EmptyRow colSpan={6}>No feeds yet: add one below, or list URLs in FEED_URLS.</EmptyRow>}
          {feeds.map((f) => (
            <tr key={f.id} data-testid="feed-row">
              <td className={`${td} max-w-xs`}>
                <Link href={`/admin/feeds/${f.id}`} className={ui.link}>
                  {f.name}
                </Link>
                <div className="truncate text-xs text-gray-500 dark:text-gray-400" title={f.url}>
                  {f.url}
                </div>
                {f.configured && (
                  <div className="mt-1">
                    <Badge color="blue">from FEED_URLS</Badge>
                  </div>
                )}
              </td>
              <td className={td}>
                {f.format ?? (
                  <span className="text-gray-500 dark:text-gray-400">auto{f.lastRun?.format ? ` (${f.lastRun.format})` : ""}</span>
                )}
              </td>
              <td className={td}>
                {f.enabled ? <Badge color="green">active</Badge> : <Badge color="gray">paused</Badge>}
                <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">{formatInterval(f.pollIntervalMinutes)}</div>
              </td>
              <td className={td}>
                {f.lastPolledAt ? (
                  <>
                    <div>{formatUtc(f.lastPolledAt)}</div>
                    <div className="text-xs text-gray-500 dark:text-gray-400">
                      HTTP {f.lastStatus ?? "—"}
                      {f.etag && (
                        <>
                          {" "}
                          · ETag <code className="break-all">{f.etag}</code>
                        </>
                      )}
                    </div>
                    {f.lastRun && (
                      <div className="mt-1 text-xs">
                        <Link href={`/admin/runs/${f.lastRun.id}`} className={ui.link}>
                          Run #{f.lastRun.id}
                        </Link>{" "}
                        <RunStatusBadge status={f.lastRun.status} />
                      </div>
                    )}
                    {f.lastError && <div className="mt-1 max-w-xs text-xs break-words text-red-700 dark:text-red-300">{f.lastError}</div>}
                  </>
                ) : (
                  <span className="text-gray-500 dark:text-gray-400">never</span>
                )}
              </td>
              <td className={td}>
                {f.enabled ? (
                  <>
                    <div>{formatUtc(f.nextPollAt)}</div>
                    <div className="text-xs text-gray-500 dark:text-gray-400">
                      {f.nextPollAt <= now ? "due now" : formatRelative(f.nextPollAt, now)}
                    </div>
                  </>
                ) : (
                  <span className="text-gray-500 dark:text-gray-400">paused</span>
                )}
              </td>
              <td className={td}>
                <div className="flex flex-col items-start gap-2">
                  <PollNowButton action={pollFeedNowAction} feedId={f.id} feedName={f.name} />
                  <ActionButton
                    action={setFeedEnabledAction}
                    fields={{ id: f.id, enabled: String(!f.enabled) }}
                    label={f.enabled ? "Pause" : "Resume"}
                    srContext={f.name}
                  />
                  <Link href={`/admin/feeds/${f.id}`} className={ui.compact}>
                    Edit<span className="sr-only"> {f.name}</span>
                  </Link>
                  <ActionButton
                    action={deleteFeedAction}
                    fields={{ id: f.id }}
                    label="Delete"
                    srContext={f.name}
                    variant="danger"
                    confirm={`Delete the feed “${f.name}”? Its past runs are kept.${f.configured ? " It is listed in FEED_URLS, so it comes back at the next start: pause it instead." : ""}`}
                  />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <Section id="add-feed" title="Add a feed">
        <FeedForm
          action={createFeedAction}
          values={{ name: "", url: "", format: null, enabled: true, pollIntervalMinutes: env().FEED_POLL_MINUTES }}
          submitLabel="Add feed"
        />
      </Section>
    </div>
  );
}
