"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/viewer";
import { forgetRecs, setNotInterested, setRecsPaused } from "@/lib/recs/signals";
import { parseInput } from "@/lib/validation/parse-input";

const paperForm = z.object({ paperId: z.coerce.number().int().min(1).max(2_147_483_647) });

/** Pause personalisation (/profile). Each action checks the caller itself. */
export async function pauseRecsAction() {
  const user = await requireActionUser();
  await setRecsPaused(user.id, true);
  revalidatePath("/profile");
}

export async function resumeRecsAction() {
  const user = await requireActionUser();
  await setRecsPaused(user.id, false);
  revalidatePath("/profile");
}

/** Delete what personalisation learned (scores and "Not interested" marks); it stays paused. */
export async function forgetRecsAction() {
  const user = await requireActionUser();
  await forgetRecs(user.id);
  revalidatePath("/profile");
}

/** Undo one "Not interested" from the list in /profile. */
export async function undoNotInterestedAction(formData: FormData) {
  const user = await requireActionUser();
  const { paperId } = parseInput(paperForm, { paperId: formData.get("paperId") });
  await setNotInterested(user.id, paperId, false);
  revalidatePath("/profile");
}
