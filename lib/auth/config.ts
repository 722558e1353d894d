import "server-only";
import { Auth, raw, skipCSRFCheck, type AuthConfig } from "@auth/core";
import { PrismaAdapter } from "@auth/prisma-adapter";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { cookies, headers as nextHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { sendMagicLink } from "@/lib/email/magic-link-email";
import { consumeSignInMail, SIGN_IN_MAIL_REFUSED_PATH } from "@/lib/auth/sign-in-limit";
import { siteIsHttps, siteUrl } from "@/lib/site-url";

/** Where Auth.js's routes live (app/api/auth/[...nextauth]). */
export const AUTH_BASE_PATH = "/api/auth";

/**
 * Auth.js: magic links through the project's SMTP (the embedded mail catcher when nothing is
 * configured), GitHub when AUTH_GITHUB_ID/AUTH_GITHUB_SECRET are set, nothing else. Sessions
 * are rows in Postgres (`sessions`), so any app instance can read them and signing out
 * anywhere ends them everywhere.
 *
 * Built per request: DATABASE_URL, SMTP_URL and AUTH_SECRET are settled by the boot code after
 * this module is imported, and the sign-in mail limit needs the request's client address.
 */
export function authConfig(requestHeaders: Headers): AuthConfig {
  const e = env();
  const providers: AuthConfig["providers"] = [
    Nodemailer({
      // Auth.js insists on a server; mail actually goes through lib/mail (same SMTP_URL).
      server: e.SMTP_URL ?? "smtp://localhost:25",
      from: e.EMAIL_FROM,
      maxAge: 60 * 60,
      sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink({ to: identifier, url, expires }),
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  }
  return {
    adapter: PrismaAdapter(db()),
    providers,
    basePath: AUTH_BASE_PATH,
    secret: e.AUTH_SECRET,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Auth.js builds every link and redirect from the URL of the request it is given. Ours are
    // always built on siteUrl() (authRequest below), never on the Host the client sent, so the
    // host is "trusted" only in the sense that we chose it.
    trustHost: true,
    // Secure, __Secure- prefixed cookies exactly when the site is https, whatever
    // X-Forwarded-Proto a request carries. No Domain attribute: cookies stay on the site's host.
    useSecureCookies: siteIsHttps(),
    callbacks: {
      // Asked before every sign-in mail (and again when its link is followed): the one place
      // every way of asking for a link passes, before a token is made. A string is a redirect.
      async signIn({ account, email }) {
        if (!email?.verificationRequest || !account) return true;
        return (await consumeSignInMail(account.providerAccountId, requestHeaders)) || SIGN_IN_MAIL_REFUSED_PATH;
      },
    },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    logger: {
      // Auth.js logs through console by default: route its errors through our (redacting) logger.
      error: (error) => logger.error({ component: "auth", name: error.name }, error.message),
      warn: () => {},
      debug: () => {},
    },
  };
}

/**
 * The request Auth.js sees: the same method, headers and body, at `siteUrl()` + the Auth.js
 * path. next-auth's own handlers rebuild the URL from AUTH_URL through Next's URL class, which
 * rewrites 127.0.0.1 and [::1] to "localhost" (so AUTH_URL=http://127.0.0.1:3999 mailed
 * links to localhost), and without AUTH_URL from Host/X-Forwarded-Host/X-Forwarded-Proto
 * (so anyone could have a sign-in link mailed that points at their own host). We call
 * Auth.js's core directly with a plain Request instead.
 */
function authRequest(pathAndQuery: string, init: { method: string; headers: Headers; body?: string }): Request {
  const headers = new Headers(init.headers);
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto", "forwarded"]) headers.delete(name);
  return new Request(new URL(pathAndQuery, siteUrl()), { method: init.method, headers, body: init.body });
}

/** GET and POST for app/api/auth/[...nextauth]. */
export async function authRoute(request: Request): Promise<Response> {
  const { pathname, search } = new URL(request.url);
  const body = request.method === "POST" ? await request.text() : undefined;
  return Auth(authRequest(pathname + search, { method: request.method, headers: request.headers, body }), authConfig(request.headers));
}

export const handlers = { GET: authRoute, POST: authRoute };

/** Runs an Auth.js action from a server action, with the visitor's cookies, and keeps the cookies it sets. */
async function serverAction(action: string, fields: Record<string, string>): Promise<string | null> {
  const headers = new Headers(await nextHeaders());
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  const request = authRequest(`${AUTH_BASE_PATH}/${action}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
  const res = await Auth(request, { ...authConfig(headers), raw, skipCSRFCheck });
  // Auth.js answers some failures with a plain redirect Response even when asked for raw output.
  if (res instanceof Response) return res.headers.get("location");
  const jar = await cookies();
  for (const c of res.cookies ?? []) jar.set(c.name, c.value, c.options);
  return res.redirect ?? null;
}

/** The path (with query) of a URL on this site, else "/": redirects from actions never leave it. */
function sitePath(url: string | null): string {
  if (!url) return "/";
  const parsed = new URL(url, siteUrl());
  return parsed.origin === siteUrl() ? parsed.pathname + parsed.search + parsed.hash : "/";
}

interface SignInOptions {
  /** A path on this site (see safeCallbackPath). */
  redirectTo: string;
  /** false: return the URL Auth.js would go to (e.g. the check-email page) instead of going there. */
  redirect?: boolean;
  [field: string]: string | boolean | undefined;
}

/**
 * From a server action: sign in with a provider. For "nodemailer" this mails the link (the
 * `email` field); for GitHub it redirects to GitHub's consent page, whose callback is
 * siteUrl()/api/auth/callback/github.
 */
export async function signIn(provider: string, { redirectTo, redirect: shouldRedirect = true, ...rest }: SignInOptions): Promise<string> {
  const fields: Record<string, string> = { callbackUrl: redirectTo };
  for (const [k, v] of Object.entries(rest)) if (typeof v === "string") fields[k] = v;
  const target = (await serverAction(`signin/${provider}`, fields)) ?? `${siteUrl()}/signin`;
  if (shouldRedirect) redirect(new URL(target, siteUrl()).origin === siteUrl() ? sitePath(target) : target);
  return target;
}

/** From a server action: end the session (its row is deleted) and go to `redirectTo`, a path on this site. */
export async function signOut({ redirectTo }: { redirectTo: string }): Promise<never> {
  const target = await serverAction("signout", { callbackUrl: redirectTo });
  redirect(sitePath(target));
}
