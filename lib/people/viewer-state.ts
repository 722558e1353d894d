import "server-only";
import { isAdmin } from "@/lib/auth/admin";
import { db } from "@/lib/db";
import { upvotedAmong } from "@/lib/people/upvotes";

export interface ListSummary {
  id: number;
  name: string;
  isDefault: boolean;
}

/** What the pages need to know about the viewer for the papers on screen. */
export interface ViewerPaperState {
  user: { name: string | null; email: string | null; isAdmin: boolean } | null;
  /** The live upvote count of each paper asked about: pages may be served from a cache. */
  counts: Record<number, number>;
  upvoted: number[];
  lists: ListSummary[];
  /** paper id → ids of the viewer's lists holding it. */
  saved: Record<number, number[]>;
}

/** Every user has a "Read later" list; made on first need, safe under concurrency. */
export async function ensureDefaultList(userId: string): Promise<ListSummary> {
  const existing = await db().readingList.findFirst({
    where: { userId, isDefault: true },
    select: { id: true, name: true, isDefault: true },
  });
  if (existing) return existing;
  await db()
    .$executeRaw`INSERT INTO reading_lists (user_id, name, is_default, updated_at) VALUES (${userId}, 'Read later', true, now()) ON CONFLICT (user_id, name) DO NOTHING`;
  return db().readingList.findFirstOrThrow({ where: { userId, name: "Read later" }, select: { id: true, name: true, isDefault: true } });
}

/** Live counts of the papers on a page, for everyone, signed in or not. */
export async function liveUpvoteCounts(paperIds: number[]): Promise<Record<number, number>> {
  if (paperIds.length === 0) return {};
  const rows = await db().paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, upvotes: true, userUpvotes: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.upvotes + r.userUpvotes]));
}

export async function viewerPaperState(
  user: { id: string; name: string | null; email: string | null },
  paperIds: number[],
): Promise<ViewerPaperState> {
  await ensureDefaultList(user.id);
  // isAdmin asks the database (is the address verified?) only for addresses in ADMIN_EMAILS.
  const [counts, upvoted, lists, items, admin] = await Promise.all([
    liveUpvoteCounts(paperIds),
    upvotedAmong(user.id, paperIds),
    db().readingList.findMany({
      where: { userId: user.id },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
      select: { id: true, name: true, isDefault: true },
    }),
    paperIds.length
      ? db().readingListItem.findMany({
          where: { paperId: { in: paperIds }, list: { userId: user.id } },
          select: { paperId: true, listId: true },
        })
      : Promise.resolve([]),
    isAdmin(user),
  ]);
  const saved: Record<number, number[]> = {};
  for (const item of items) (saved[item.paperId] ??= []).push(item.listId);
  return { user: { name: user.name, email: user.email, isAdmin: admin }, counts, upvoted, lists, saved };
}
