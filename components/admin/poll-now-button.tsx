"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/admin/action-state";
import { Notice } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

export interface PollNowButtonProps {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  feedId: number;
  feedName: string;
}

/** "Poll now": polls in the request, then shows the run it made with its counts. */
export function PollNowButton({ action, feedId, feedName }: PollNowButtonProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const run = state.run;
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={feedId} />
      <button type="submit" disabled={pending} className={ui.compact}>
        {pending ? "Polling…" : "Poll now"}
        <span className="sr-only"> {feedName}</span>
      </button>
      {state.error && <Notice kind="error">{state.error}</Notice>}
      {state.ok && <Notice kind="ok">{state.ok}</Notice>}
      {run && (
        <p className="mt-1 text-sm" data-testid="poll-result">
          <Link href={`/admin/runs/${run.id}`} className={ui.link}>
            Run #{run.id}
          </Link>
          {run.status === "succeeded" && (
            <>
              : {run.newCount} new, {run.updatedCount} updated, {run.unchangedCount} unchanged, {run.rejectedCount} rejected
            </>
          )}
          {run.status === "not_modified" && <>: not modified</>}
          {run.status === "failed" && <>: failed</>}
        </p>
      )}
    </form>
  );
}
