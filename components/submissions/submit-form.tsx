"use client";

import Link from "next/link";
import { useActionState } from "react";
import { submitPaperAction, type SubmitState } from "@/lib/submissions/actions";
import { buttonClass } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";

export interface SubmitFormProps {
  /** The person's name as shown; when unset the form asks for it. */
  name: string | null;
}

/** The arXiv id or URL field, the name when needed, and the outcome under them. */
export function SubmitForm({ name }: SubmitFormProps) {
  const [state, action, pending] = useActionState<SubmitState, FormData>(submitPaperAction, {});
  const askName = !name || Boolean(state.fieldErrors?.name);
  const arxivError = state.error && !state.fieldErrors?.name ? state.error : undefined;
  return (
    <form action={action} className="space-y-4" data-testid="submit-form">
      <div>
        <label htmlFor="submit-arxiv" className={ui.label}>
          arXiv id or URL
        </label>
        <input
          id="submit-arxiv"
          name="arxiv"
          required
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.ok ? "" : state.arxiv}
          key={state.ok ? state.ok.arxivId : "draft"}
          placeholder="2406.12345 or https://arxiv.org/abs/2406.12345"
          aria-invalid={arxivError ? true : undefined}
          aria-describedby={arxivError ? "submit-error" : "submit-hint"}
          className={ui.field}
        />
        <p id="submit-hint" className={`mt-1 ${ui.muted}`}>
          The id, or a link to its abstract or PDF on arxiv.org.
        </p>
      </div>
      {askName && (
        <div>
          <label htmlFor="submit-name" className={ui.label}>
            Your name, as shown next to the paper
          </label>
          <input
            id="submit-name"
            name="name"
            required
            maxLength={60}
            autoComplete="name"
            defaultValue={state.name ?? name ?? ""}
            aria-invalid={state.fieldErrors?.name ? true : undefined}
            aria-describedby={state.fieldErrors?.name ? "submit-name-error" : undefined}
            className={ui.field}
          />
          {state.fieldErrors?.name && (
            <p id="submit-name-error" className={`mt-1 ${ui.alert}`}>
              {state.fieldErrors.name}
            </p>
          )}
        </div>
      )}
      <button type="submit" disabled={pending} className={buttonClass("primary", "md")}>
        {pending ? "Asking arXiv…" : "Submit to today's list"}
      </button>
      <div aria-live="polite">
        {arxivError && (
          <div
            id="submit-error"
            data-testid="submit-error"
            role="alert"
            data-reason={state.reason}
            className="rounded-lg border border-red-200 px-3 py-2 dark:border-red-900"
          >
            <p className={ui.alert}>{arxivError}</p>
            {state.where && (
              <p className="mt-1 text-sm">
                <Link href={state.where.dayHref} className={ui.link}>
                  See that day&apos;s list
                </Link>{" "}
                ·{" "}
                <Link href={state.where.paperHref} className={ui.link}>
                  the paper&apos;s page
                </Link>
              </p>
            )}
          </div>
        )}
        {state.ok && (
          <div data-testid="submit-ok" className="rounded-lg border border-green-200 px-3 py-2 text-sm dark:border-green-900">
            <p>
              Submitted: <strong>{state.ok.title}</strong> is on today&apos;s list with your name.
            </p>
            <p className="mt-1">
              <Link href={state.ok.dayHref} className={ui.link}>
                See today&apos;s list
              </Link>{" "}
              ·{" "}
              <Link href={state.ok.paperHref} className={ui.link}>
                the paper&apos;s page
              </Link>
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
