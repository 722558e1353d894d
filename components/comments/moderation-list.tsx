import Link from "next/link";
import type { ActionState } from "@/lib/admin/action-state";
import type { ModeratedComment } from "@/lib/comments/moderation";
import { ActionButton } from "@/components/admin/action-button";
import { ui } from "@/components/ui/styles";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export interface ModerationListProps {
  comments: ModeratedComment[];
  empty: string;
  actions: { label: string; action: Action; variant?: "secondary" | "danger"; confirm?: string; testId: string }[];
  testId: string;
}

/** Comments for an admin to decide on: the text as typed (never rendered here), who wrote it, the reports. */
export function ModerationList({ comments, empty, actions, testId }: ModerationListProps) {
  if (comments.length === 0) return <p className={ui.muted}>{empty}</p>;
  return (
    <ul className="space-y-3" data-testid={testId}>
      {comments.map((c) => (
        <li key={c.id} className={ui.card} data-testid="moderated-comment">
          <p className="text-sm">
            <strong>{c.author}</strong>
            {c.authorEmail ? <span className={ui.muted}> ({c.authorEmail})</span> : null} on{" "}
            <Link href={`/papers/${c.paperRef}#comment-${c.id}`} className={ui.link}>
              {c.paperTitle}
            </Link>
            <span className={ui.muted}> · {c.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
          </p>
          <p className="mt-2 max-h-48 overflow-auto rounded bg-gray-50 p-2 font-mono text-sm break-words whitespace-pre-wrap dark:bg-gray-900">
            {c.body.length > 4000 ? `${c.body.slice(0, 4000)}…` : c.body}
          </p>
          {c.reportCount > 0 && (
            <p className="mt-2 text-sm">
              {c.reportCount} report{c.reportCount === 1 ? "" : "s"}
              {c.reasons.length > 0 && <>: {c.reasons.map((r) => `“${r}”`).join(", ")}</>}
            </p>
          )}
          {c.hiddenAt && (
            <p className={`mt-2 ${ui.muted}`}>
              Hidden {c.hiddenAt.toISOString().slice(0, 10)}
              {c.hiddenReason ? `: ${c.hiddenReason}` : ""}
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            {actions.map((a) => (
              <ActionButton
                key={a.label}
                action={a.action}
                fields={{ commentId: c.id }}
                label={a.label}
                srContext={`the comment by ${c.author}`}
                variant={a.variant}
                confirm={a.confirm}
                testId={a.testId}
              />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
