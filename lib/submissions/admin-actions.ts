"use server";

import { revalidatePath } from "next/cache";
import { requireAdminAction } from "@/lib/auth/admin";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { removeSubmission, removeSubmissionInput } from "@/lib/submissions/admin";
import { parseInput } from "@/lib/validation/parse-input";

/** Takes a submitted paper off its day, with the reason in the audit log. */
export async function removeSubmissionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await removeSubmission(
      admin,
      parseInput(removeSubmissionInput, { submissionId: form.get("submissionId"), reason: form.get("reason") ?? "" }),
    );
    revalidatePath("/", "layout");
    return { ok: "Removed from that day's list; later polls will not bring it back." };
  });
}
