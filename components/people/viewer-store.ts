"use client";

import { useSyncExternalStore } from "react";
import { listApi } from "@/components/lists/list-api";

/**
 * The viewer's own state for the papers on screen (upvotes, reading lists), fetched once per
 * batch of cards from /api/me/state after the page loads. Pages themselves are the same for
 * everyone; this store is the only per-user part, so they stay cacheable.
 */
export interface ListSummary {
  id: number;
  name: string;
  isDefault: boolean;
}

interface Snapshot {
  status: "loading" | "ready" | "error";
  user: { name: string | null; email: string | null; isAdmin: boolean } | null;
  lists: ListSummary[];
  upvoted: ReadonlySet<number>;
  /** Counts the server answered after this viewer's votes; otherwise the page's count stands. */
  counts: ReadonlyMap<number, number>;
  saved: ReadonlyMap<number, readonly number[]>;
  busy: ReadonlySet<number>;
}

let snapshot: Snapshot = {
  status: "loading",
  user: null,
  lists: [],
  upvoted: new Set(),
  counts: new Map(),
  saved: new Map(),
  busy: new Set(),
};
const listeners = new Set<() => void>();
const known = new Set<number>();
const pending = new Set<number>();
let flushScheduled = false;
let loadedOnce = false;

function update(patch: Partial<Snapshot>) {
  snapshot = { ...snapshot, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function flush() {
  flushScheduled = false;
  const ids = [...pending];
  pending.clear();
  try {
    // Chunks of 200: the endpoint's limit, more than any page shows.
    for (let i = 0; i === 0 || i < ids.length; i += 200) {
      const res = await fetch(`/api/me/state?papers=${ids.slice(i, i + 200).join(",")}`, { credentials: "same-origin" });
      if (!res.ok) throw new Error(`state: ${res.status}`);
      const body = (await res.json()) as {
        user: Snapshot["user"];
        counts: Record<string, number>;
        upvoted: number[];
        lists: ListSummary[];
        saved: Record<string, number[]>;
      };
      const upvoted = new Set(snapshot.upvoted);
      const saved = new Map(snapshot.saved);
      // The page may come from a cache: live counts replace the rendered ones (not mid-vote).
      const counts = new Map(snapshot.counts);
      for (const [id, n] of Object.entries(body.counts ?? {})) if (!snapshot.busy.has(Number(id))) counts.set(Number(id), n);
      for (const id of ids.slice(i, i + 200)) {
        upvoted.delete(id);
        saved.delete(id);
      }
      for (const id of body.upvoted) upvoted.add(id);
      for (const [id, lists] of Object.entries(body.saved)) saved.set(Number(id), lists);
      update({ status: "ready", user: body.user, lists: body.lists, upvoted, saved, counts });
    }
    if (!loadedOnce) {
      loadedOnce = true;
      void applyPendingAction();
    }
  } catch {
    update({ status: "error" });
  }
}

function scheduleFlush() {
  if (!flushScheduled) {
    flushScheduled = true;
    setTimeout(flush, 0);
  }
}

/** Cards call this as they mount; ids are fetched together a tick later. */
export function watchPaper(paperId: number) {
  if (known.has(paperId)) return;
  known.add(paperId);
  pending.add(paperId);
  scheduleFlush();
}

/** The header calls this: who is signed in, even on a page without cards. */
export function watchViewer() {
  if (!loadedOnce) scheduleFlush();
}

/**
 * The viewer's state once it has arrived (or failed). A click that comes before it must not ask
 * the server as if signed in: for a signed-out visitor that is a 401 in the console and a
 * round trip for nothing.
 */
export function viewerSettled(): Promise<Snapshot> {
  if (snapshot.status !== "loading") return Promise.resolve(snapshot);
  watchViewer();
  return new Promise((resolve) => {
    const listener = () => {
      if (snapshot.status === "loading") return;
      listeners.delete(listener);
      resolve(snapshot);
    };
    listeners.add(listener);
  });
}

export function useViewerState(): Snapshot {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => snapshot,
  );
}

/** Sends a signed-out visitor to sign in, coming back to this page. */
export function goSignIn() {
  const here = window.location.pathname + window.location.search;
  // Called outside React, with no router at hand: a full load of the sign-in page, as a plain link would.
  window.location.assign(new URL(`/signin?callbackUrl=${encodeURIComponent(here)}`, window.location.origin).href);
}

const PENDING_KEY = "paperboy:pending-action";

/** What a signed-out visitor clicked, to be done once they are signed in. */
interface PendingAction {
  action: "upvote" | "save";
  paperId: number;
  at: number;
}

/** Remembers a signed-out visitor's click in this browser and sends them to sign in. */
export function signInThen(action: PendingAction["action"], paperId: number) {
  try {
    localStorage.setItem(PENDING_KEY, JSON.stringify({ action, paperId, at: Date.now() } satisfies PendingAction));
  } catch {
    // Storage may be off (private mode): signing in still works, the click is just not replayed.
  }
  goSignIn();
}

/**
 * Upvotes (or takes back) at once on screen, then asks the server, which answers the true
 * count. While a vote is on its way further clicks are ignored, so a double click counts once.
 * Signed out: the wish is remembered in this browser and applied after sign-in.
 */
export async function castUpvote(paperId: number, on: boolean, shownCount: number) {
  if (snapshot.busy.has(paperId)) return;
  if ((await viewerSettled()).status === "ready" && !snapshot.user) return signInThen("upvote", paperId);
  if (snapshot.busy.has(paperId)) return;
  const before = { upvoted: snapshot.upvoted, counts: snapshot.counts };
  const upvoted = new Set(snapshot.upvoted);
  if (on) upvoted.add(paperId);
  else upvoted.delete(paperId);
  update({
    upvoted,
    counts: new Map(snapshot.counts).set(paperId, shownCount + (on ? 1 : -1)),
    busy: new Set(snapshot.busy).add(paperId),
  });
  const done = () => {
    const busy = new Set(snapshot.busy);
    busy.delete(paperId);
    return busy;
  };
  try {
    const res = await fetch(`/api/me/upvotes/${paperId}`, { method: on ? "PUT" : "DELETE", credentials: "same-origin" });
    if (res.status === 401) {
      update({ ...before, busy: done() });
      return signInThen("upvote", paperId);
    }
    if (!res.ok) throw new Error(String(res.status));
    const body = (await res.json()) as { upvoted: boolean; upvotes: number };
    const confirmed = new Set(snapshot.upvoted);
    if (body.upvoted) confirmed.add(paperId);
    else confirmed.delete(paperId);
    update({ upvoted: confirmed, counts: new Map(snapshot.counts).set(paperId, body.upvotes), busy: done() });
  } catch {
    // Put the screen back the way the server still has it.
    update({ ...before, busy: done() });
  }
}

/** Does what the visitor clicked before signing in (an upvote, or saving to Read later). */
async function applyPendingAction() {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PENDING_KEY);
    if (raw && snapshot.user) localStorage.removeItem(PENDING_KEY);
  } catch {
    return;
  }
  if (!raw || !snapshot.user) return;
  try {
    const { action, paperId, at } = JSON.parse(raw) as PendingAction;
    // A wish older than an hour is stale: the visitor may not remember making it.
    if (Date.now() - at > 60 * 60 * 1000 || !Number.isSafeInteger(paperId)) return;
    if (action === "upvote") {
      if (snapshot.upvoted.has(paperId)) return;
      const res = await fetch(`/api/me/upvotes/${paperId}`, { method: "PUT", credentials: "same-origin" });
      if (!res.ok) return;
      const body = (await res.json()) as { upvoted: boolean; upvotes: number };
      update({ upvoted: new Set(snapshot.upvoted).add(paperId), counts: new Map(snapshot.counts).set(paperId, body.upvotes) });
    } else if (action === "save") {
      const readLater = snapshot.lists.find((l) => l.isDefault);
      if (!readLater || snapshot.saved.get(paperId)?.includes(readLater.id)) return;
      const { listIds } = await listApi<{ listIds: number[] }>(`/api/me/lists/${readLater.id}/items/${paperId}`, { method: "PUT" });
      setSavedIn(paperId, listIds);
    }
  } catch {
    // Best effort: the visitor can click again.
  }
}

/** For the reading-list controls: record the lists a paper is in, and the viewer's lists. */
export function setSavedIn(paperId: number, listIds: readonly number[]) {
  update({ saved: new Map(snapshot.saved).set(paperId, listIds) });
}

export function setLists(lists: ListSummary[]) {
  update({ lists });
}

/**
 * The lists a paper is in as the store has it now. Code that runs after an await reads this, not
 * the state of the render that started it, which may be out of date by then.
 */
export function savedInNow(paperId: number): readonly number[] {
  return snapshot.saved.get(paperId) ?? [];
}

/** Adds a list the viewer just made to the current lists (not to those of an older render). */
export function addList(list: ListSummary) {
  if (!snapshot.lists.some((l) => l.id === list.id)) update({ lists: [...snapshot.lists, list] });
}
