import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type AsOptions, type TestUser } from "@/lib/test/users";
import { actAs } from "@/lib/admin/test-support";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);
const queued: number[] = [];
vi.mock("@/lib/jobs/queue", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/jobs/queue")>()),
  getBoss: async () => ({ send: async (_q: string, data: { commentId: number }) => (queued.push(data.commentId), "job") }),
}));

/**
 * The discussion's routes and admin actions as the comment's author, another person, an admin and
 * someone signed out: who may change what, and that nobody else changes anything. Then the counts
 * (the paper's numComments) under concurrent posting, and what the thread shows.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.ADMIN_EMAILS = "admin@example.org";
process.env.COMMENTS_PER_HOUR = "1000";

const threadRoute = await import("@/app/api/discussions/[paper]/route");
const followRoute = await import("@/app/api/discussions/[paper]/follow/route");
const commentRoute = await import("@/app/api/comments/[id]/route");
const reportRoute = await import("@/app/api/comments/[id]/report/route");
const previewRoute = await import("@/app/api/comments/preview/route");
const paperApi = await import("@/app/api/papers/[...id]/route");
const actions = await import("@/app/admin/comments/actions");

const PAPER = "2405.00001";
let paperId: number;
let author: TestUser;
let other: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await ingestText(prisma, hfDocument([{ id: PAPER, title: "Discussed Paper", day: "2026-05-02" }]));
  paperId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: PAPER } })).id;
  // The feeds' own count, which local comments add to.
  await prisma.paper.update({ where: { id: paperId }, data: { numComments: 7 } });
  author = await createSignedInUser(prisma, "author@example.org");
  other = await createSignedInUser(prisma, "other@example.org");
  admin = await createSignedInUser(prisma, "admin@example.org");
});

function nreq(path: string, o: AsOptions = {}) {
  return new NextRequest(request(path, o));
}
const paperCtx = (paper: string | number = paperId) => ({ params: Promise.resolve({ paper: String(paper) }) });
const idCtx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

async function post(body: unknown, user?: TestUser, origin?: string | null) {
  return threadRoute.POST(nreq(`/api/discussions/${paperId}`, { method: "POST", user, body, origin }), paperCtx());
}
async function newComment(user: TestUser, body = "A comment", parentId?: number): Promise<number> {
  const res = await post({ body, parentId }, user);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}
async function row(id: number) {
  return prisma.comment.findUnique({ where: { id }, select: { body: true, deletedAt: true, hiddenAt: true, reportCount: true } });
}
async function thread(user?: TestUser) {
  const res = await threadRoute.GET(nreq(`/api/discussions/${paperId}`, { user }), paperCtx());
  expect(res.status).toBe(200);
  return res.json();
}

describe("posting", () => {
  it("a signed-in person comments and replies; signed out or cross-site is refused and nothing is stored", async () => {
    const before = await prisma.comment.count();
    expect((await post({ body: "hi" })).status).toBe(401);
    expect((await post({ body: "hi" }, author, "https://evil.example")).status).toBe(403);
    expect(await prisma.comment.count()).toBe(before);

    const id = await newComment(author, "First $E=mc^2$");
    const reply = await newComment(other, "A reply", id);
    // A reply to a reply goes under the same top-level comment (one level, as on Hugging Face).
    const nested = await newComment(author, "A reply to the reply", reply);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: nested } })).parentId).toBe(id);
    expect(queued).toEqual(expect.arrayContaining([id, reply, nested]));
    // Commenting follows the discussion.
    expect(await prisma.discussionFollow.count({ where: { paperId, userId: { in: [author.id, other.id] } } })).toBe(2);
  });

  it("refuses an empty comment, an over-long one and an oversized body with clear messages", async () => {
    const empty = await post({ body: "   " }, author);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/Write something/);
    const long = await post({ body: "x".repeat(20_001) }, author);
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toMatch(/at most 20,000 characters/);
    const huge = await post({ body: "x".repeat(300_000) }, author);
    expect(huge.status).toBe(413);
    const junk = await threadRoute.POST(
      nreq(`/api/discussions/${paperId}`, { method: "POST", user: author, body: "{not json" }),
      paperCtx(),
    );
    expect(junk.status).toBe(400);
  });

  it("a reply to a comment of another paper, or to a deleted one, is refused", async () => {
    const res = await post({ body: "x", parentId: 2_000_000 }, author);
    expect(res.status).toBe(404);
  });

  it("the preview is the rendered comment, for signed-in people only", async () => {
    const res = await previewRoute.POST(
      nreq("/api/comments/preview", { method: "POST", user: other, body: { body: "**b** <script>x</script>" } }),
    );
    expect((await res.json()).html).toBe("<p><strong>b</strong> &lt;script&gt;x&lt;/script&gt;</p>\n");
    expect((await previewRoute.POST(nreq("/api/comments/preview", { method: "POST", body: { body: "b" } }))).status).toBe(401);
  });

  it("counts each person's comments against their hourly budget", async () => {
    process.env.COMMENTS_PER_HOUR = "2";
    const spammer = await createSignedInUser(prisma, "spammer@example.org");
    expect((await post({ body: "1" }, spammer)).status).toBe(201);
    expect((await post({ body: "2" }, spammer)).status).toBe(201);
    const third = await post({ body: "3" }, spammer);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBeTruthy();
    process.env.COMMENTS_PER_HOUR = "1000";
  });
});

describe("who may change a comment", () => {
  const edit = (id: number, user?: TestUser) =>
    commentRoute.PATCH(nreq(`/api/comments/${id}`, { method: "PATCH", user, body: { body: "changed" } }), idCtx(id));
  const del = (id: number, user?: TestUser) => commentRoute.DELETE(nreq(`/api/comments/${id}`, { method: "DELETE", user }), idCtx(id));
  const report = (id: number, user?: TestUser) =>
    reportRoute.POST(nreq(`/api/comments/${id}/report`, { method: "POST", user, body: { reason: "spam" } }), idCtx(id));

  it("edit: only the author; another person, an admin and signed out change nothing", async () => {
    const id = await newComment(author, "original");
    expect((await edit(id, other)).status).toBe(404);
    expect((await edit(id, admin)).status).toBe(404);
    expect((await edit(id)).status).toBe(401);
    expect((await row(id))?.body).toBe("original");
    const ok = await edit(id, author);
    expect(ok.status).toBe(200);
    expect((await row(id))?.body).toBe("changed");
  });

  it("delete: only the author (admins remove instead); a comment with replies stays as 'deleted'", async () => {
    const id = await newComment(author, "to delete");
    await newComment(other, "an answer", id);
    for (const who of [other, admin, undefined]) expect((await del(id, who)).status).toBe(who ? 404 : 401);
    expect((await row(id))?.deletedAt).toBeNull();
    expect((await del(id, author)).status).toBe(204);
    const r = await row(id);
    expect(r?.deletedAt).not.toBeNull();
    expect(r?.body).toBe("");
    const shown = (await thread(other)).comments.find((c: { id: number }) => c.id === id);
    expect(shown).toMatchObject({ state: "deleted", html: "", author: "" });
    expect(shown.replies).toHaveLength(1);
  });

  it("delete of a comment nobody answered removes it; the last reply's deletion clears a deleted parent", async () => {
    const lone = await newComment(author, "alone");
    expect((await del(lone, author)).status).toBe(204);
    expect(await row(lone)).toBeNull();
    const parent = await newComment(author, "parent");
    const reply = await newComment(other, "reply", parent);
    await del(parent, author);
    await del(reply, other);
    expect(await row(parent)).toBeNull();
  });

  it("report: anyone signed in but the author, once each", async () => {
    const id = await newComment(author, "questionable");
    expect((await report(id)).status).toBe(401);
    expect((await report(id, author)).status).toBe(400);
    expect(await (await report(id, other)).json()).toEqual({ reported: true });
    expect(await (await report(id, other)).json()).toEqual({ reported: false });
    expect((await report(id, admin)).status).toBe(200);
    expect((await row(id))?.reportCount).toBe(2);
  });

  it("follow: signed-in people only, idempotent", async () => {
    const put = (user?: TestUser) => followRoute.PUT(nreq(`/api/discussions/${paperId}/follow`, { method: "PUT", user }), paperCtx());
    const remove = (user?: TestUser) =>
      followRoute.DELETE(nreq(`/api/discussions/${paperId}/follow`, { method: "DELETE", user }), paperCtx());
    expect((await put()).status).toBe(401);
    expect((await remove()).status).toBe(401);
    expect(await (await remove(admin)).json()).toEqual({ following: false });
    expect(await (await put(admin)).json()).toEqual({ following: true });
    expect(await (await put(admin)).json()).toEqual({ following: true });
    expect((await thread(admin)).viewer).toMatchObject({ following: true, isAdmin: true });
    expect((await thread()).viewer).toBeNull();
  });

  it("hide, show again, remove, dismiss: admins only, each in the audit log", async () => {
    const id = await newComment(author, "moderate me");
    const form = () => {
      const f = new FormData();
      f.set("commentId", String(id));
      f.set("reason", "off-topic");
      return f;
    };
    for (const [who, code] of [
      [author, "forbidden"],
      [other, "forbidden"],
      [null, "unauthorized"],
    ] as const) {
      actAs(who);
      for (const action of [
        actions.hideCommentAction,
        actions.removeCommentAction,
        actions.dismissReportsAction,
        actions.unhideCommentAction,
      ]) {
        await expect(action({}, form())).rejects.toMatchObject({ code });
      }
    }
    expect(await row(id)).toMatchObject({ hiddenAt: null, deletedAt: null, body: "moderate me" });
    expect(await prisma.auditLog.count({ where: { target: { startsWith: `comment:${id} ` } } })).toBe(0);

    actAs(admin);
    expect(await actions.hideCommentAction({}, form())).toMatchObject({ ok: expect.stringContaining("Hidden") });
    expect((await row(id))?.hiddenAt).not.toBeNull();
    expect((await thread(other)).comments.some((c: { id: number }) => c.id === id)).toBe(false);
    expect(await actions.unhideCommentAction({}, form())).toMatchObject({ ok: "Shown again." });
    expect(await actions.removeCommentAction({}, form())).toMatchObject({ ok: expect.stringContaining("Removed") });
    expect(await row(id)).toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { target: { startsWith: `comment:${id} ` } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["comment.hide", "admin@example.org"],
      ["comment.unhide", "admin@example.org"],
      ["comment.remove", "admin@example.org"],
    ]);
  });
});

describe("counts", () => {
  it("numComments is the feeds' count plus the comments shown here, exact under concurrent posting", async () => {
    const shown = async () => prisma.comment.count({ where: { paperId, deletedAt: null, hiddenAt: null } });
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => createSignedInUser(prisma, `crowd${i}@example.org`)));
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => post({ body: `comment ${i}` }, people[i % people.length])));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const local = await shown();
    const paper = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, select: { userComments: true } });
    expect(paper.userComments).toBe(local);
    const api = await (await paperApi.GET(nreq(`/api/papers/${PAPER}`), { params: Promise.resolve({ id: [PAPER] }) })).json();
    expect(api.numComments).toBe(7 + local);
    expect((await thread()).count).toBe(local);

    // Deleting concurrently with posting keeps the count exact too.
    const mine = await prisma.comment.findMany({ where: { paperId, userId: people[0].id }, select: { id: true } });
    await Promise.all([
      ...mine.map((c) => commentRoute.DELETE(nreq(`/api/comments/${c.id}`, { method: "DELETE", user: people[0] }), idCtx(c.id))),
      ...Array.from({ length: 10 }, (_, i) => post({ body: `more ${i}` }, people[1])),
    ]);
    const after = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, select: { userComments: true } });
    expect(after.userComments).toBe(await shown());
  });

  it("a person's account going takes their comments and the count with it", async () => {
    const leaver = await createSignedInUser(prisma, "leaver@example.org");
    await newComment(leaver, "bye");
    await prisma.user.delete({ where: { id: leaver.id } });
    const paper = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, select: { userComments: true } });
    expect(paper.userComments).toBe(await prisma.comment.count({ where: { paperId, deletedAt: null, hiddenAt: null } }));
  });
});

describe("the thread", () => {
  it("shows the author's source only to them, and never an address", async () => {
    const id = await newComment(author, "my *source*");
    const mine = (await thread(author)).comments.find((c: { id: number }) => c.id === id);
    expect(mine).toMatchObject({ mine: true, source: "my *source*", html: "<p>my <em>source</em></p>\n" });
    const theirs = (await thread(other)).comments.find((c: { id: number }) => c.id === id);
    expect(theirs.mine).toBe(false);
    expect(theirs.source).toBeUndefined();
    expect(JSON.stringify(await thread())).not.toContain("@example.org");
  });

  it("an unknown paper is 404", async () => {
    const res = await threadRoute.GET(nreq("/api/discussions/99999999"), paperCtx(99999999));
    expect(res.status).toBe(404);
  });
});

describe("discussion emails setting", () => {
  it("a person turns their own discussion emails off and on in /settings/email; signed out changes nothing", async () => {
    const settings = await import("@/app/settings/email/actions");
    const form = (on: boolean) => {
      const f = new FormData();
      f.set("on", String(on));
      return f;
    };
    actAs(null);
    await expect(settings.discussionEmailsAction(form(false))).rejects.toMatchObject({ code: "unauthorized" });
    actAs(other);
    await settings.discussionEmailsAction(form(false));
    const emails = async (u: TestUser) => (await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).discussionEmails;
    expect(await emails(other)).toBe(false);
    expect(await emails(author)).toBe(true); // only the person asking
    expect((await thread(other)).viewer.emails).toBe(false);
    await settings.discussionEmailsAction(form(true));
    expect(await emails(other)).toBe(true);
  });
});
