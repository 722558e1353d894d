import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatBytes } from "@/lib/ingest/read-document";
import { getRun } from "@/lib/admin/runs";
import { formatDuration, formatUtc } from "@/components/admin/format";
import { DataTable, EmptyRow, PageTitle, RunStatusBadge, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Ingest run" };

interface Props {
  params: Promise<{ id: string }>;
}

/** One run: where from, its counts, the rejected entries with their reasons, or why it failed. */
export default async function RunPage({ params }: Props) {
  const { id: raw } = await params;
  await requireAdminPage(`/admin/runs/${encodeURIComponent(raw)}`);
  const run = /^\d{1,9}$/.test(raw) ? await getRun(Number(raw)) : null;
  if (!run) notFound();
  const counts: [string, number][] = [
    ["New", run.newCount],
    ["Updated", run.updatedCount],
    ["Unchanged", run.unchangedCount],
    ["Rejected", run.rejectedCount],
  ];

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/runs" className={ui.link}>
          ← Ingest runs
        </Link>
      </p>
      <PageTitle>
        Run #{run.id} <RunStatusBadge status={run.status} />
      </PageTitle>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-gray-600 dark:text-gray-400">Source</dt>
        <dd>
          {run.source ? (
            <Link href={`/admin/feeds/${run.source.id}`} className={ui.link}>
              {run.source.name}
            </Link>
          ) : (
            "—"
          )}
        </dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Origin</dt>
        <dd className="break-all">{run.origin}</dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Trigger</dt>
        <dd>{run.trigger}</dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Format</dt>
        <dd>{run.format ?? "—"}</dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Started</dt>
        <dd>{formatUtc(run.startedAt)}</dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Duration</dt>
        <dd>{run.status === "running" ? "still running" : formatDuration(run.durationMs)}</dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Size</dt>
        <dd>{run.bytes === null ? "—" : formatBytes(run.bytes)}</dd>
      </dl>

      <ul aria-label="Counts" data-testid="run-counts" className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([label, n]) => (
          <li key={label} className={ui.card}>
            <div className="text-2xl font-bold tabular-nums" data-testid={`count-${label.toLowerCase()}`}>
              {n}
            </div>
            <div className={ui.muted}>{label}</div>
          </li>
        ))}
      </ul>

      {run.status === "not_modified" && (
        <p className={`mt-4 ${ui.muted}`}>The feed answered 304 Not Modified: nothing was fetched or written.</p>
      )}
      {run.error && (
        <div
          role="alert"
          className="mt-6 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          <h2 className="font-semibold">The run failed, and nothing from it was saved</h2>
          <p className="mt-1 break-words whitespace-pre-wrap">{run.error}</p>
        </div>
      )}

      <Section id="rejections" title="Rejected entries">
        <p className={`mb-3 ${ui.muted}`}>
          Entries refused inside an otherwise good document
          {run.rejectedCount > run.rejections.length ? ` (the first ${run.rejections.length} of ${run.rejectedCount} are kept)` : ""}.
        </p>
        <DataTable caption={`Rejected entries of run ${run.id}`}>
          <TableHead columns={["Entry", "Reason"]} />
          <tbody>
            {run.rejections.length === 0 && <EmptyRow colSpan={2}>None.</EmptyRow>}
            {run.rejections.map((r) => (
              <tr key={r.id}>
                <td className={`${td} break-all`}>{r.ref}</td>
                <td className={td}>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>
    </div>
  );
}
