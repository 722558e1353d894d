"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { unsubscribeDiscussionsWithToken } from "@/lib/comments/viewer";

const tokenSchema = z.string().min(1).max(100);

/** The page's button: the signed token from the email authorizes it, no sign-in needed. */
export async function unsubscribeDiscussionsAction(formData: FormData) {
  const parsed = tokenSchema.safeParse(formData.get("token"));
  if (!parsed.success) redirect("/settings/email");
  await unsubscribeDiscussionsWithToken(parsed.data);
  redirect(`/unsubscribe/discussions/${encodeURIComponent(parsed.data)}`);
}
