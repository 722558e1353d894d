"use client";

import { useEffect } from "react";
import { ArrowUpIcon } from "@/components/ui/icons";
import { castUpvote, useViewerState, watchPaper } from "@/components/people/viewer-store";

export interface UpvoteButtonProps {
  paperId: number;
  /** The count the page was rendered with. */
  upvotes: number;
  /** "box": the column beside a card's title, as on Hugging Face; "wide": the paper page. */
  variant?: "box" | "wide";
}

/**
 * Upvote toggle. Pressed state and count change at once; the server's answer then settles the
 * count. Signed-out visitors are taken to sign in and the upvote is applied when they return.
 */
export function UpvoteButton({ paperId, upvotes, variant = "box" }: UpvoteButtonProps) {
  const state = useViewerState();
  useEffect(() => watchPaper(paperId), [paperId]);
  const upvoted = state.upvoted.has(paperId);
  const count = state.counts.get(paperId) ?? upvotes;
  const busy = state.busy.has(paperId);
  const label = `${upvoted ? "Remove upvote" : "Upvote"} (${count} ${count === 1 ? "upvote" : "upvotes"})`;
  const tone = upvoted
    ? "border-amber-400 bg-amber-50 text-amber-700 dark:border-amber-500/70 dark:bg-amber-500/10 dark:text-amber-300"
    : "border-gray-200 text-gray-700 hover:border-amber-400 hover:text-amber-700 dark:border-gray-700 dark:text-gray-200 dark:hover:border-amber-500/70 dark:hover:text-amber-300";
  const shape = variant === "box" ? "w-12 shrink-0 flex-col self-start py-1.5" : "gap-2 px-3 py-1.5";
  return (
    <button
      type="button"
      data-testid="upvote-button"
      aria-pressed={upvoted}
      aria-label={label}
      title={label}
      aria-busy={busy || undefined}
      onClick={() => castUpvote(paperId, !upvoted, count)}
      className={`flex items-center rounded-lg border text-sm font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 ${shape} ${tone}`}
    >
      <ArrowUpIcon className="size-4" />
      <span data-testid="upvote-count">{count}</span>
    </button>
  );
}
