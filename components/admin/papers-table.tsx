import Link from "next/link";
import type { AdminPaper } from "@/lib/admin/papers";
import { MathText } from "@/components/math-text";
import { formatUtc } from "@/components/admin/format";
import { paperLabel, PaperStatus } from "@/components/admin/paper-status";
import { DataTable, EmptyRow, num, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

/** Papers as the admin pages list them, each linked to its admin page. */
export function PapersTable({ papers, caption, empty }: { papers: AdminPaper[]; caption: string; empty: string }) {
  return (
    <DataTable caption={caption} testId="admin-papers">
      <TableHead columns={["Paper", "Title", "Published", { label: "Upvotes", numeric: true }, "Status"]} />
      <tbody>
        {papers.length === 0 && <EmptyRow colSpan={5}>{empty}</EmptyRow>}
        {papers.map((p) => (
          <tr key={p.id} data-testid="admin-paper-row">
            <td className={`${td} whitespace-nowrap`}>
              <Link href={`/admin/papers/${p.id}`} className={ui.link}>
                {paperLabel(p)}
              </Link>
              <div className="text-xs text-gray-500 dark:text-gray-400">#{p.id}</div>
            </td>
            <td className={`${td} min-w-64`}>
              <MathText text={p.title} />
              {p.hiddenReason && <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">Hidden: {p.hiddenReason}</div>}
            </td>
            <td className={`${td} whitespace-nowrap`}>{p.publishedAt ? p.publishedAt.toISOString().slice(0, 10) : "—"}</td>
            <td className={`${td} ${num}`} title={`${p.upvotes} from feeds, ${p.userUpvotes} from users here`}>
              {p.upvotes + p.userUpvotes}
            </td>
            <td className={td}>
              <PaperStatus paper={p} />
              {p.hiddenAt && <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">{formatUtc(p.hiddenAt)}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
