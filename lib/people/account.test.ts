import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser } from "@/lib/test/users";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { deleteAccount, profileSummary } = await import("@/lib/people/account");
const { setUpvote } = await import("@/lib/people/upvotes");
const { createApiToken, userForApiToken } = await import("@/lib/auth/api-tokens");
const { ensureDefaultList } = await import("@/lib/people/viewer-state");

describe("deleting an account", () => {
  it("removes the user's data and takes their upvotes off the counts, leaving others' alone", async () => {
    await ingestText(prisma, hfDocument([{ id: "2604.00001", title: "Kept Paper", upvotes: 3, day: "2026-04-01" }]));
    const paper = await prisma.paper.findUniqueOrThrow({ where: { arxivId: "2604.00001" } });
    const leaving = await createSignedInUser(prisma, "leaving@example.org");
    const staying = await createSignedInUser(prisma, "staying@example.org");
    await setUpvote(leaving.id, paper.id, true);
    await setUpvote(staying.id, paper.id, true);
    const list = await ensureDefaultList(leaving.id);
    await prisma.readingListItem.create({ data: { listId: list.id, paperId: paper.id, position: 1, note: "private thoughts" } });
    const { token } = await createApiToken(leaving.id, "script");
    await prisma.subscription.create({ data: { email: "leaving@example.org", status: "active" } });

    expect((await profileSummary(leaving.id)).upvoteCount).toBe(1);
    await deleteAccount(leaving.id);

    const after = await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } });
    expect(after.upvotes + after.userUpvotes).toBe(4);
    expect(await prisma.user.count({ where: { id: leaving.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await prisma.readingListItem.count({ where: { note: "private thoughts" } })).toBe(0);
    expect(await prisma.subscription.count({ where: { email: "leaving@example.org" } })).toBe(0);
    expect(await userForApiToken(token)).toBeNull();
    expect(await prisma.upvote.count({ where: { userId: staying.id } })).toBe(1);
  });

  it("gives every user one Read later list, even when asked for it twice at once", async () => {
    const user = await createSignedInUser(prisma, "twice@example.org");
    const [a, b] = await Promise.all([ensureDefaultList(user.id), ensureDefaultList(user.id)]);
    expect(a.id).toBe(b.id);
    expect(await prisma.readingList.count({ where: { userId: user.id } })).toBe(1);
  });
});
