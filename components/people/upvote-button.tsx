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
  // The name holds the visible count (WCAG 2.5.3, label in name); the pressed state says whether
  // it is the viewer's own upvote.
  const label = `Upvote, ${count} ${count === 1 ? "upvote" : "upvotes"}`;
  const hint = upvoted ? `Remove your upvote (${count})` : `Upvote (${count})`;
  const shape = variant === "box" ? "w-12 shrink-0 flex-col self-start py-1.5" : "gap-2 px-3 py-1.5";
  return (
    <button
      type="button"
      data-testid="upvote-button"
      aria-pressed={upvoted}
      aria-label={label}
      title={hint}
      aria-busy={busy || undefined}
      onClick={() => castUpvote(paperId, !upvoted, count)}
      className={`control focus-amber ${shape} ${upvoted ? "vote-on" : "vote-off"}`}
    >
      <ArrowUpIcon className="size-4" />
      <span data-testid="upvote-count">{count}</span>
    </button>
  );
}
