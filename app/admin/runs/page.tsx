import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { env } from "@/lib/env";
import type { IngestStatus } from "@/lib/generated/prisma/client";
import { formatBytes } from "@/lib/ingest/read-document";
import { listRuns, runStatuses } from "@/lib/admin/runs";
import { formatDuration, formatUtc, pageParam } from "@/components/admin/format";
import { DataTable, EmptyRow, num, PageTitle, Pager, RunStatusBadge, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { UploadForm } from "@/components/admin/upload-form";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Ingest runs" };

interface Props {
  searchParams: Promise<{ page?: string; status?: string; source?: string }>;
}

const statusLabels: Record<IngestStatus, string> = {
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  not_modified: "Not modified",
};

/** Every ingestion (scheduled polls, API, CLI, uploads), newest first, with its counts; and uploading a file by hand. */
export default async function RunsPage({ searchParams }: Props) {
  await requireAdminPage("/admin/runs");
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = runStatuses.find((s) => s === params.status);
  const sourceId = /^\d{1,9}$/.test(params.source ?? "") ? Number(params.source) : undefined;
  const { runs, hasMore } = await listRuns({ page, status, sourceId });
  const href = (p: number, s = status) => {
    const q = new URLSearchParams();
    if (p > 1) q.set("page", String(p));
    if (s) q.set("status", s);
    if (sourceId) q.set("source", String(sourceId));
    const qs = q.toString();
    return qs ? `/admin/runs?${qs}` : "/admin/runs";
  };

  return (
    <div>
      <PageTitle description="Each ingestion of one feed document: scheduled polls, the ingest API, the CLI and uploads.">
        Ingest runs
      </PageTitle>

      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href={href(1, undefined)}
          aria-current={!status ? "page" : undefined}
          className={`${ui.compact} aria-[current=page]:border-amber-500`}
        >
          All
        </Link>
        {runStatuses.map((s) => (
          <Link
            key={s}
            href={href(1, s)}
            aria-current={status === s ? "page" : undefined}
            className={`${ui.compact} aria-[current=page]:border-amber-500`}
          >
            {statusLabels[s]}
          </Link>
        ))}
        {sourceId && (
          <Link href="/admin/runs" className={ui.link}>
            Showing one feed: show all feeds
          </Link>
        )}
      </nav>

      <DataTable caption="Ingest runs, newest first" testId="runs-table">
        <TableHead
          columns={[
            "Run",
            "Source",
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
          {runs.length === 0 && <EmptyRow colSpan={9}>No runs{status ? " with this status" : " yet"}.</EmptyRow>}
          {runs.map((r) => (
            <tr key={r.id} data-testid="run-row">
              <td className={td}>
                <Link href={`/admin/runs/${r.id}`} className={ui.link}>
                  #{r.id}
                </Link>
              </td>
              <td className={`${td} max-w-xs`}>
                {r.source ? (
                  <Link href={`/admin/feeds/${r.source.id}`} className={ui.link}>
                    {r.source.name}
                  </Link>
                ) : (
                  <span className="break-all">{r.origin}</span>
                )}
                <div className="text-xs text-gray-500 dark:text-gray-400">
                  {r.trigger}
                  {r.format && ` · ${r.format}`}
                </div>
              </td>
              <td className={`${td} whitespace-nowrap`}>{formatUtc(r.startedAt)}</td>
              <td className={`${td} whitespace-nowrap`}>{r.status === "running" ? "running" : formatDuration(r.durationMs)}</td>
              <td className={`${td} ${num}`}>{r.newCount}</td>
              <td className={`${td} ${num}`}>{r.updatedCount}</td>
              <td className={`${td} ${num}`}>{r.unchangedCount}</td>
              <td className={`${td} ${num}`}>{r.rejectedCount}</td>
              <td className={td}>
                <RunStatusBadge status={r.status} />
                {r.error && <div className="mt-1 line-clamp-2 max-w-xs text-xs text-red-700 dark:text-red-300">{r.error}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager page={page} hasMore={hasMore} href={(p) => href(p)} />

      <Section id="upload" title="Upload a feed file">
        <p className={`mb-3 ${ui.muted}`}>
          A saved Hugging Face daily-papers JSON, arXiv Atom or RSS, or a copied papers page, ingested as a run of its own.
        </p>
        <UploadForm maxBytesLabel={formatBytes(env().INGEST_MAX_BYTES)} />
      </Section>
    </div>
  );
}
