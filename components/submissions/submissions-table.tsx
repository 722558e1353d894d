import Link from "next/link";
import { removeSubmissionAction } from "@/lib/submissions/admin-actions";
import type { AdminSubmission } from "@/lib/submissions/admin";
import { paperHref } from "@/lib/papers/links";
import { ActionForm } from "@/components/admin/action-form";
import { formatUtc } from "@/components/admin/format";
import { Badge, DataTable, EmptyRow, td, TableHead } from "@/components/admin/ui";
import { MathText } from "@/components/math-text";
import { ui } from "@/components/ui/styles";

/** Submissions with who sent them, and a form to take each off its day. */
export function SubmissionsTable({ rows }: { rows: AdminSubmission[] }) {
  return (
    <DataTable caption="Submissions, newest first" testId="admin-submissions">
      <TableHead columns={["Day", "Paper", "Submitted by", "Status"]} />
      <tbody>
        {rows.length === 0 && <EmptyRow colSpan={4}>No paper has been submitted yet.</EmptyRow>}
        {rows.map((s) => (
          <tr key={s.id} data-testid="admin-submission-row">
            <td className={`${td} whitespace-nowrap`}>
              <Link href={`/papers?date=${s.day}`} className={ui.link}>
                {s.day}
              </Link>
              <div className="text-xs text-gray-500 dark:text-gray-400">{formatUtc(s.createdAt)}</div>
            </td>
            <td className={`${td} min-w-64`}>
              <Link href={paperHref(s.paper)} className="font-medium hover:underline">
                <MathText text={s.paper.title} />
              </Link>
              <div className="text-xs text-gray-500 dark:text-gray-400">
                {s.paper.arxivId ?? `local-${s.paper.id}`} · typed “{s.input}”
              </div>
            </td>
            <td className={td}>
              {s.person ? (
                <>
                  {s.person.name ?? "—"}
                  <div className="text-xs text-gray-500 dark:text-gray-400">{s.person.email}</div>
                </>
              ) : (
                <span className="text-gray-500 dark:text-gray-400">account deleted</span>
              )}
            </td>
            <td className={`${td} min-w-56`}>
              {s.removed ? (
                <>
                  <Badge color="red">removed</Badge>
                  <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">
                    {s.removed.by} · {formatUtc(s.removed.at)}: {s.removed.reason}
                  </div>
                </>
              ) : (
                <ActionForm action={removeSubmissionAction} submitLabel="Remove from the day" variant="danger" pendingLabel="Removing…">
                  <input type="hidden" name="submissionId" value={s.id} />
                  <label className="sr-only" htmlFor={`remove-reason-${s.id}`}>
                    Why remove it
                  </label>
                  <input
                    id={`remove-reason-${s.id}`}
                    name="reason"
                    required
                    maxLength={500}
                    placeholder="Why (off-topic, spam…)"
                    className={`${ui.input} w-44`}
                  />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
