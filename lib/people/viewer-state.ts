import "server-only";
import { db } from "@/lib/db";
import { upvotedAmong } from "@/lib/people/upvotes";

export interface ListSummary {
  id: number;
  name: string;
  isDefault: boolean;
}

/** What the pages need to know about the viewer for the papers on screen. */
export interface ViewerPaperState {
  user: { name: string | null; email: string | null } | null;
  upvoted: number[];
  lists: ListSummary[];
  /** paper id → ids of the viewer's lists holding it. */
  saved: Record<number, number[]>;
}

/** Every user has a "Read later" list; made on first need, safe under concurrency. */
export async function ensureDefaultList(userId: string): Promise<ListSummary> {
  const existing = await db().readingList.findFirst({ where: { userId, isDefault: true }, select: { id: true, name: true, isDefault: true } });
  if (existing) return existing;
  await db().$executeRaw`INSERT INTO reading_lists (user_id, name, is_default, updated_at) VALUES (${userId}, 'Read later', true, now()) ON CONFLICT (user_id, name) DO NOTHING`;
  return db().readingList.findFirstOrThrow({ where: { userId, name: "Read later" }, select: { id: true, name: true, isDefault: true } });
}

export async function viewerPaperState(user: { id: string; name: string | null; email: string | null }, paperIds: number[]): Promise<ViewerPaperState> {
  await ensureDefaultList(user.id);
  const [upvoted, lists, items] = await Promise.all([
    upvotedAmong(user.id, paperIds),
    db().readingList.findMany({ where: { userId: user.id }, orderBy: [{ isDefault: "desc" }, { name: "asc" }], select: { id: true, name: true, isDefault: true } }),
    paperIds.length
      ? db().readingListItem.findMany({ where: { paperId: { in: paperIds }, list: { userId: user.id } }, select: { paperId: true, listId: true } })
      : Promise.resolve([]),
  ]);
  const saved: Record<number, number[]> = {};
  for (const item of items) (saved[item.paperId] ??= []).push(item.listId);
  return { user: { name: user.name, email: user.email }, upvoted, lists, saved };
}
