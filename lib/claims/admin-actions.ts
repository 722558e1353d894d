"use server";

import { revalidatePath } from "next/cache";
import { requireAdminAction } from "@/lib/auth/admin";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { approveClaim, decideInput, rejectClaim } from "@/lib/claims/claims";
import { parseInput } from "@/lib/validation/parse-input";

export async function approveClaimAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await approveClaim(admin, parseInput(decideInput, { claimId: form.get("claimId"), reason: form.get("reason") ?? "" }));
    revalidatePath("/", "layout");
    return { ok: "Approved: the author name now links to this person." };
  });
}

export async function rejectClaimAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await rejectClaim(admin, parseInput(decideInput, { claimId: form.get("claimId"), reason: form.get("reason") ?? "" }));
    return { ok: "Rejected." };
  });
}
