"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/admin/action-state";
import type { ButtonVariant } from "@/components/ui/button";
import { adminButtonClass, Notice } from "@/components/admin/ui";

export interface ActionButtonProps {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** Hidden fields sent with the click (ids, the wanted state). */
  fields: Record<string, string | number>;
  label: string;
  /** Read by screen readers after the label, e.g. the feed's name. */
  srContext?: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Asked before submitting (destructive actions). */
  confirm?: string;
  testId?: string;
}

/** One button that runs one admin server action and shows its outcome next to it. */
export function ActionButton({
  action,
  fields,
  label,
  srContext,
  pendingLabel,
  variant = "secondary",
  confirm,
  testId,
}: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className={adminButtonClass(variant)} data-testid={testId}>
        {pending ? (pendingLabel ?? `${label}…`) : label}
        {srContext && <span className="sr-only"> {srContext}</span>}
      </button>
      {state.error && <Notice kind="error">{state.error}</Notice>}
      {state.ok && <Notice kind="ok">{state.ok}</Notice>}
    </form>
  );
}
