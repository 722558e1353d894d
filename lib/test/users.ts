import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface TestUser {
  id: string;
  email: string;
  /** A Cookie header carrying a live Auth.js database session for this user. */
  cookie: string;
}

/**
 * A user with a session, made the way Auth.js's Prisma adapter makes them (a `users` row and a
 * `sessions` row), so route tests can ask as a signed-in person without a browser.
 */
export async function createSignedInUser(prisma: PrismaClient, email: string): Promise<TestUser> {
  const user = await prisma.user.create({ data: { email: email.toLowerCase(), emailVerified: new Date() } });
  const sessionToken = randomBytes(24).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { id: user.id, email: user.email!, cookie: `authjs.session-token=${sessionToken}` };
}

export interface AsOptions {
  method?: string;
  /** Signed in as this user (cookie) … */
  user?: TestUser;
  /** … or with this personal API token (Authorization: Bearer). */
  token?: string;
  /** The Origin header; defaults to the site itself. `null` sends none. */
  origin?: string | null;
  body?: unknown;
}

/** A Request to a route handler, as a browser on http://localhost would send it. */
export function request(path: string, o: AsOptions = {}): Request {
  const headers = new Headers({ host: "localhost" });
  if (o.user) headers.set("cookie", o.user.cookie);
  if (o.token) headers.set("authorization", `Bearer ${o.token}`);
  const origin = o.origin === undefined ? "http://localhost" : o.origin;
  if (origin) headers.set("origin", origin);
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
    headers.set("content-type", typeof o.body === "string" ? "text/plain" : "application/json");
  }
  return new Request(`http://localhost${path}`, { method: o.method ?? "GET", headers, body });
}
