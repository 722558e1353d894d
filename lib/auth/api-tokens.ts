import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Requests for one owner queue on its row lock, holding a connection each: wait for a turn (Prisma's default is 2 s). */
const LOCK_WAIT = { maxWait: 10_000, timeout: 15_000 };

/** Personal API tokens look like `pb_<43 base64url chars>`; only the SHA-256 is stored. */
const PREFIX = "pb_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const MAX_TOKENS = 50;

/**
 * A new token for the user. The count and the insert happen under a lock on the user's row:
 * requests at once would otherwise all count one below the limit and all insert.
 */
export async function createApiToken(userId: string, name: string): Promise<{ token: string; summary: ApiTokenSummary }> {
  const clean = name.trim().slice(0, 80);
  if (!clean) throw new AppError("bad_request", "Give the token a name, so you can tell it apart later");
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    const count = await tx.apiToken.count({ where: { userId } });
    if (count >= MAX_TOKENS) throw new AppError("bad_request", `You have ${MAX_TOKENS} tokens already: revoke some first`);
    return tx.apiToken.create({
      data: { userId, name: clean, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    });
  }, LOCK_WAIT);
  return { token, summary: row };
}

export function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revokes one of the user's own tokens; someone else's token id is "not found", not "forbidden". */
export async function revokeApiToken(userId: string, id: number): Promise<void> {
  const { count } = await db().apiToken.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError("not_found", "No such token");
}

/** The owner of a bearer token, or null. Records when it was last used (at most once a minute). */
export async function userForApiToken(token: string): Promise<{ id: string; email: string | null } | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, lastUsedAt: true, user: { select: { id: true, email: true } } },
  });
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
