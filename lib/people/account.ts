import "server-only";
import { db } from "@/lib/db";

/**
 * Deletes a user and everything that is theirs: sessions, linked accounts, upvotes (taken off
 * the papers' counts in the same transaction), reading lists, API tokens and email
 * subscriptions (by account or by address). Nothing of theirs is left behind.
 */
export async function deleteAccount(userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return;
    // Lock the user's upvotes first so a vote racing the deletion cannot leave a count behind.
    await tx.$executeRaw`
      UPDATE papers p SET user_upvotes = p.user_upvotes - u.n
        FROM (SELECT paper_id, count(*)::int AS n FROM upvotes WHERE user_id = ${userId} GROUP BY paper_id) u
       WHERE p.id = u.paper_id`;
    await tx.upvote.deleteMany({ where: { userId } });
    await tx.subscription.deleteMany({ where: { OR: [{ userId }, ...(user.email ? [{ email: user.email }] : [])] } });
    if (user.email) await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.user.delete({ where: { id: userId } });
  });
}

export interface ProfileSummary {
  upvoteCount: number;
  lists: { id: number; name: string; isDefault: boolean; items: number; shared: boolean }[];
}

export async function profileSummary(userId: string): Promise<ProfileSummary> {
  const [upvoteCount, lists] = await Promise.all([
    db().upvote.count({ where: { userId } }),
    db().readingList.findMany({
      where: { userId },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
      select: { id: true, name: true, isDefault: true, shareToken: true, _count: { select: { items: true } } },
    }),
  ]);
  return {
    upvoteCount,
    lists: lists.map((l) => ({ id: l.id, name: l.name, isDefault: l.isDefault, items: l._count.items, shared: l.shareToken != null })),
  };
}
