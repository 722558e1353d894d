"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { listApi } from "@/components/lists/list-api";
import { ui } from "@/components/ui/styles";

/** Creates a list and opens it. */
export function NewListForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError("");
        try {
          const { list } = await listApi<{ list: { id: number } }>("/api/me/lists", { method: "POST", json: { name } });
          router.push(`/lists/${list.id}`);
        } catch (err) {
          setError(err instanceof Error ? err.message : "Could not create the list");
          setPending(false);
        }
      }}
    >
      <div className="min-w-0 flex-1 sm:flex-none">
        <label htmlFor="new-list-name" className="block text-sm font-medium">
          New list name
        </label>
        <input
          id="new-list-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={80}
          placeholder="e.g. Thesis, chapter 2"
          className={`mt-1 w-full sm:w-72 ${ui.input}`}
        />
      </div>
      <button type="submit" disabled={pending} className={ui.primary}>
        {pending ? "Creating…" : "Create list"}
      </button>
      {error && (
        <p role="alert" className={`w-full ${ui.alert}`}>
          {error}
        </p>
      )}
    </form>
  );
}
