"use server";

import { revalidatePath } from "next/cache";
import { requireAdminAction } from "@/lib/auth/admin";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { dismissReports, hideComment, removeComment, unhideComment } from "@/lib/comments/moderation";
import { moderationInput } from "@/lib/comments/schemas";
import { parseInput } from "@/lib/validation/parse-input";

function input(form: FormData) {
  return parseInput(moderationInput, { commentId: form.get("commentId"), reason: form.get("reason") ?? "" });
}

export async function hideCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await hideComment(admin, input(form));
    revalidatePath("/admin/comments");
    return { ok: "Hidden: the comment is gone from the discussion and its feed." };
  });
}

export async function unhideCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await unhideComment(admin, { commentId: input(form).commentId });
    revalidatePath("/admin/comments");
    return { ok: "Shown again." };
  });
}

export async function removeCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await removeComment(admin, input(form));
    revalidatePath("/admin/comments");
    return { ok: "Removed for good: its text is erased." };
  });
}

export async function dismissReportsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await dismissReports(admin, input(form));
    revalidatePath("/admin/comments");
    return { ok: "Reports dismissed." };
  });
}
