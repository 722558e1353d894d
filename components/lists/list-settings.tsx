"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { listApi } from "@/components/lists/list-api";
import { ui } from "@/components/ui/styles";

/** Rename or delete a list (not "Read later"). Deleting asks once more. */
export function ListSettings({ listId, name }: { listId: number; name: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState(name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError("");
    try {
      await task();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Something went wrong");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await listApi(`/api/me/lists/${listId}`, { method: "PATCH", json: { name: draft } });
            router.refresh();
          });
        }}
      >
        <div className="min-w-0 flex-1 sm:flex-none">
          <label htmlFor="list-name" className="block text-sm font-medium">
            List name
          </label>
          <input
            id="list-name"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            required
            maxLength={80}
            className={`mt-1 w-full sm:w-72 ${ui.input}`}
          />
        </div>
        <button type="submit" disabled={busy || draft.trim() === name} className={`${ui.secondary} ${ui.focus}`}>
          Rename
        </button>
      </form>
      {confirming ? (
        <div role="group" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2 text-sm">
          <span>Delete “{name}” and its notes for good?</span>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await listApi(`/api/me/lists/${listId}`, { method: "DELETE" });
                router.push("/lists");
              })
            }
            className={`${ui.danger} ${ui.focus}`}
          >
            Delete the list
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${ui.secondary} ${ui.focus}`}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={`${ui.danger} ${ui.focus}`}>
          Delete list…
        </button>
      )}
      {error && (
        <p role="alert" className={ui.alert}>
          {error}
        </p>
      )}
    </div>
  );
}
