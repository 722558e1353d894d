"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { ListSummary } from "@/components/people/viewer-store";
import { CheckIcon, PlusIcon } from "@/components/lists/icons";
import { listApi } from "@/components/lists/list-api";

export interface ListsPanelProps {
  id: string;
  lists: ListSummary[];
  savedIn: readonly number[];
  busy: boolean;
  onToggle: (list: ListSummary, on: boolean) => void;
  onCreated: (list: ListSummary) => Promise<void>;
}

/** The viewer's lists as checkboxes (checked: the paper is in it), and a form for a new list. */
export function ListsPanel({ id, lists, savedIn, busy, onToggle, onCreated }: ListsPanelProps) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  // A second click on "Create and save" while the first is on its way would make the list twice.
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  useEffect(() => {
    if (creating) nameRef.current?.focus();
  }, [creating]);

  return (
    <div
      id={id}
      role="group"
      aria-label="Reading lists"
      data-testid="save-menu"
      className="absolute top-full left-0 z-30 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-gray-200 bg-white p-2 text-sm shadow-lg dark:border-gray-700 dark:bg-gray-900"
    >
      <p className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-gray-500 uppercase dark:text-gray-400">Save to</p>
      <ul className="max-h-64 overflow-y-auto">
        {lists.map((l, i) => {
          const checked = savedIn.includes(l.id);
          return (
            <li key={l.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 hover:bg-gray-100 dark:hover:bg-gray-800">
                <input
                  ref={i === 0 ? firstRef : undefined}
                  type="checkbox"
                  checked={checked}
                  disabled={busy}
                  onChange={(e) => onToggle(l, e.target.checked)}
                  className="size-4 accent-sky-600"
                />
                <span className="min-w-0 flex-1 truncate">{l.name}</span>
                {checked && <CheckIcon className="size-3.5 text-sky-600 dark:text-sky-400" />}
              </label>
            </li>
          );
        })}
      </ul>
      <div className="mt-1 border-t border-gray-200 pt-1 dark:border-gray-700">
        {creating ? (
          <form
            className="space-y-2 p-2"
            onSubmit={async (e) => {
              e.preventDefault();
              if (submittingRef.current) return;
              submittingRef.current = true;
              setSubmitting(true);
              setError("");
              try {
                const { list } = await listApi<{ list: ListSummary }>("/api/me/lists", { method: "POST", json: { name } });
                await onCreated({ id: list.id, name: list.name, isDefault: list.isDefault });
                setName("");
                setCreating(false);
              } catch (err) {
                setError(err instanceof Error ? err.message : "Could not create the list");
              } finally {
                submittingRef.current = false;
                setSubmitting(false);
              }
            }}
          >
            <label htmlFor={`${id}-name`} className="block text-xs font-medium">
              New list name
            </label>
            <input
              ref={nameRef}
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              required
              className="w-full rounded-md border border-gray-300 bg-white px-2 py-1 dark:border-gray-700 dark:bg-gray-950"
            />
            {error && (
              <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                {error}
              </p>
            )}
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={submitting}
                aria-busy={submitting || undefined}
                className="rounded-md bg-gray-900 px-2.5 py-1 text-xs font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200"
              >
                Create and save
              </button>
              <button
                type="button"
                onClick={() => setCreating(false)}
                className="rounded-md px-2.5 py-1 text-xs hover:bg-gray-100 dark:hover:bg-gray-800"
              >
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => setCreating(true)}
            className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-gray-100 dark:hover:bg-gray-800"
          >
            <PlusIcon className="size-4" /> New list…
          </button>
        )}
        <Link
          href="/lists"
          className="block rounded-md px-2 py-1.5 text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
        >
          Manage lists
        </Link>
      </div>
    </div>
  );
}
