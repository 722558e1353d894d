"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { feedFormatLabels, feedFormats } from "@/lib/admin/feed-formats";
import { Notice } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

interface UploadResult {
  runId: number;
  format: string;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  durationMs: number;
}

interface UploadError {
  message: string;
  runId?: number;
}

/**
 * Upload a feed file by hand: the file is streamed as the body of POST /api/admin/ingest
 * (no multipart, no size limit of server actions), and the run's counts are shown.
 */
export function UploadForm({ maxBytesLabel }: { maxBytesLabel: string }) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<UploadError | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || !file.name) {
      setError({ message: "Choose a file first" });
      return;
    }
    setPending(true);
    setResult(null);
    setError(null);
    const params = new URLSearchParams({ name: file.name });
    const format = String(form.get("format") ?? "auto");
    if (format !== "auto") params.set("format", format);
    const year = String(form.get("year") ?? "").trim();
    if (year) params.set("year", year);
    try {
      const res = await fetch(`/api/admin/ingest?${params}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream" },
      });
      const body = (await res.json().catch(() => null)) as (UploadResult & { error?: { message: string; runId?: number } }) | null;
      if (!res.ok || !body || body.error)
        setError({ message: body?.error?.message ?? `Upload failed (HTTP ${res.status})`, runId: body?.error?.runId });
      else setResult(body);
    } catch {
      setError({ message: "Upload failed: the server could not be reached" });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-3">
      <div className="sm:col-span-3">
        <label htmlFor={`${id}-file`} className={ui.label}>
          Feed file <span className="font-normal text-gray-500 dark:text-gray-400">(up to {maxBytesLabel})</span>
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept=".json,.xml,.atom,.rss,.txt,application/json,application/xml,text/plain"
          className={`${ui.field} file:mr-3 file:rounded-md file:border-0 file:bg-gray-100 file:px-2 file:py-1 dark:file:bg-gray-800`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-format`} className={ui.label}>
          Format
        </label>
        <select id={`${id}-format`} name="format" defaultValue="auto" className={ui.field}>
          <option value="auto">Detect automatically</option>
          {feedFormats.map((f) => (
            <option key={f} value={f}>
              {feedFormatLabels[f]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-year`} className={ui.label}>
          Year of undated entries <span className="font-normal text-gray-500 dark:text-gray-400">(copied pages)</span>
        </label>
        <input id={`${id}-year`} name="year" type="number" min={1990} max={2100} placeholder="this year" className={ui.field} />
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={ui.primary}>
          {pending ? "Uploading…" : "Upload and ingest"}
        </button>
      </div>
      <div className="sm:col-span-3" aria-live="polite">
        {error && (
          <Notice kind="error">
            {error.message}
            {error.runId && (
              <>
                {" "}
                (
                <Link href={`/admin/runs/${error.runId}`} className={ui.link}>
                  run #{error.runId}
                </Link>
                )
              </>
            )}
          </Notice>
        )}
        {result && (
          <Notice kind="ok">
            <Link href={`/admin/runs/${result.runId}`} className={ui.link}>
              Run #{result.runId}
            </Link>{" "}
            ({result.format}): {result.new} new, {result.updated} updated, {result.unchanged} unchanged, {result.rejected} rejected.
          </Notice>
        )}
      </div>
    </form>
  );
}
