import "server-only";
import { cookies } from "next/headers";
import { userForApiToken } from "@/lib/auth/api-tokens";
import { consumeRateLimit, MUTATIONS_PER_MINUTE } from "@/lib/auth/rate-limit";
import { type SessionUser, sessionTokenFrom, SESSION_COOKIES, userForSessionToken } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";

/** Who is asking: a signed-in browser (session cookie) or a program (personal API token). */
export interface Viewer {
  id: string;
  email: string | null;
  via: "session" | "token";
}

/**
 * The viewer of an API request, or null when signed out. A bearer token wins over a cookie;
 * a bearer token that is not valid is an error, not "signed out", so a script with a revoked
 * token fails loudly.
 */
export async function viewerFrom(request: Request): Promise<Viewer | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const user = match ? await userForApiToken(match[1]) : null;
    if (!user) throw new AppError("unauthorized", "The API token is not valid (revoked, or mistyped)");
    return { id: user.id, email: user.email, via: "token" };
  }
  const user = await userForSessionToken(sessionTokenFrom(request.headers.get("cookie")));
  return user ? { id: user.id, email: user.email, via: "session" } : null;
}

/**
 * The viewer of a request that must be signed in. Mutations made with the session cookie must
 * come from our own pages (CSRF), and every mutation counts against the user's rate limit.
 */
export async function requireViewer(request: Request, opts: { mutation: boolean }): Promise<Viewer> {
  const viewer = await viewerFrom(request);
  if (!viewer) throw new AppError("unauthorized", "Sign in first (or send a personal API token as a Bearer token)");
  if (opts.mutation) {
    if (viewer.via === "session" && !isSameOrigin(request)) {
      throw new AppError("forbidden", "This change did not come from a Paperboy page (cross-site request refused)");
    }
    await consumeRateLimit(`mutations:${viewer.id}`, MUTATIONS_PER_MINUTE, 60);
  }
  return viewer;
}

/** The signed-in user of the page being rendered (server components, server actions). */
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean) ?? null;
  return userForSessionToken(token);
}

/** For server actions: the signed-in user, rate-limited; Next.js has already checked the Origin. */
export async function requireActionUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in first");
  await consumeRateLimit(`mutations:${user.id}`, MUTATIONS_PER_MINUTE, 60);
  return user;
}
