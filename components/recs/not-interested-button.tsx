"use client";

import { useState } from "react";
import { useViewerState } from "@/components/people/viewer-store";

export interface NotInterestedButtonProps {
  paperId: number;
}

/**
 * "Not interested" on a card, for signed-in viewers only (the viewer's state loads after the
 * page, which stays the same for everyone). Undo sits in its place; the recommendations follow
 * within the minute (the job worker recomputes).
 */
export function NotInterestedButton({ paperId }: NotInterestedButtonProps) {
  const { user } = useViewerState();
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const set = async (on: boolean) => {
    setBusy(true);
    try {
      const res = await fetch(`/api/me/recommendations/not-interested/${paperId}`, {
        method: on ? "PUT" : "DELETE",
        credentials: "same-origin",
      });
      if (res.ok) setDismissed(on);
    } finally {
      setBusy(false);
    }
  };
  const button = "rounded px-1 underline-offset-2 hover:underline disabled:opacity-60";
  return dismissed ? (
    <span data-testid="not-interested-done" role="status" className="whitespace-nowrap">
      Not interested.{" "}
      <button type="button" disabled={busy} onClick={() => set(false)} className={`${button} font-medium`}>
        Undo
      </button>
    </span>
  ) : (
    <button type="button" data-testid="not-interested" disabled={busy} onClick={() => set(true)} className={button}>
      Not interested
    </button>
  );
}
