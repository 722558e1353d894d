import "server-only";
import { db } from "@/lib/db";
import { safeDecode } from "@/lib/http/safe-decode";

/** Auth.js's database-session cookie, over http and over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
  image: string | null;
}

/** The session token from a Cookie header, if any. */
export function sessionTokenFrom(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), safeDecode(part.slice(eq + 1).trim()));
  }
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name);
    if (token) return token;
  }
  return null;
}

/**
 * The user of an unexpired session, read straight from the `sessions` table Auth.js writes.
 * Routes and pages use this rather than `auth()` so that one indexed query answers "who is
 * asking" wherever a Request or the cookies are at hand, including in tests.
 */
export async function userForSessionToken(token: string | null): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { sessionToken: token },
    select: { expires: true, user: { select: { id: true, email: true, name: true, image: true } } },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return session.user;
}
