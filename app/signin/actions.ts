"use server";

import { AuthError } from "@auth/core/errors";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { SIGN_IN_MAIL_REFUSED_PATH } from "@/lib/auth/sign-in-limit";
import { logger } from "@/lib/logger";

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/**
 * Sends a magic link. The link's host is siteUrl() (AUTH_URL), never the request's. At most 5
 * links per address and 30 per client an hour (lib/auth/sign-in-limit.ts, counted in Auth.js's
 * signIn callback, so Auth.js's own route shares the budget; a refusal comes back as a redirect).
 */
export async function sendMagicLinkAction(formData: FormData) {
  const callback = safeCallbackPath(String(formData.get("callbackUrl") ?? "/"));
  const parsed = emailSchema.safeParse(formData.get("email"));
  if (!parsed.success) redirect(`/signin?error=InvalidEmail&callbackUrl=${encodeURIComponent(callback)}`);
  let next: string;
  try {
    // redirect: false, then our own redirect: Auth.js's would go through /api/auth/verify-request,
    // which a server action's client-side navigation leaves showing in the address bar.
    next = await signIn("nodemailer", { email: parsed.data, redirectTo: callback, redirect: false });
    // Failures that are not Auth.js's own (SMTP down) come back as a redirect to the error page.
    if (new URL(next, "http://x").pathname.startsWith("/signin/error")) throw new AuthError("mail not sent");
  } catch (err) {
    if (err instanceof AuthError) {
      logger.warn({ type: err.type }, "magic link not sent");
      redirect(`/signin?error=EmailSignin&callbackUrl=${encodeURIComponent(callback)}`);
    }
    throw err;
  }
  const { pathname, search } = new URL(next, "http://x");
  if (pathname + search === SIGN_IN_MAIL_REFUSED_PATH) redirect(`${SIGN_IN_MAIL_REFUSED_PATH}&callbackUrl=${encodeURIComponent(callback)}`);
  redirect("/signin/check-email");
}

export async function signInWithGitHubAction(formData: FormData) {
  await signIn("github", { redirectTo: safeCallbackPath(String(formData.get("callbackUrl") ?? "/")) });
}
