"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { formFields, settingsSchema } from "@/lib/digest/schemas";
import { saveEmailSettings, setDigestOrder, unsubscribeAccount } from "@/lib/digest/subscriptions";
import { enqueueSubscriptionMail, getBoss } from "@/lib/jobs/queue";
import { setDiscussionEmails } from "@/lib/comments/viewer";

export type SettingsField = "frequency" | "limit" | "order" | "keywords" | "authors" | "organizations" | "categories";

export interface SettingsState {
  status: "idle" | "saved" | "invalid";
  message?: string;
  fieldErrors?: Partial<Record<SettingsField, string>>;
}

const fields = ["frequency", "limit", "order", "keywords", "authors", "organizations", "categories"] as const;

/** Saves the signed-in person's digest choices; `intent=subscribe` also (re)starts the digest. */
export async function saveSettingsAction(_prev: SettingsState, formData: FormData): Promise<SettingsState> {
  const user = await requireActionUser();
  const parsed = settingsSchema.safeParse(formFields(formData, fields));
  if (!parsed.success) {
    const fieldErrors: SettingsState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as SettingsField] ??= issue.message;
    return { status: "invalid", fieldErrors };
  }
  const { frequency, limit, order, ...filters } = parsed.data;
  const result = await saveEmailSettings(db(), {
    userId: user.id,
    frequency,
    limit,
    filters,
    subscribe: formData.get("intent") === "subscribe",
  });
  if (!result.ok) {
    return {
      status: "invalid",
      message:
        result.reason === "no_email"
          ? "Your account has no email address to send the digest to."
          : "Another account already manages the digest of this address.",
    };
  }
  await setDigestOrder(db(), user.id, order);
  if (result.mailSubscriptionId !== null) await enqueueSubscriptionMail(await getBoss(), result.mailSubscriptionId);
  revalidatePath("/settings/email");
  const s = result.settings.status;
  return {
    status: "saved",
    message:
      s === "active"
        ? "Saved."
        : s === "pending"
          ? "Saved. We sent a link to your address: follow it to start the digest."
          : "Saved. The digest is off.",
  };
}

export async function unsubscribeAccountAction() {
  const user = await requireActionUser();
  await unsubscribeAccount(db(), { userId: user.id });
  revalidatePath("/settings/email");
}

/** Turns emails about comments (replies to one's comments, followed discussions) on or off. */
export async function discussionEmailsAction(formData: FormData) {
  const user = await requireActionUser();
  await setDiscussionEmails(user.id, formData.get("on") === "true");
  revalidatePath("/settings/email");
}
