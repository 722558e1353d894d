"use client";

import { useActionState } from "react";
import { createTokenAction, type TokenState } from "@/app/profile/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/styles";

/** New-token form; shows the token once, with a copy button. */
export function TokenForm() {
  const [state, action, pending] = useActionState<TokenState, FormData>(createTokenAction, {});
  return (
    <div className="mt-3">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium">
            Token name
          </label>
          <input id="token-name" name="name" required maxLength={80} placeholder="e.g. lab scripts" className={`mt-1 ${inputClass}`} />
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state.error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {state.error}
        </p>
      )}
      {state.token && (
        <div
          role="status"
          className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40"
        >
          <p className="font-medium">Token “{state.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="rounded bg-white px-2 py-1 break-all dark:bg-gray-900">
              {state.token}
            </code>
            <button
              type="button"
              onClick={() => navigator.clipboard?.writeText(state.token!)}
              className="rounded-md border border-gray-300 px-2 py-1 dark:border-gray-700"
            >
              Copy
            </button>
          </div>
          <p className="mt-2 text-gray-600 dark:text-gray-300">
            Send it as <code>Authorization: Bearer …</code>, e.g.{" "}
            <code>curl -X PUT -H &quot;Authorization: Bearer $TOKEN&quot; /api/me/upvotes/2406.12345</code>
          </p>
        </div>
      )}
    </div>
  );
}
