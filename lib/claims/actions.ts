"use server";

import { requireActionUser } from "@/lib/auth/viewer";
import { toActionState, type ActionState } from "@/lib/admin/action-state";
import { idInput } from "@/lib/admin/validation";
import { claimInput, createClaim, withdrawClaim } from "@/lib/claims/claims";
import { parseInput } from "@/lib/validation/parse-input";

/** The paper page's "Claim authorship" form. */
export async function claimPaperAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return toActionState(async () => {
    const user = await requireActionUser();
    const input = parseInput(claimInput, {
      paperId: form.get("paperId"),
      author: form.get("author") ?? "",
      name: form.get("name") ?? undefined,
    });
    await createClaim(user.id, input);
    return { ok: `Claim sent: an admin will check that you are ${input.author}.` };
  });
}

/** Takes back the signed-in person's own claim (pending or approved). */
export async function withdrawClaimAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return toActionState(async () => {
    const user = await requireActionUser();
    await withdrawClaim(user.id, parseInput(idInput, form.get("claimId")));
    return { ok: "Claim withdrawn." };
  });
}
