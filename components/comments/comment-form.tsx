"use client";

import { useId, useState } from "react";
import { commentApi, messageOf } from "@/components/comments/comment-api";
import { commentBodyClass } from "@/components/comments/comment-body";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/styles";

export interface CommentFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Saves the text; a thrown error's message is shown under the box. */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}

/** A Markdown box with a server-rendered preview (the renderer that renders the saved comment). */
export function CommentForm({ label, submitLabel, initial = "", onSubmit, onCancel }: CommentFormProps) {
  const id = useId();
  const [body, setBody] = useState(initial);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await onSubmit(body);
          setBody("");
          setPreview(null);
        });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={4}
        required
        maxLength={20_000}
        aria-describedby={`${id}-help`}
        className={`mt-1 w-full ${inputClass}`}
        data-testid="comment-input"
      />
      <p id={`${id}-help`} className="text-xs text-gray-600 dark:text-gray-400">
        Markdown and math: <code>$E=mc^2$</code>, <code>$$\sum_i x_i$$</code>. No images or HTML.
      </p>
      {preview !== null && (
        <div className="mt-2 rounded-lg border border-dashed border-gray-300 p-3 dark:border-gray-700" data-testid="comment-preview">
          <p className="mb-1 text-xs font-semibold text-gray-600 uppercase dark:text-gray-400">Preview</p>
          <div className={commentBodyClass} dangerouslySetInnerHTML={{ __html: preview }} />
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={busy || !body.trim()}>
          {submitLabel}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy || !body.trim()}
          onClick={() =>
            void run(async () => setPreview((await commentApi<{ html: string }>("/api/comments/preview", "POST", { body })).html))
          }
        >
          Preview
        </Button>
        {onCancel && (
          <Button variant="secondary" size="sm" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
