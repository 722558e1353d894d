import Link from "next/link";
import { approveClaimAction, rejectClaimAction } from "@/lib/claims/admin-actions";
import type { AdminClaim } from "@/lib/claims/claims";
import { paperHref } from "@/lib/papers/links";
import { ActionForm } from "@/components/admin/action-form";
import { formatUtc } from "@/components/admin/format";
import { Badge, DataTable, EmptyRow, td, TableHead } from "@/components/admin/ui";
import { MathText } from "@/components/math-text";
import { ui } from "@/components/ui/styles";

const statusColor = { pending: "amber", approved: "green", rejected: "red", revoked: "gray" } as const;

const person = (p: { name: string | null; email: string | null }) => (
  <>
    <strong>{p.name ?? "—"}</strong>
    <div className="text-xs text-gray-500 dark:text-gray-400">{p.email}</div>
  </>
);

/** Authorship claims: who claims which author of which paper, who holds it now, and the decision. */
export function ClaimsTable({ rows, empty }: { rows: AdminClaim[]; empty: string }) {
  return (
    <DataTable caption="Authorship claims" testId="admin-claims">
      <TableHead columns={["Paper", "Author", "Claimed by", "Held now by", "Decision"]} />
      <tbody>
        {rows.length === 0 && <EmptyRow colSpan={5}>{empty}</EmptyRow>}
        {rows.map((c) => (
          <tr key={c.id} data-testid="admin-claim-row">
            <td className={`${td} min-w-64`}>
              <Link href={paperHref(c.paper)} className="font-medium hover:underline">
                <MathText text={c.paper.title} />
              </Link>
              <div className="text-xs text-gray-500 dark:text-gray-400">
                {c.paper.arxivId ?? `local-${c.paper.id}`} · {formatUtc(c.createdAt)}
              </div>
            </td>
            <td className={td}>{c.author}</td>
            <td className={td}>{person(c.person)}</td>
            <td className={td}>
              {c.heldBy ? (
                <>
                  <Badge color="amber">contested</Badge>
                  <div className="mt-1">{person(c.heldBy)}</div>
                </>
              ) : (
                <span className="text-gray-500 dark:text-gray-400">nobody else</span>
              )}
            </td>
            <td className={`${td} min-w-56`}>
              {c.status === "pending" ? (
                <div className="space-y-2">
                  <ActionForm action={approveClaimAction} submitLabel={c.heldBy ? "Approve (replaces the holder)" : "Approve"}>
                    <input type="hidden" name="claimId" value={c.id} />
                  </ActionForm>
                  <ActionForm action={rejectClaimAction} submitLabel="Reject" variant="secondary">
                    <input type="hidden" name="claimId" value={c.id} />
                    <label className="sr-only" htmlFor={`reject-reason-${c.id}`}>
                      Why reject it
                    </label>
                    <input
                      id={`reject-reason-${c.id}`}
                      name="reason"
                      maxLength={500}
                      placeholder="Why (optional)"
                      className={`${ui.input} w-40`}
                    />
                  </ActionForm>
                </div>
              ) : (
                <>
                  <Badge color={statusColor[c.status]}>{c.status}</Badge>
                  <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">
                    {c.decidedBy} {c.decidedAt ? `· ${formatUtc(c.decidedAt)}` : ""}
                    {c.decisionNote ? `: ${c.decisionNote}` : ""}
                  </div>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
