import "server-only";
import { notFound, redirect } from "next/navigation";
import { type SessionUser } from "@/lib/auth/session";
import { currentUser, requireViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The admins: the addresses in ADMIN_EMAILS (comma or whitespace separated, any case). Nobody else. */
export function isAdminEmail(email: string | null | undefined): boolean {
  if (!email) return false;
  const admins = env()
    .ADMIN_EMAILS.split(/[\s,]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return admins.includes(email.trim().toLowerCase());
}

/**
 * An admin: a user whose address is in ADMIN_EMAILS and who has proved they own it
 * (users.email_verified, set when a magic link is followed). An address alone is not proof: a
 * GitHub sign-in creates a user with whatever address the profile names, unverified.
 */
export async function isAdmin(user: { id: string; email: string | null }): Promise<boolean> {
  if (!isAdminEmail(user.email)) return false;
  const row = await db().user.findUnique({ where: { id: user.id }, select: { email: true, emailVerified: true } });
  return Boolean(row?.emailVerified) && isAdminEmail(row?.email);
}

/**
 * For admin pages: signed out goes to sign-in; a signed-in non-admin gets a 404, so the admin
 * pages do not announce themselves.
 */
export async function requireAdminPage(path: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!(await isAdmin(user))) notFound();
  return user;
}

/** For admin server actions (Next.js has checked the Origin). */
export async function requireAdminAction(): Promise<SessionUser & { email: string }> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in first");
  if (!(await isAdmin(user))) throw new AppError("forbidden", "Admins only");
  return user as SessionUser & { email: string };
}

/** For admin API routes: session (with CSRF check on mutations) or an admin's personal token. */
export async function requireAdminRequest(request: Request, opts: { mutation: boolean }): Promise<Viewer & { email: string }> {
  const viewer = await requireViewer(request, opts);
  if (!(await isAdmin(viewer))) throw new AppError("forbidden", "Admins only");
  return viewer as Viewer & { email: string };
}
