"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { confirmSchema, formFields, subscribeSchema } from "@/lib/digest/schemas";
import { confirmSubscription, requestSubscription } from "@/lib/digest/subscriptions";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { enqueueSubscriptionMail, getBoss } from "@/lib/jobs/queue";

export interface SubscribeState {
  status: "idle" | "sent" | "invalid";
  /** The address the link went to, as typed (for the "check your inbox" line). */
  email?: string;
  message?: string;
  fieldErrors?: Partial<Record<"email" | "frequency" | "limit", string>>;
}

/** Sign-ups per client address and hour: plenty for people, a wall for scripts mailing strangers. */
const SIGNUPS_PER_HOUR = 30;

/**
 * The public sign-up (home page banner and /subscribe). The answer is the same whether the
 * address was new, pending, already subscribed or asked a minute ago: the email, if any, is
 * sent by a worker (lib/digest/subscriptions.ts decides which and how often).
 */
export async function subscribeAction(_prev: SubscribeState, formData: FormData): Promise<SubscribeState> {
  const parsed = subscribeSchema.safeParse(formFields(formData, ["email", "frequency", "limit"]));
  if (!parsed.success) {
    const fieldErrors: SubscribeState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof NonNullable<SubscribeState["fieldErrors"]>;
      fieldErrors[key] ??= issue.message;
    }
    return { status: "invalid", fieldErrors };
  }
  try {
    // The TCP peer (or what trusted proxies say), never a header any client can set: keyed on
    // X-Forwarded-For, a script escaped the limit, and without it every visitor shared one bucket.
    await consumeRateLimit(`subscribe:${clientAddress(await headers())}`, SIGNUPS_PER_HOUR, 3600);
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited")
      return { status: "invalid", message: "Too many sign-ups from your network just now. Try again in an hour." };
    throw err;
  }
  const { mailSubscriptionId } = await requestSubscription(db(), parsed.data);
  if (mailSubscriptionId !== null) await enqueueSubscriptionMail(await getBoss(), mailSubscriptionId);
  return { status: "sent", email: parsed.data.email };
}

/** The button on the confirmation page: the emailed token authorizes it, with the choices made there. */
export async function confirmAction(formData: FormData) {
  const parsed = confirmSchema.safeParse(formFields(formData, ["token", "frequency", "limit"]));
  if (!parsed.success) redirect("/subscribe?error=confirm");
  const done = await confirmSubscription(db(), parsed.data);
  if (!done) redirect(`/subscribe/confirm/${encodeURIComponent(parsed.data.token)}`);
  redirect(`/subscribe/confirmed?frequency=${parsed.data.frequency}`);
}
