"use server";

import { revalidatePath } from "next/cache";
import { requireAdminAction } from "@/lib/auth/admin";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { mergePapers, undoMerge } from "@/lib/admin/merges";
import { hidePaper, resolvePaperRef, unhidePaper } from "@/lib/admin/papers";
import { hideInput, idInput } from "@/lib/admin/validation";
import { parseInput } from "@/lib/validation/parse-input";

/** Hiding, merging and their undoing change public pages too: revalidate everything. */
function revalidateAll() {
  revalidatePath("/", "layout");
}

export async function hidePaperAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await hidePaper(admin, parseInput(hideInput, { paperId: form.get("paperId"), reason: form.get("reason") ?? "" }));
    revalidateAll();
    return { ok: "Hidden: the paper is gone from every list, search, feed and the API." };
  });
}

export async function unhidePaperAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await unhidePaper(admin, { paperId: parseInput(idInput, form.get("paperId")) });
    revalidateAll();
    return { ok: "Shown again." };
  });
}

/**
 * Merges this paper and another one. `role` says which this one is: "source" (the duplicate
 * that goes away) or "target" (the one kept); `other` names the other paper.
 */
export async function mergePapersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    const paperId = parseInput(idInput, form.get("paperId"));
    const otherId = await resolvePaperRef(String(form.get("other") ?? ""));
    const role = form.get("role") === "target" ? "target" : "source";
    const result = await mergePapers(
      admin,
      role === "source" ? { sourceId: paperId, targetId: otherId } : { sourceId: otherId, targetId: paperId },
    );
    revalidateAll();
    return {
      ok: `Merged: ${result.movedUpvotes} upvotes, ${result.movedListItems} reading-list entries and ${result.movedFeatures} featured days moved to the paper kept.`,
    };
  });
}

export async function undoMergeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await undoMerge(admin, { mergeId: parseInput(idInput, form.get("mergeId")) });
    revalidateAll();
    return { ok: "Merge undone: both papers are as they were." };
  });
}
