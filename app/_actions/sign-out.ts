"use server";

import { signOut } from "@/lib/auth/config";

/** Ends the session (the row in `sessions` is deleted, so every tab and instance sees it). */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
