"use client";

import { useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { listApi } from "@/components/lists/list-api";
import { ui } from "@/components/ui/styles";

export interface SharePanelProps {
  listId: number;
  /** `/lists/shared/<token>` while shared. */
  sharePath: string | null;
}

const noSubscribe = () => () => {};

/**
 * Private by default. Sharing makes an unguessable read-only link (and its RSS feed); stopping
 * kills that link for good, and sharing again makes a new one.
 */
export function SharePanel({ listId, sharePath: initialPath }: SharePanelProps) {
  const router = useRouter();
  const [path, setPath] = useState(initialPath);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [copied, setCopied] = useState(false);
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const link = path ? `${origin}${path}` : null;

  async function setShared(shared: boolean) {
    setBusy(true);
    setError("");
    setCopied(false);
    try {
      const { list } = await listApi<{ list: { shareUrl: string | null } }>(`/api/me/lists/${listId}`, {
        method: "PATCH",
        json: { shared },
      });
      setPath(list.shareUrl ? new URL(list.shareUrl).pathname : null);
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not change sharing");
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      (document.getElementById("share-link") as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div>
      {link ? (
        <>
          <p className="text-sm text-gray-700 dark:text-gray-300">
            Anyone with this link can read the list (not your notes). Search engines are asked not to index it.
          </p>
          <label htmlFor="share-link" className="mt-3 block text-sm font-medium">
            Share link
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="share-link"
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
              className={`min-w-0 flex-1 font-mono text-xs sm:text-sm ${ui.input}`}
            />
            <button type="button" onClick={copy} className={`${ui.secondary} ${ui.focus}`}>
              {copied ? "Copied" : "Copy link"}
            </button>
          </div>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href={path!} className="underline">
              Open the shared page
            </a>
            <a href={`${path}/feed.xml`} className="underline">
              RSS feed
            </a>
          </p>
          <button type="button" onClick={() => setShared(false)} disabled={busy} className={`mt-3 ${ui.danger} ${ui.focus}`}>
            Stop sharing
          </button>
        </>
      ) : (
        <>
          <p className="text-sm text-gray-700 dark:text-gray-300">This list is private: only you can see it.</p>
          <button type="button" onClick={() => setShared(true)} disabled={busy} className={`mt-3 ${ui.primary} ${ui.focus}`}>
            Share with a link
          </button>
        </>
      )}
      <p role="status" className="sr-only">
        {copied ? "Link copied" : link ? "The list is shared" : "The list is private"}
      </p>
      {error && (
        <p role="alert" className={`mt-2 ${ui.alert}`}>
          {error}
        </p>
      )}
    </div>
  );
}
