"use client";

import Link from "next/link";
import { useActionState, useCallback, useEffect, useState } from "react";
import type { ActionState } from "@/lib/admin/action-state";
import { claimPaperAction, withdrawClaimAction } from "@/lib/claims/actions";
import type { PaperClaimState } from "@/lib/claims/claims";
import { buttonClass } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";

export interface ClaimPanelProps {
  paperId: number;
  /** The paper's author names, in order (the same for every viewer). */
  authors: string[];
  /** The page's own address, to come back to after signing in. */
  path: string;
}

/**
 * "Are you an author?" under a paper. The page is cached for everyone, so who holds which author
 * and the viewer's own claim come from /api/claims after load, as the viewer's state does.
 */
export function ClaimPanel({ paperId, authors, path }: ClaimPanelProps) {
  const [state, setState] = useState<PaperClaimState | null>(null);
  const load = useCallback(() => {
    fetch(`/api/claims?paper=${paperId}`, { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<PaperClaimState>) : null))
      .then(setState)
      .catch(() => setState(null));
  }, [paperId]);
  useEffect(load, [load]);
  if (!authors.length) return null;
  return (
    <section
      aria-labelledby="claim-heading"
      data-testid="claim-panel"
      className="mt-8 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
    >
      <h2 id="claim-heading" className="font-semibold">
        Authors on this server
      </h2>
      {state && state.holders.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" data-testid="claim-holders">
          {state.holders.map((h) => (
            <li key={h.author}>
              {h.author}: claimed by <strong>{h.person}</strong>
            </li>
          ))}
        </ul>
      )}
      {state && !state.signedIn && (
        <p className={`mt-2 ${ui.muted}`}>
          Are you one of its authors?{" "}
          <Link href={`/signin?callbackUrl=${encodeURIComponent(path)}`} className={ui.link}>
            Sign in to claim this paper
          </Link>
          .
        </p>
      )}
      {state?.signedIn && state.mine && <MyClaim claim={state.mine} onChange={load} />}
      {state?.signedIn && !state.mine && <ClaimForm paperId={paperId} authors={authors} askName={!state.hasName} onDone={load} />}
    </section>
  );
}

function MyClaim({ claim, onChange }: { claim: NonNullable<PaperClaimState["mine"]>; onChange: () => void }) {
  const [result, action, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await withdrawClaimAction(prev, form);
    if (next.ok) onChange();
    return next;
  }, {});
  return (
    <form action={action} className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="my-claim">
      <input type="hidden" name="claimId" value={claim.id} />
      <p>
        {claim.status === "approved" ? (
          <>
            You are listed as <strong>{claim.author}</strong> on this paper.
          </>
        ) : (
          <>
            Your claim to be <strong>{claim.author}</strong> is waiting for an admin.
          </>
        )}
      </p>
      <button type="submit" disabled={pending} className={buttonClass("secondary", "xs")}>
        Withdraw claim
      </button>
      {result.error && <p className={ui.alert}>{result.error}</p>}
    </form>
  );
}

function ClaimForm({ paperId, authors, askName, onDone }: { paperId: number; authors: string[]; askName: boolean; onDone: () => void }) {
  const [result, action, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await claimPaperAction(prev, form);
    if (next.ok) onDone();
    return next;
  }, {});
  return (
    <form action={action} className="mt-2 space-y-2 text-sm" data-testid="claim-form">
      <input type="hidden" name="paperId" value={paperId} />
      <p className={ui.muted}>Are you one of its authors? Claim your name: an admin checks it, then it links to you.</p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="claim-author" className={ui.label}>
            I am
          </label>
          <select id="claim-author" name="author" required className={`mt-1 ${ui.input}`}>
            {[...new Set(authors)].map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        {askName && (
          <div>
            <label htmlFor="claim-name" className={ui.label}>
              Your name, as shown
            </label>
            <input id="claim-name" name="name" required maxLength={60} autoComplete="name" className={`mt-1 ${ui.input}`} />
          </div>
        )}
        <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
          Claim authorship
        </button>
      </div>
      {result.error && (
        <p role="alert" className={ui.alert}>
          {result.error}
        </p>
      )}
    </form>
  );
}
