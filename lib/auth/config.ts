import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { sendMagicLink } from "@/lib/auth/magic-link-email";

/**
 * Auth.js: magic links through the project's SMTP (the embedded mail catcher when nothing is
 * configured), GitHub when AUTH_GITHUB_ID/AUTH_GITHUB_SECRET are set, nothing else. Sessions
 * are rows in Postgres (`sessions`), so any app instance can read them and signing out
 * anywhere ends them everywhere.
 *
 * The config is built per request (Auth.js's lazy form) because DATABASE_URL and SMTP_URL are
 * settled by the boot code after this module is imported.
 */
export function authConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
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
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Self-hosted behind whatever proxy the lab runs: the host comes from the request
    // (or AUTH_URL when set), as Auth.js documents for self-hosting.
    trustHost: true,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    logger: {
      // Auth.js logs through console by default: route its errors through our (redacting) logger.
      error: (error) => logger.error({ component: "auth", name: error.name }, error.message),
      warn: () => {},
      debug: () => {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
