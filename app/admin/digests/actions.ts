"use server";

import { revalidatePath } from "next/cache";
import { requireAdminAction } from "@/lib/auth/admin";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { pauseAddress, retryDigestSend } from "@/lib/admin/digests";
import { idInput, pauseInput } from "@/lib/admin/validation";
import { parseInput } from "@/lib/validation/parse-input";

export async function retryDigestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await retryDigestSend(admin, parseInput(idInput, form.get("sendId")));
    revalidatePath("/admin", "layout");
    return { ok: "Queued: it is sent at the next digest tick (within a minute)." };
  });
}

export async function pauseAddressAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireAdminAction();
  return toActionState(async () => {
    await pauseAddress(admin, parseInput(pauseInput, { email: form.get("email") ?? "", reason: form.get("reason") ?? "" }));
    revalidatePath("/admin", "layout");
    return { ok: "Paused: no more digests until the address confirms again." };
  });
}
