import "server-only";
import { db } from "@/lib/db";
import { verifyDiscussionUnsubscribeToken } from "@/lib/comments/tokens";

/** What the thread needs to know about the signed-in viewer. */
export interface DiscussionViewer {
  following: boolean;
  isAdmin: boolean;
  /** Discussion emails are on for this person (they may have turned them off in /settings/email). */
  emails: boolean;
}

export async function discussionViewer(userId: string, paperId: number, admin: () => Promise<boolean>): Promise<DiscussionViewer> {
  const [follow, user, isAdmin] = await Promise.all([
    db().discussionFollow.findUnique({ where: { userId_paperId: { userId, paperId } }, select: { paperId: true } }),
    db().user.findUnique({ where: { id: userId }, select: { discussionEmails: true } }),
    admin(),
  ]);
  return { following: follow !== null, isAdmin, emails: user?.discussionEmails ?? false };
}

/** Turns a person's discussion emails on or off (settings page, unsubscribe link). */
export async function setDiscussionEmails(userId: string, on: boolean): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { discussionEmails: on } });
}

/** The person a discussion unsubscribe link names, with their address (masked by the page), or null. */
export async function findByDiscussionToken(token: string): Promise<{ id: string; email: string | null; emails: boolean } | null> {
  const userId = verifyDiscussionUnsubscribeToken(token);
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, discussionEmails: true } });
  return user ? { id: user.id, email: user.email, emails: user.discussionEmails } : null;
}

/** Turns discussion emails off for the person a link names; idempotent. False when the link is not valid. */
export async function unsubscribeDiscussionsWithToken(token: string): Promise<boolean> {
  const target = await findByDiscussionToken(token);
  if (!target) return false;
  await setDiscussionEmails(target.id, false);
  return true;
}
