"use client";

import { useId, useState } from "react";
import { listApi } from "@/components/lists/list-api";
import { ui } from "@/components/ui/styles";

const MAX = 2000;

export interface NoteEditorProps {
  listId: number;
  paperId: number;
  /** Plain-text title, for the control's label. */
  title: string;
  note: string;
  onSaved: (note: string) => void;
}

/** A private note on one saved paper: shown as text, edited in place. */
export function NoteEditor({ listId, paperId, title, note, onSaved }: NoteEditorProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const [error, setError] = useState("");
  const [saving, setSaving] = useState(false);
  const id = useId();

  async function save() {
    setSaving(true);
    setError("");
    try {
      await listApi(`/api/me/lists/${listId}/items/${paperId}`, { method: "PATCH", json: { note: draft } });
      onSaved(draft);
      setEditing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not save the note");
    } finally {
      setSaving(false);
    }
  }

  if (!editing) {
    return (
      <div className="flex flex-wrap items-start gap-2">
        {note && (
          <p
            data-testid="item-note"
            className="min-w-0 flex-1 rounded-md bg-amber-50 px-3 py-2 text-sm break-words whitespace-pre-wrap text-gray-800 dark:bg-amber-500/10 dark:text-gray-100"
          >
            {note}
          </p>
        )}
        <button
          type="button"
          onClick={() => {
            setDraft(note);
            setEditing(true);
          }}
          aria-label={`${note ? "Edit note" : "Add a note"} on ${title}`}
          className={`${ui.small} ${ui.focus}`}
        >
          {note ? "Edit note" : "Add note"}
        </button>
      </div>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="space-y-2"
    >
      <label htmlFor={id} className="block text-sm font-medium">
        Private note on {title}
      </label>
      <textarea
        id={id}
        autoFocus
        value={draft}
        maxLength={MAX}
        rows={3}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void save();
          if (e.key === "Escape") setEditing(false);
        }}
        aria-describedby={`${id}-help`}
        className={`w-full ${ui.input}`}
      />
      <p id={`${id}-help`} className="text-xs text-gray-500 dark:text-gray-400">
        Only you see notes, even on a shared list. {draft.length}/{MAX}
      </p>
      {error && (
        <p role="alert" className={ui.alert}>
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={saving} className={ui.primary}>
          {saving ? "Saving…" : "Save note"}
        </button>
        <button type="button" onClick={() => setEditing(false)} className={ui.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
