"use server";

import { revalidatePath } from "next/cache";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";
import { redirect } from "next/navigation";
import { requireAdminAction } from "@/lib/auth/admin";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { createFeed, deleteFeed, pollFeedNow, setFeedEnabled, updateFeed } from "@/lib/admin/feeds";
import { getRun } from "@/lib/admin/runs";
import { feedInput, formFields, idInput } from "@/lib/admin/validation";
import { parseInput } from "@/lib/validation/parse-input";

// Each action checks the caller itself (a page's check does not cover the actions it renders),
// then parses its input and calls lib/admin, which writes the change and its audit row together.

export async function createFeedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    const feed = await createFeed(admin, parseInput(feedInput, formFields(form)));
    revalidatePath("/admin", "layout");
    return { ok: `Added “${feed.name}”. It is polled within a minute, or now with “Poll now”.` };
  });
}

export async function updateFeedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    const id = parseInput(idInput, form.get("id"));
    await updateFeed(admin, id, parseInput(feedInput, formFields(form)));
    revalidatePath("/admin", "layout");
    return { ok: "Saved." };
  });
}

export async function setFeedEnabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    const enabled = form.get("enabled") === "true";
    await setFeedEnabled(admin, parseInput(idInput, form.get("id")), enabled);
    revalidatePath("/admin", "layout");
    return { ok: enabled ? "Resumed." : "Paused." };
  });
}

export async function deleteFeedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  const state = await toActionState(async () => {
    await deleteFeed(admin, parseInput(idInput, form.get("id")));
    revalidatePath("/admin", "layout");
    return { ok: "Deleted." };
  });
  // From the feed's own page, go back to the list: the page is gone.
  if (state.ok && form.get("then") === "list") redirect("/admin/feeds?deleted=1");
  return state;
}

/** Polls the feed in this request and shows the resulting run. */
export async function pollFeedNowAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    const result = await pollFeedNow(admin, parseInput(idInput, form.get("id")));
    // New papers show on the cached list pages at once (the whole site's layout, admin included).
    refreshCachedPages();
    const found = result.runId ? await getRun(result.runId) : null;
    const run = found
      ? {
          id: found.id,
          status: found.status,
          newCount: found.newCount,
          updatedCount: found.updatedCount,
          unchangedCount: found.unchangedCount,
          rejectedCount: found.rejectedCount,
          error: found.error,
        }
      : undefined;
    if (!result.ok) return { error: `Poll failed: ${result.error}`, run };
    return { ok: result.status === "not_modified" ? "Not modified since the last poll (HTTP 304): nothing to ingest." : "Polled.", run };
  });
}
