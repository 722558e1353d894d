"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { listApi } from "@/components/lists/list-api";
import { ui } from "@/components/ui/styles";

interface ImportReport {
  added: { line: number; arxivId: string }[];
  skipped: { line: number; arxivId: string; reason: string }[];
  problems: { line: number; text: string; reason: string }[];
}

/** Paste arXiv ids or URLs (or a BibTeX/CSV export); the report says what happened to each line. */
export function ImportBox({ listId }: { listId: number }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  return (
    <div>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setPending(true);
          setError("");
          setReport(null);
          try {
            const result = await listApi<ImportReport>(`/api/me/lists/${listId}/import`, { method: "POST", text });
            setReport(result);
            if (result.added.length) router.refresh();
          } catch (err) {
            setError(err instanceof Error ? err.message : "Could not import");
          } finally {
            setPending(false);
          }
        }}
      >
        <label htmlFor="import-text" className="block text-sm font-medium">
          arXiv ids or URLs
        </label>
        <textarea
          id="import-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={5}
          required
          placeholder={"2406.12345\nhttps://arxiv.org/abs/2401.00001v2\nhttps://arxiv.org/pdf/hep-th/9901001"}
          aria-describedby="import-help"
          className={`mt-1 w-full font-mono text-sm ${ui.input}`}
        />
        <p id="import-help" className="mt-1 text-xs text-gray-500 dark:text-gray-400">
          One per line or separated by spaces. A BibTeX or CSV file exported from Paperboy works too. Papers this server has not ingested
          yet are listed below, not added.
        </p>
        <button type="submit" disabled={pending} className={`mt-2 ${ui.primary} ${ui.focus}`}>
          {pending ? "Importing…" : "Import"}
        </button>
      </form>
      {error && (
        <p role="alert" className={`mt-2 ${ui.alert}`}>
          {error}
        </p>
      )}
      <div role="status" data-testid="import-report">
        {report && (
          <div className="mt-3 space-y-2 text-sm">
            <p className="font-medium">
              Added {report.added.length} {report.added.length === 1 ? "paper" : "papers"}
              {report.skipped.length > 0 && `, skipped ${report.skipped.length}`}
              {report.problems.length > 0 && `, ${report.problems.length} not understood or not found`}.
            </p>
            {report.skipped.length > 0 && (
              <ul aria-label="Skipped" className="list-inside list-disc text-gray-600 dark:text-gray-400">
                {report.skipped.map((s, i) => (
                  <li key={i}>
                    Line {s.line}: <code>{s.arxivId}</code> {s.reason}
                  </li>
                ))}
              </ul>
            )}
            {report.problems.length > 0 && (
              <ul aria-label="Problems" className="list-inside list-disc text-red-800 dark:text-red-300">
                {report.problems.map((p, i) => (
                  <li key={i}>
                    Line {p.line}: <code className="break-all">{p.text}</code>: {p.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
