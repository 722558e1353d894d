"use server";

import { signOut } from "@/lib/auth/config";

/**
 * Ends the session (the row in `sessions` is deleted, so every tab and instance sees it) and
 * goes home: a path on this site, whatever Host or Referer the request carried.
 */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
