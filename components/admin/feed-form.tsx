"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/admin/action-state";
import { feedFormatLabels, feedFormats } from "@/lib/admin/feed-formats";
import { Notice } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

export interface FeedFormValues {
  id?: number;
  name: string;
  url: string;
  format: string | null;
  enabled: boolean;
  pollIntervalMinutes: number;
}

export interface FeedFormProps {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  values: FeedFormValues;
  submitLabel: string;
}

/** Add or edit a feed: URL, format (or auto-detect), name, interval, enabled. */
export function FeedForm({ action, values, submitLabel }: FeedFormProps) {
  // After an error the form shows what was typed, not the saved values (React resets forms after an action).
  const [state, formAction, pending] = useActionState<ActionState & { typed?: Record<string, string>; n?: number }, FormData>(
    async (prev, form) => {
      const next = { ...(await action(prev, form)), n: (prev.n ?? 0) + 1 };
      return next.error
        ? { ...next, typed: Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")) }
        : next;
    },
    {},
  );
  const id = useId();
  const typed = state.typed;
  const shown = typed
    ? {
        ...values,
        name: typed.name ?? "",
        url: typed.url ?? "",
        format: typed.format ?? "auto",
        pollIntervalMinutes: Number(typed.pollIntervalMinutes) || values.pollIntervalMinutes,
        enabled: typed.enabled === "on",
      }
    : values;
  const errorFor = (field: string) => state.fieldErrors?.[field];
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errorFor(name) ? true : undefined,
    "aria-describedby": errorFor(name) ? `${id}-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errorFor(name) && (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
        {errorFor(name)}
      </p>
    );

  return (
    // Remounted after each submission, so the fields start from `shown` (what was typed, after an error).
    <form key={state.n ?? 0} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      {values.id !== undefined && <input type="hidden" name="id" value={values.id} />}
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-url`} className={ui.label}>
          Feed URL
        </label>
        <input
          {...field("url")}
          type="url"
          required
          inputMode="url"
          defaultValue={shown.url}
          placeholder="https://huggingface.co/api/daily_papers"
          className={ui.field}
        />
        {fieldError("url")}
      </div>
      <div>
        <label htmlFor={`${id}-format`} className={ui.label}>
          Format
        </label>
        <select {...field("format")} defaultValue={shown.format ?? "auto"} className={ui.field}>
          <option value="auto">Detect automatically</option>
          {feedFormats.map((f) => (
            <option key={f} value={f}>
              {feedFormatLabels[f]}
            </option>
          ))}
        </select>
        {fieldError("format")}
      </div>
      <div>
        <label htmlFor={`${id}-name`} className={ui.label}>
          Name <span className="font-normal text-gray-500 dark:text-gray-400">(optional)</span>
        </label>
        <input {...field("name")} defaultValue={shown.name} maxLength={200} placeholder="From the URL when empty" className={ui.field} />
        {fieldError("name")}
      </div>
      <div>
        <label htmlFor={`${id}-pollIntervalMinutes`} className={ui.label}>
          Poll every (minutes)
        </label>
        <input
          {...field("pollIntervalMinutes")}
          type="number"
          min={1}
          max={10080}
          step={1}
          required
          defaultValue={shown.pollIntervalMinutes}
          className={ui.field}
        />
        {fieldError("pollIntervalMinutes")}
      </div>
      <div className="flex items-end">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            name="enabled"
            type="checkbox"
            defaultChecked={shown.enabled}
            className="size-4 rounded border-gray-300 dark:border-gray-700"
          />
          Poll on schedule (unchecked: paused)
        </label>
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={ui.primary}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {state.error && !state.fieldErrors && <Notice kind="error">{state.error}</Notice>}
        {state.fieldErrors && <Notice kind="error">Please correct the fields marked above.</Notice>}
        {state.ok && <Notice kind="ok">{state.ok}</Notice>}
      </div>
    </form>
  );
}
