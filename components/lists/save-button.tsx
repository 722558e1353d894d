"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import {
  addList,
  goSignIn,
  savedInNow,
  setLists,
  signInThen,
  setSavedIn,
  useViewerState,
  viewerSettled,
  watchPaper,
  type ListSummary,
} from "@/components/people/viewer-store";
import { BookmarkIcon, ChevronDownIcon } from "@/components/lists/icons";
import { ListApiError, listApi } from "@/components/lists/list-api";

const loadPanel = () => import("@/components/lists/lists-panel").then((m) => ({ default: m.ListsPanel }));
/**
 * The other lists and "New list…": code that only a click on the arrow needs, so it is fetched
 * then (the click starts the download), not with every page of cards. React's `lazy`, not
 * `next/dynamic`, whose own code outweighed the panel's.
 */
const ListsPanel = lazy(loadPanel);

export interface SaveButtonProps {
  paperId: number;
  /** "box": under the upvote box of a card; "wide": the paper page's action row. */
  variant?: "box" | "wide";
}

interface ItemAnswer {
  paperId: number;
  listIds: number[];
}

/**
 * Save a paper for later. One click puts it in (or takes it out of) "Read later", at once on
 * screen and then on the server; the arrow opens the viewer's other lists and "New list…".
 * Signed-out visitors are taken to sign in.
 */
export function SaveButton({ paperId, variant = "box" }: SaveButtonProps) {
  const state = useViewerState();
  useEffect(() => watchPaper(paperId), [paperId]);
  const [busy, setBusy] = useState(false);
  // Saves on their way (or waiting their turn) and the last of them. A ref, not state: a handler
  // that awaited something must see the count as it is now, not as its render saw it.
  const inFlight = useRef(0);
  const lastSave = useRef<Promise<void>>(Promise.resolve());
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const savedIn = state.saved.get(paperId) ?? [];
  const readLater = state.lists.find((l) => l.isDefault);
  const inReadLater = readLater ? savedIn.includes(readLater.id) : false;
  const signedOut = state.status === "ready" && !state.user;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  /** The viewer's lists, fetched if the page state has not brought them yet; null when signed out. */
  async function knownLists(): Promise<ListSummary[] | null> {
    const settled = await viewerSettled();
    if (settled.status === "ready" && !settled.user) return null;
    if (settled.status === "ready" && settled.lists.length) return settled.lists;
    try {
      const { lists } = await listApi<{ lists: ListSummary[] }>("/api/me/lists");
      const summaries = lists.map(({ id, name, isDefault }) => ({ id, name, isDefault }));
      setLists(summaries);
      return summaries;
    } catch (err) {
      if (err instanceof ListApiError && err.status === 401) return null;
      throw err;
    }
  }

  /**
   * Puts the paper in a list or takes it out. A click while a save is on its way is ignored, so a
   * double click counts once; `wait` (a save the visitor asked for by making a list) waits its turn
   * instead, as it must not be lost. Saves run one after another, so answers come back in order.
   */
  function setIn(list: ListSummary, on: boolean, { wait = false } = {}): Promise<void> {
    if (inFlight.current > 0 && !wait) return Promise.resolve();
    inFlight.current += 1;
    setBusy(true);
    const run = lastSave.current
      .then(() => save(list, on))
      .finally(() => {
        inFlight.current -= 1;
        if (inFlight.current === 0) setBusy(false);
      });
    lastSave.current = run;
    return run;
  }

  /** One save; never rejects (its outcome is on screen). */
  async function save(list: ListSummary, on: boolean) {
    const before = savedInNow(paperId);
    setSavedIn(paperId, on ? [...new Set([...before, list.id])] : before.filter((id) => id !== list.id));
    try {
      const answer = await listApi<ItemAnswer>(`/api/me/lists/${list.id}/items/${paperId}`, { method: on ? "PUT" : "DELETE" });
      setSavedIn(paperId, answer.listIds);
      setMessage(on ? `Saved to ${list.name}` : `Removed from ${list.name}`);
    } catch (err) {
      setSavedIn(paperId, before);
      if (err instanceof ListApiError && err.status === 401) return goSignIn();
      setMessage(err instanceof Error ? err.message : "Could not save the paper");
    }
  }

  async function toggleReadLater() {
    // Signed out: saved to Read later once the visitor has signed in.
    if (signedOut) return signInThen("save", paperId);
    // What the button said when clicked ("Save" or "Remove"), even if the viewer's state arrives meanwhile.
    const on = !inReadLater;
    try {
      const lists = await knownLists();
      const target = lists?.find((l) => l.isDefault);
      if (!lists || !target) return signInThen("save", paperId);
      await setIn(target, on);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : "Could not save the paper");
    }
  }

  async function openMenu() {
    if (signedOut) return goSignIn();
    if (open) return setOpen(false);
    loadPanel().catch(() => undefined);
    try {
      if (!(await knownLists())) return goSignIn();
      setOpen(true);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : "Could not load your lists");
    }
  }

  const label = inReadLater ? "Remove from Read later" : "Save to Read later";
  const tone = inReadLater ? "save-on" : "save-off";
  const focus = "focus-sky";
  const box = variant === "box";

  return (
    <div
      ref={rootRef}
      className={`relative ${box ? "w-12 shrink-0 self-start" : "inline-flex"}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          toggleRef.current?.focus();
        }
      }}
      onBlur={(e) => {
        // Tabbing out of the panel closes it, as clicking elsewhere does.
        if (open && e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <div className={`flex overflow-hidden rounded-lg border text-sm font-semibold transition-colors ${box ? "flex-col" : ""} ${tone}`}>
        <button
          type="button"
          data-testid="save-button"
          aria-pressed={inReadLater}
          aria-label={label}
          title={label}
          aria-busy={busy || undefined}
          onClick={toggleReadLater}
          className={`flex items-center justify-center ${box ? "py-1.5" : "gap-2 px-3 py-1.5"} ${focus}`}
        >
          <BookmarkIcon filled={inReadLater} className="size-4" />
          {!box && <span>{inReadLater ? "Saved" : "Save"}</span>}
        </button>
        <button
          ref={toggleRef}
          type="button"
          data-testid="save-menu-button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label="Save to another reading list"
          title="Save to another reading list"
          onClick={openMenu}
          className={`flex items-center justify-center ${box ? "border-t border-inherit py-0.5" : "border-l border-inherit px-1.5"} ${focus}`}
        >
          <ChevronDownIcon className="size-3.5" />
        </button>
      </div>
      {open && (
        <Suspense fallback={null}>
          <ListsPanel
            id={panelId}
            lists={state.lists}
            savedIn={savedIn}
            busy={busy}
            onToggle={setIn}
            onCreated={async (list) => {
              addList(list);
              await setIn(list, true, { wait: true });
            }}
          />
        </Suspense>
      )}
      <p role="status" className="sr-only">
        {message}
      </p>
    </div>
  );
}
