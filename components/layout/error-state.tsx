"use client";

import Link from "next/link";

export interface ErrorStateProps {
  error: unknown;
  retry: () => void;
  /** What failed, e.g. "the papers of this day". */
  what: string;
}

/** The body of an `error.tsx`: says what failed, offers to retry, never shows the error's text. */
export function ErrorState({ error, retry, what }: ErrorStateProps) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-6 py-8 text-center dark:border-red-900 dark:bg-red-950/40">
      <h1 className="text-xl font-semibold text-red-900 dark:text-red-100">Something went wrong</h1>
      <p className="mt-2 text-sm text-red-800 dark:text-red-200">
        We could not load {what}. The server may be restarting or its database unreachable; try again in a moment.
      </p>
      {digest && <p className="mt-1 text-xs text-red-700 dark:text-red-300">Reference for the server logs: {digest}</p>}
      <div className="mt-4 flex justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
        >
          Try again
        </button>
        <Link
          href="/"
          className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-900 hover:bg-red-100 dark:border-red-800 dark:text-red-100 dark:hover:bg-red-900"
        >
          Home
        </Link>
      </div>
    </div>
  );
}
