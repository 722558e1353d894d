import Link from "next/link";
import type { AdminMerge } from "@/lib/admin/merges";
import { formatUtc } from "@/components/admin/format";
import { paperLabel } from "@/components/admin/paper-status";
import { Badge, DataTable, EmptyRow, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

export interface MergesTableProps {
  merges: AdminMerge[];
  caption: string;
  empty: string;
  /** The control that undoes a merge still in effect; without it the state is only shown. */
  undo?: (merge: AdminMerge) => React.ReactNode;
}

/** Merges as the admin pages list them: both records, what moved, who did it, and whether it still holds. */
export function MergesTable({ merges, caption, empty, undo }: MergesTableProps) {
  return (
    <DataTable caption={caption}>
      <TableHead columns={["Merged", "Into", "Moved", "By", "State"]} />
      <tbody>
        {merges.length === 0 && <EmptyRow colSpan={5}>{empty}</EmptyRow>}
        {merges.map((m) => (
          <tr key={m.id}>
            <td className={td}>
              <Link href={`/admin/papers/${m.source.id}`} className={ui.link}>
                {paperLabel(m.source)}
              </Link>
            </td>
            <td className={td}>
              <Link href={`/admin/papers/${m.target.id}`} className={ui.link}>
                {paperLabel(m.target)}
              </Link>
            </td>
            <td className={`${td} text-xs`}>
              {m.movedUpvotes} upvotes, {m.movedListItems} list entries, {m.movedFeatures} days
            </td>
            <td className={`${td} text-xs`}>
              {m.actorEmail}
              <div className="text-gray-500 dark:text-gray-400">{formatUtc(m.createdAt)}</div>
            </td>
            <td className={td}>
              {m.undoneAt ? (
                <>
                  <Badge color="gray">undone</Badge>
                  <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">
                    by {m.undoneBy}, {formatUtc(m.undoneAt)}
                  </div>
                </>
              ) : undo ? (
                undo(m)
              ) : (
                <Badge color="amber">in effect</Badge>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
