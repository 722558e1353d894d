import "server-only";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";

/** Sign-in mails per address per hour: enough for a person who lost a few, too few to flood an inbox. */
export const SIGN_IN_MAILS_PER_ADDRESS = 5;
/** Sign-in mails per client address per hour: a lab behind one NAT signs in, a script does not mail the world. */
export const SIGN_IN_MAILS_PER_CLIENT = 30;

/** Where a refused sign-in mail sends the visitor: the sign-in page says why. */
export const SIGN_IN_MAIL_REFUSED_PATH = "/signin?error=TooMany";

/**
 * Counts one sign-in mail against the requesting client's and the recipient's hourly budgets
 * (Postgres, shared by every instance). False when either is spent: send nothing. Called by
 * Auth.js's signIn callback for every verification request, so the sign-in form,
 * POST /api/auth/signin/nodemailer and any later way in share one limit.
 */
export async function consumeSignInMail(email: string, headers: Headers): Promise<boolean> {
  try {
    await consumeRateLimit(`signin-mail:client:${clientAddress(headers)}`, SIGN_IN_MAILS_PER_CLIENT, 3600);
    await consumeRateLimit(`signin-mail:address:${email.trim().toLowerCase()}`, SIGN_IN_MAILS_PER_ADDRESS, 3600);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") return false;
    throw err;
  }
}
