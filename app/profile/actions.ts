"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { signOut } from "@/lib/auth/config";
import { requireActionUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { deleteAccount } from "@/lib/people/account";

export type TokenState = { token?: string; name?: string; error?: string };

/** Creates a personal API token; the token itself is shown this once and never again. */
export async function createTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  const user = await requireActionUser();
  try {
    const { token, summary } = await createApiToken(user.id, String(formData.get("name") ?? ""));
    revalidatePath("/profile");
    return { token, name: summary.name };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

export async function revokeTokenAction(formData: FormData) {
  const user = await requireActionUser();
  await revokeApiToken(user.id, Number(formData.get("id")));
  revalidatePath("/profile");
}

/** Deletes the account once the person has typed their address, as a guard against slips. */
export async function deleteAccountAction(formData: FormData) {
  const user = await requireActionUser();
  const typed = String(formData.get("confirm") ?? "")
    .trim()
    .toLowerCase();
  if (!user.email || typed !== user.email.toLowerCase()) redirect("/profile?delete=mismatch#delete-account");
  await deleteAccount(user.id);
  // The session row is gone with the user; clear the cookie too.
  await signOut({ redirectTo: "/?account=deleted" });
}
