"use client";

import { useActionState } from "react";
import { subscribeAction, type SubscribeState } from "@/lib/digest/subscribe-actions";
import { buttonClass } from "@/components/ui/button";

export interface SubscribeFormProps {
  /** `banner`: one line, address only (daily, 10 papers; changeable when confirming). `full`: every choice. */
  variant: "banner" | "full";
}

const input = "min-w-0 rounded-lg border bg-white px-3 py-1.5 text-sm dark:bg-gray-950";
const button = buttonClass("primary", "sm");

/** The sign-up form; its answer replaces it ("check your inbox"), the same for every address. */
export function SubscribeForm({ variant }: SubscribeFormProps) {
  const [state, action, pending] = useActionState<SubscribeState, FormData>(subscribeAction, { status: "idle" });
  const id = `subscribe-${variant}`;

  if (state.status === "sent") {
    return (
      <p role="status" data-testid="subscribe-sent" className="text-sm text-gray-800 dark:text-gray-200">
        Almost there: check your inbox at <strong className="font-semibold">{state.email}</strong> and follow the link we sent to confirm
        your subscription (look in the spam folder if nothing arrives within a few minutes).
      </p>
    );
  }

  const error = state.fieldErrors?.email ?? state.message;
  return (
    <form action={action} className={variant === "banner" ? "flex flex-col gap-1" : "space-y-5"}>
      <div className={variant === "banner" ? "flex gap-2" : "space-y-1"}>
        <label htmlFor={`${id}-email`} className={variant === "banner" ? "sr-only" : "block text-sm font-medium"}>
          Email address
        </label>
        <input
          id={`${id}-email`}
          type="email"
          name="email"
          required
          maxLength={254}
          autoComplete="email"
          placeholder="you@example.org"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${input} ${variant === "banner" ? "flex-1 border-amber-200 sm:w-60 dark:border-amber-900" : "w-full max-w-sm border-gray-300 dark:border-gray-700"}`}
        />
        {variant === "banner" && (
          <button type="submit" disabled={pending} className={button}>
            {pending ? "Subscribing…" : "Subscribe"}
          </button>
        )}
      </div>
      {variant === "full" && (
        <>
          <fieldset>
            <legend className="text-sm font-medium">How often</legend>
            <div className="mt-1 flex gap-4 text-sm">
              <label className="flex items-center gap-1.5">
                <input type="radio" name="frequency" value="daily" defaultChecked /> Daily, the day&apos;s trending papers
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="frequency" value="weekly" /> Weekly, on Mondays
              </label>
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-limit`} className="block text-sm font-medium">
              How many papers
            </label>
            <select id={`${id}-limit`} name="limit" defaultValue="10" className={`${input} mt-1 border-gray-300 dark:border-gray-700`}>
              <option value="5">Top 5</option>
              <option value="10">Top 10</option>
              <option value="25">Top 25</option>
            </select>
          </div>
          <button type="submit" disabled={pending} className={button}>
            {pending ? "Subscribing…" : "Subscribe"}
          </button>
        </>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
