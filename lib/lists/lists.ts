import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { markListStale, markPersonStale } from "@/lib/recs/signals";
import { AppError } from "@/lib/errors";
import { ensureDefaultList } from "@/lib/people/viewer-state";
import { DEFAULT_LIST_NAME, LIMITS, SHARE_TOKEN } from "@/lib/lists/validation";

/** Requests for one owner queue on its row lock, holding a connection each: wait for a turn (Prisma's default is 2 s). */
const LOCK_WAIT = { maxWait: 10_000, timeout: 15_000 };

/**
 * Reading lists, always read and changed on behalf of one user: every query has the owner in
 * its `where`, and a list that is not the caller's is "not found" (never "forbidden"), so list
 * ids cannot be probed.
 */
export interface ReadingListDTO {
  id: number;
  name: string;
  isDefault: boolean;
  /** Set while the list is shared; the owner's eyes only. */
  shareToken: string | null;
  itemCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const listSelect = {
  id: true,
  name: true,
  isDefault: true,
  shareToken: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { items: { where: { paper: { hiddenAt: null } } } } },
} as const;

type ListRow = {
  id: number;
  name: string;
  isDefault: boolean;
  shareToken: string | null;
  createdAt: Date;
  updatedAt: Date;
  _count: { items: number };
};

function toDto(row: ListRow): ReadingListDTO {
  const { _count, ...rest } = row;
  return { ...rest, itemCount: _count.items };
}

function notFound(): AppError {
  return new AppError("not_found", "No such list");
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** The user's lists, "Read later" first, then by name. Makes "Read later" on first need. */
export async function listReadingLists(userId: string): Promise<ReadingListDTO[]> {
  await ensureDefaultList(userId);
  const rows = await db().readingList.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }, { id: "asc" }],
    select: listSelect,
  });
  return rows.map(toDto);
}

/** One of the user's lists; someone else's (or none) is not_found. */
export async function getReadingList(userId: string, listId: number): Promise<ReadingListDTO> {
  const row = await db().readingList.findFirst({ where: { id: listId, userId }, select: listSelect });
  if (!row) throw notFound();
  return toDto(row);
}

/** Throws not_found unless the list is the user's: the first step of every item change. */
export async function assertOwnList(userId: string, listId: number): Promise<{ id: number; isDefault: boolean }> {
  const row = await db().readingList.findFirst({ where: { id: listId, userId }, select: { id: true, isDefault: true } });
  if (!row) throw notFound();
  return row;
}

/** `client`: a transaction's, when called under a lock (another pooled connection could be a long wait). */
async function assertNameFree(userId: string, name: string, exceptId?: number, client: Pick<ReturnType<typeof db>, "readingList"> = db()) {
  if (name.toLowerCase() === DEFAULT_LIST_NAME.toLowerCase()) {
    throw new AppError("conflict", `"${DEFAULT_LIST_NAME}" is the name of your default list: choose another`);
  }
  const clash = await client.readingList.findFirst({
    where: { userId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("conflict", `You already have a list named "${name}"`);
}

/**
 * A new, private, empty list. `name` is already validated (trimmed, 1–80 characters). The
 * count and the insert happen under a lock on the user's row: two requests at once would
 * otherwise both count one below the limit and both insert.
 */
export async function createReadingList(userId: string, name: string): Promise<ReadingListDTO> {
  await ensureDefaultList(userId);
  try {
    const row = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
      const count = await tx.readingList.count({ where: { userId } });
      if (count >= LIMITS.listsPerUser)
        throw new AppError("bad_request", `You have ${LIMITS.listsPerUser} lists already: delete some first`);
      // Under the lock too, so "Notes" and "notes" asked for at once cannot both pass.
      await assertNameFree(userId, name, undefined, tx);
      return tx.readingList.create({ data: { userId, name }, select: listSelect });
    }, LOCK_WAIT);
    return toDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `You already have a list named "${name}"`);
    throw err;
  }
}

export async function renameReadingList(userId: string, listId: number, name: string): Promise<ReadingListDTO> {
  const list = await assertOwnList(userId, listId);
  if (list.isDefault) throw new AppError("bad_request", `"${DEFAULT_LIST_NAME}" cannot be renamed`);
  await assertNameFree(userId, name, listId);
  try {
    await db().readingList.updateMany({ where: { id: listId, userId }, data: { name } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `You already have a list named "${name}"`);
    throw err;
  }
  return getReadingList(userId, listId);
}

/** Deletes a list and its items (notes included). "Read later" stays. */
export async function deleteReadingList(userId: string, listId: number): Promise<void> {
  const list = await assertOwnList(userId, listId);
  if (list.isDefault) throw new AppError("bad_request", `"${DEFAULT_LIST_NAME}" cannot be deleted`);
  await db().readingList.deleteMany({ where: { id: listId, userId } });
  await markPersonStale(userId);
}

/** 24 random bytes, base64url: 192 bits, not guessable, not derived from anything. */
export function newShareToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Shares or stops sharing. Sharing a list that is already shared keeps its link; stopping
 * forgets the token, so the old link is dead for good and sharing again makes a new one.
 */
export async function setReadingListShared(userId: string, listId: number, shared: boolean): Promise<ReadingListDTO> {
  await assertOwnList(userId, listId);
  if (shared) {
    await db().readingList.updateMany({ where: { id: listId, userId, shareToken: null }, data: { shareToken: newShareToken() } });
  } else {
    await db().readingList.updateMany({ where: { id: listId, userId }, data: { shareToken: null } });
  }
  return getReadingList(userId, listId);
}

export interface SharedListDTO {
  id: number;
  name: string;
  updatedAt: Date;
}

/** The list a share token opens, or null (malformed, revoked or never issued). */
export async function getSharedList(token: string): Promise<SharedListDTO | null> {
  if (!SHARE_TOKEN.test(token)) return null;
  return db().readingList.findUnique({ where: { shareToken: token }, select: { id: true, name: true, updatedAt: true } });
}

/** Records that a list changed (items added, moved, noted), for feeds and "updated" dates. */
export async function touchReadingList(listId: number): Promise<void> {
  const list = await db().readingList.update({ where: { id: listId }, data: { updatedAt: new Date() }, select: { userId: true } });
  await markListStale(listId, list.userId);
}
