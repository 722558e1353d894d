"use server";

import { redirect } from "next/navigation";

/**
 * The "Subscribe" form's action. Email digests are not built yet: the address is neither
 * read nor stored, and the visitor is sent to /subscribe, which says so.
 */
export async function subscribeToDigest(): Promise<never> {
  redirect("/subscribe");
}
