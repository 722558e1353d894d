"use client";

import { useActionState } from "react";
import { saveSettingsAction, type SettingsField, type SettingsState } from "@/app/settings/email/actions";
import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";

export interface SettingsFormProps {
  frequency: "daily" | "weekly";
  limit: number;
  order: "trending" | "for-you";
  keywords: string[];
  authors: string[];
  organizations: string[];
  categories: string[];
  /** What the submit button does: save only, or also start the digest. */
  intent: "save" | "subscribe";
  submitLabel: string;
}

const input = ui.field;

type FilterField = "keywords" | "authors" | "organizations" | "categories";

const filterFields: { name: FilterField; label: string; hint: string; placeholder: string }[] = [
  {
    name: "keywords",
    label: "Keywords",
    hint: "In the title, abstract or keywords; “LLM” also finds “LLMs”.",
    placeholder: "diffusion, robot learning, LLM",
  },
  { name: "authors", label: "Authors", hint: "A name or a surname.", placeholder: "Yoshua Bengio, Hinton" },
  { name: "organizations", label: "Organizations", hint: "As shown on the papers.", placeholder: "Microsoft Research, DeepMind" },
  {
    name: "categories",
    label: "arXiv categories",
    hint: "Only papers in these; “cs” means all of computer science.",
    placeholder: "cs.LG, cs.CL, stat.ML",
  },
];

/** Digest choices of the signed-in person. Terms are separated by commas or new lines. */
export function SettingsForm(props: SettingsFormProps) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, { status: "idle" });
  const error = (name: SettingsField) =>
    state.fieldErrors?.[name] ? (
      <p id={`settings-${name}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
        {state.fieldErrors[name]}
      </p>
    ) : null;

  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="intent" value={props.intent} />
      <fieldset>
        <legend className="text-sm font-medium">How often</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="frequency" value="daily" defaultChecked={props.frequency === "daily"} /> Daily
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="frequency" value="weekly" defaultChecked={props.frequency === "weekly"} /> Weekly, on Mondays
          </label>
        </div>
        {error("frequency")}
      </fieldset>
      <div>
        <label htmlFor="settings-limit" className="block text-sm font-medium">
          How many papers
        </label>
        <select
          id="settings-limit"
          name="limit"
          defaultValue={String([5, 10, 25].includes(props.limit) ? props.limit : 10)}
          className={`${input} w-auto`}
        >
          <option value="5">Top 5</option>
          <option value="10">Top 10</option>
          <option value="25">Top 25</option>
        </select>
        {error("limit")}
      </div>
      <div>
        <label htmlFor="settings-order" className="block text-sm font-medium">
          Order
        </label>
        <select id="settings-order" name="order" defaultValue={props.order} className={`${input} w-auto`}>
          <option value="trending">Trending</option>
          <option value="for-you">For you (your recommendations first)</option>
        </select>
        {error("order")}
      </div>
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium">Filters (optional)</legend>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          With none, you get the top trending papers. Keywords, authors and organizations add up: a paper matching any of them is in.
          Categories narrow: only papers in one of them are in.
        </p>
        {filterFields.map((f) => (
          <div key={f.name}>
            <label htmlFor={`settings-${f.name}`} className="block text-sm font-medium">
              {f.label}
            </label>
            <textarea
              id={`settings-${f.name}`}
              name={f.name}
              rows={2}
              maxLength={5000}
              defaultValue={props[f.name].join(", ")}
              placeholder={f.placeholder}
              aria-describedby={`settings-${f.name}-hint`}
              aria-invalid={state.fieldErrors?.[f.name] ? true : undefined}
              className={input}
            />
            <p id={`settings-${f.name}-hint`} className="mt-1 text-xs text-gray-500 dark:text-gray-400">
              {f.hint}
            </p>
            {error(f.name)}
          </div>
        ))}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.submitLabel}
        </Button>
        {state.message && (
          <p
            role={state.status === "invalid" ? "alert" : "status"}
            className={`text-sm ${state.status === "invalid" ? "text-red-700 dark:text-red-300" : "text-gray-700 dark:text-gray-300"}`}
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
