"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { unsubscribeWithToken } from "@/lib/digest/subscriptions";

const tokenSchema = z.string().min(1).max(100);

/** The button on the unsubscribe page: the signed token from the email authorizes it, no sign-in needed. */
export async function unsubscribeAction(formData: FormData) {
  const parsed = tokenSchema.safeParse(formData.get("token"));
  if (!parsed.success) redirect("/subscribe");
  await unsubscribeWithToken(db(), parsed.data);
  redirect(`/unsubscribe/${encodeURIComponent(parsed.data)}`);
}
