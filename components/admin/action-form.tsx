"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/admin/action-state";
import type { ButtonVariant } from "@/components/ui/button";
import { adminButtonClass, Notice } from "@/components/admin/ui";

export interface ActionFormProps {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The form's fields (rendered on the server, labelled there). */
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Asked before submitting (destructive actions). */
  confirm?: string;
}

/** A small admin form around one server action, with its outcome shown under it. */
export function ActionForm({ action, children, submitLabel, pendingLabel, variant = "primary", className, confirm }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        {children}
        <button type="submit" disabled={pending} className={adminButtonClass(variant)}>
          {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
        </button>
      </div>
      {state.error && <Notice kind="error">{state.error}</Notice>}
      {state.ok && <Notice kind="ok">{state.ok}</Notice>}
    </form>
  );
}
