import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { listAuditLog } from "@/lib/admin/audit";
import { formatUtc, pageParam } from "@/components/admin/format";
import { DataTable, EmptyRow, PageTitle, Pager, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Audit log" };

interface Props {
  searchParams: Promise<{ page?: string; action?: string }>;
}

const filters = [
  { action: "feed", label: "Feeds" },
  { action: "ingest", label: "Uploads" },
  { action: "paper", label: "Papers" },
  { action: "digest", label: "Digests" },
];

/** Where an audit target leads, when it names something with an admin page. */
function targetHref(target: string): string | null {
  const [kind, id] = target.split(":", 2);
  if (kind === "feed" && /^\d+$/.test(id ?? "")) return `/admin/feeds/${id}`;
  if (kind === "run" && /^\d+$/.test(id ?? "")) return `/admin/runs/${id}`;
  if (kind === "paper" && id) return `/admin/papers?q=${encodeURIComponent(id)}`;
  return null;
}

/** Every admin action: who, what, on what, when; newest first. */
export default async function AuditPage({ searchParams }: Props) {
  await requireAdminPage("/admin/audit");
  const params = await searchParams;
  const page = pageParam(params.page);
  const action = filters.find((f) => f.action === params.action)?.action;
  const { rows, hasMore } = await listAuditLog({ page, action });
  const href = (p: number, a = action) => {
    const q = new URLSearchParams();
    if (a) q.set("action", a);
    if (p > 1) q.set("page", String(p));
    const qs = q.toString();
    return qs ? `/admin/audit?${qs}` : "/admin/audit";
  };

  return (
    <div>
      <PageTitle description="Every change made from the admin pages and the admin API, with who made it.">Audit log</PageTitle>
      <nav aria-label="Filter by kind" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href={href(1, undefined)}
          aria-current={!action ? "page" : undefined}
          className={`${ui.compact} aria-[current=page]:border-amber-500`}
        >
          All
        </Link>
        {filters.map((f) => (
          <Link
            key={f.action}
            href={href(1, f.action)}
            aria-current={action === f.action ? "page" : undefined}
            className={`${ui.compact} aria-[current=page]:border-amber-500`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <DataTable caption="Audit log, newest first" testId="audit-table">
        <TableHead columns={["When", "Who", "What", "Target", "Details"]} />
        <tbody>
          {rows.length === 0 && <EmptyRow colSpan={5}>No admin actions{action ? " of this kind" : ""} yet.</EmptyRow>}
          {rows.map((r) => {
            const link = targetHref(r.target);
            return (
              <tr key={r.id} data-testid="audit-row">
                <td className={`${td} whitespace-nowrap`}>
                  <time dateTime={r.createdAt.toISOString()}>{formatUtc(r.createdAt)}</time>
                </td>
                <td className={`${td} break-all`}>{r.actorEmail}</td>
                <td className={`${td} font-medium whitespace-nowrap`}>{r.action}</td>
                <td className={`${td} break-all`}>
                  {link ? (
                    <Link href={link} className={ui.link}>
                      {r.target}
                    </Link>
                  ) : (
                    r.target
                  )}
                </td>
                <td className={`${td} max-w-md`}>
                  {r.details && typeof r.details === "object" && Object.keys(r.details).length > 0 ? (
                    <pre className="overflow-x-auto text-xs break-words whitespace-pre-wrap text-gray-700 dark:text-gray-300">
                      {JSON.stringify(r.details, null, 1)}
                    </pre>
                  ) : (
                    <span className="text-gray-500">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <Pager page={page} hasMore={hasMore} href={(p) => href(p)} />
    </div>
  );
}
