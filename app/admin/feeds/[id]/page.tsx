import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/admin";
import { getFeed } from "@/lib/admin/feeds";
import { deleteFeedAction, pollFeedNowAction, setFeedEnabledAction, updateFeedAction } from "@/app/admin/feeds/actions";
import { ActionButton } from "@/components/admin/action-button";
import { FeedForm } from "@/components/admin/feed-form";
import { formatDuration, formatInterval, formatRelative, formatUtc } from "@/components/admin/format";
import { PollNowButton } from "@/components/admin/poll-now-button";
import { Badge, DataTable, EmptyRow, num, PageTitle, RunStatusBadge, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Feed" };

interface Props {
  params: Promise<{ id: string }>;
}

/** One feed: its state, its last runs, and editing it. */
export default async function FeedPage({ params }: Props) {
  const { id: raw } = await params;
  await requireAdminPage(`/admin/feeds/${encodeURIComponent(raw)}`);
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const feed = id ? await getFeed(id) : null;
  if (!feed) notFound();
  const now = new Date();
  const facts: [string, React.ReactNode][] = [
    [
      "URL",
      <code key="url" className="break-all">
        {feed.url}
      </code>,
    ],
    ["Format", feed.format ?? `auto-detect${feed.lastRun?.format ? ` (last: ${feed.lastRun.format})` : ""}`],
    [
      "Schedule",
      <>
        {feed.enabled ? <Badge color="green">active</Badge> : <Badge color="gray">paused</Badge>} {formatInterval(feed.pollIntervalMinutes)}
      </>,
    ],
    ["Last poll", feed.lastPolledAt ? `${formatUtc(feed.lastPolledAt)} (${formatRelative(feed.lastPolledAt, now)})` : "never"],
    ["HTTP status", feed.lastStatus ?? "—"],
    [
      "ETag",
      feed.etag ? (
        <code key="etag" className="break-all">
          {feed.etag}
        </code>
      ) : (
        "—"
      ),
    ],
    ["Last-Modified", feed.lastModified ?? "—"],
    [
      "Next poll",
      feed.enabled
        ? `${formatUtc(feed.nextPollAt)} (${feed.nextPollAt <= now ? "due now" : formatRelative(feed.nextPollAt, now)})`
        : "paused",
    ],
  ];

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/feeds" className={ui.link}>
          ← Feeds
        </Link>
      </p>
      <PageTitle>{feed.name}</PageTitle>
      {feed.configured && (
        <p className={`mb-4 ${ui.muted}`}>
          <Badge color="blue">from FEED_URLS</Badge> This feed is listed in the configuration: deleting it lasts only until the next start.
          Pause it instead.
        </p>
      )}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-gray-600 dark:text-gray-400">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {feed.lastError && (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          <span className="font-semibold">Last error:</span> {feed.lastError}
        </div>
      )}
      <div className="mt-4 flex flex-wrap items-start gap-2">
        <PollNowButton action={pollFeedNowAction} feedId={feed.id} feedName={feed.name} />
        <ActionButton
          action={setFeedEnabledAction}
          fields={{ id: feed.id, enabled: String(!feed.enabled) }}
          label={feed.enabled ? "Pause" : "Resume"}
        />
        <ActionButton
          action={deleteFeedAction}
          fields={{ id: feed.id, then: "list" }}
          label="Delete"
          variant="danger"
          confirm={`Delete the feed “${feed.name}”? Its past runs are kept.`}
        />
      </div>

      <section aria-labelledby="recent-runs" className={ui.section}>
        <h2 id="recent-runs" className="mb-3 text-xl font-semibold">
          Recent runs{" "}
          <Link href={`/admin/runs?source=${feed.id}`} className={`text-sm font-normal ${ui.link}`}>
            all runs of this feed
          </Link>
        </h2>
        <DataTable caption={`Recent runs of ${feed.name}`}>
          <TableHead
            columns={[
              "Run",
              "Started",
              "Duration",
              { label: "New", numeric: true },
              { label: "Updated", numeric: true },
              { label: "Unchanged", numeric: true },
              { label: "Rejected", numeric: true },
              "Status",
            ]}
          />
          <tbody>
            {feed.recentRuns.length === 0 && <EmptyRow colSpan={8}>Not polled yet.</EmptyRow>}
            {feed.recentRuns.map((r) => (
              <tr key={r.id}>
                <td className={td}>
                  <Link href={`/admin/runs/${r.id}`} className={ui.link}>
                    #{r.id}
                  </Link>
                </td>
                <td className={td}>{formatUtc(r.startedAt)}</td>
                <td className={td}>{formatDuration(r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null)}</td>
                <td className={`${td} ${num}`}>{r.newCount}</td>
                <td className={`${td} ${num}`}>{r.updatedCount}</td>
                <td className={`${td} ${num}`}>{r.unchangedCount}</td>
                <td className={`${td} ${num}`}>{r.rejectedCount}</td>
                <td className={td}>
                  <RunStatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <Section id="edit-feed" title="Edit">
        <FeedForm
          action={updateFeedAction}
          values={{
            id: feed.id,
            name: feed.name,
            url: feed.url,
            format: feed.format,
            enabled: feed.enabled,
            pollIntervalMinutes: feed.pollIntervalMinutes,
          }}
          submitLabel="Save changes"
        />
      </Section>
    </div>
  );
}
