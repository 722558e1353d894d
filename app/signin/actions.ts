"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Sends a magic link. At most 5 links per address per hour, so the form cannot be used to spam someone. */
export async function sendMagicLinkAction(formData: FormData) {
  const callback = safeCallbackPath(String(formData.get("callbackUrl") ?? "/"));
  const parsed = emailSchema.safeParse(formData.get("email"));
  if (!parsed.success) redirect(`/signin?error=InvalidEmail&callbackUrl=${encodeURIComponent(callback)}`);
  try {
    await consumeRateLimit(`signin:${parsed.data}`, 5, 3600);
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") redirect(`/signin?error=TooMany&callbackUrl=${encodeURIComponent(callback)}`);
    throw err;
  }
  try {
    // redirect: false, then our own redirect: Auth.js's would go through /api/auth/verify-request,
    // which a server action's client-side navigation leaves showing in the address bar.
    await signIn("nodemailer", { email: parsed.data, redirectTo: callback, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      logger.warn({ type: err.type }, "magic link not sent");
      redirect(`/signin?error=EmailSignin&callbackUrl=${encodeURIComponent(callback)}`);
    }
    throw err;
  }
  redirect("/signin/check-email");
}

export async function signInWithGitHubAction(formData: FormData) {
  await signIn("github", { redirectTo: safeCallbackPath(String(formData.get("callbackUrl") ?? "/")) });
}
