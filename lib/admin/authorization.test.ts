import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type TestUser } from "@/lib/test/users";
import { actAs, nextSignal } from "@/lib/admin/test-support";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);

/**
 * Who may use the admin section: every admin server action, API route and page, as an admin
 * (an address in ADMIN_EMAILS), as a plain signed-in user and signed out. Non-admins change
 * nothing: no row moves and no audit row is written.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.ADMIN_EMAILS = "Admin@Example.org, second-admin@example.org";
// The matrix's feed URL is on loopback, which feed input refuses unless private feeds are allowed.
process.env.ALLOW_PRIVATE_FEEDS = "true";

const feedActions = await import("@/app/admin/feeds/actions");
const paperActions = await import("@/app/admin/papers/actions");
const digestActions = await import("@/app/admin/digests/actions");
const uploadRoute = await import("@/app/api/admin/ingest/route");
const { createApiToken } = await import("@/lib/auth/api-tokens");
const { AppError } = await import("@/lib/errors");

let admin: TestUser;
let user: TestUser;
let feedId: number;
let paperA: number;
let paperB: number;
let sendId: number;

beforeAll(async () => {
  admin = await createSignedInUser(prisma, "admin@example.org");
  user = await createSignedInUser(prisma, "reader@example.org");
  await ingestText(
    prisma,
    hfDocument([
      { id: "2503.00001", title: "Authorization Matrix Paper One", day: "2026-03-02" },
      { id: "2503.00002", title: "Authorization Matrix Paper Two", day: "2026-03-02" },
    ]),
  );
  paperA = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: "2503.00001" } })).id;
  paperB = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: "2503.00002" } })).id;
  // The feed URL is never fetched in this file except by the admin's poll, which fails cleanly (nothing listens there).
  feedId = (await prisma.feedSource.create({ data: { name: "Matrix feed", url: "http://127.0.0.1:9/feed.json" } })).id;
  const sub = await prisma.subscription.create({ data: { email: "bounced@example.org", status: "active", confirmedAt: new Date() } });
  sendId = (
    await prisma.digestSend.create({
      data: {
        subscriptionId: sub.id,
        frequency: "daily",
        period: "2026-03-01",
        status: "gave_up",
        attempts: 5,
        lastError: "550 mailbox unavailable",
      },
    })
  ).id;
  await prisma.subscription.create({ data: { email: "complainer@example.org", status: "active", confirmedAt: new Date() } });
});

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

/** Everything an action could have changed, to compare before and after a refused call. */
async function snapshot() {
  const [feeds, papers, audits, merges, sends, subs] = await Promise.all([
    prisma.feedSource.findMany({ orderBy: { id: "asc" } }),
    prisma.paper.findMany({ orderBy: { id: "asc" }, select: { id: true, hiddenAt: true, mergedIntoId: true, userUpvotes: true } }),
    prisma.auditLog.count(),
    prisma.paperMerge.findMany({ orderBy: { id: "asc" } }),
    prisma.digestSend.findMany({ orderBy: { id: "asc" } }),
    prisma.subscription.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { feeds, papers, audits, merges, sends, subs };
}

type Action = (prev: object, form: FormData) => Promise<{ ok?: string; error?: string }>;

interface Case {
  name: string;
  action: Action;
  /** A valid call's form; made just before the admin's call, so it sees the state so far. */
  input: () => Promise<FormData> | FormData;
  /** The audit action the admin's call writes. */
  audit: string;
}

// In order: each admin call leaves the state the next one needs (create, then edit, …, merge, then undo).
const cases: Case[] = [
  {
    name: "add a feed",
    action: feedActions.createFeedAction,
    input: () => form({ url: "https://feeds.example.org/daily.json", format: "auto", pollIntervalMinutes: 60, enabled: "on" }),
    audit: "feed.create",
  },
  {
    name: "edit a feed",
    action: feedActions.updateFeedAction,
    input: () =>
      form({
        id: feedId,
        url: "http://127.0.0.1:9/feed.json",
        name: "Renamed",
        format: "hf-daily",
        pollIntervalMinutes: 30,
        enabled: "on",
      }),
    audit: "feed.update",
  },
  {
    name: "pause a feed",
    action: feedActions.setFeedEnabledAction,
    input: () => form({ id: feedId, enabled: "false" }),
    audit: "feed.pause",
  },
  {
    name: "resume a feed",
    action: feedActions.setFeedEnabledAction,
    input: () => form({ id: feedId, enabled: "true" }),
    audit: "feed.resume",
  },
  { name: "poll a feed now", action: feedActions.pollFeedNowAction, input: () => form({ id: feedId }), audit: "feed.poll" },
  {
    name: "delete a feed",
    action: feedActions.deleteFeedAction,
    input: async () =>
      form({ id: (await prisma.feedSource.findUniqueOrThrow({ where: { url: "https://feeds.example.org/daily.json" } })).id }),
    audit: "feed.delete",
  },
  {
    name: "hide a paper",
    action: paperActions.hidePaperAction,
    input: () => form({ paperId: paperA, reason: "spam" }),
    audit: "paper.hide",
  },
  { name: "unhide a paper", action: paperActions.unhidePaperAction, input: () => form({ paperId: paperA }), audit: "paper.unhide" },
  {
    name: "merge two papers",
    action: paperActions.mergePapersAction,
    input: () => form({ paperId: paperB, role: "source", other: "2503.00001" }),
    audit: "paper.merge",
  },
  {
    name: "undo a merge",
    action: paperActions.undoMergeAction,
    input: async () => form({ mergeId: (await prisma.paperMerge.findFirstOrThrow({ where: { sourceId: paperB } })).id }),
    audit: "paper.unmerge",
  },
  { name: "retry a digest", action: digestActions.retryDigestAction, input: () => form({ sendId }), audit: "digest.retry" },
  {
    name: "pause an address",
    action: digestActions.pauseAddressAction,
    input: () => form({ email: "complainer@example.org", reason: "complaint" }),
    audit: "digest.pause",
  },
];

describe("admin server actions", () => {
  for (const c of cases) {
    it(`${c.name}: refused signed out and for a plain user, done and audited for an admin`, async () => {
      const before = await snapshot();
      actAs(null);
      await expect(c.action({}, await c.input())).rejects.toMatchObject({ code: "unauthorized" });
      actAs(user);
      await expect(c.action({}, await c.input())).rejects.toSatisfy((e) => e instanceof AppError && e.code === "forbidden");
      expect(await snapshot()).toEqual(before);

      actAs(admin);
      const state = await c.action({}, await c.input());
      // Polling an address where nothing listens fails, but the poll itself was done and audited.
      if (c.audit === "feed.poll") expect(state.error).toMatch(/Poll failed/);
      else expect(state).toMatchObject({ ok: expect.any(String) });
      const audit = await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: c.audit, actorEmail: "admin@example.org" });
      expect(await prisma.auditLog.count()).toBe(before.audits + 1);
    });
  }

  it("an address merely resembling an admin's is not an admin", async () => {
    const lookalike = await createSignedInUser(prisma, "admin@example.org.evil.test");
    actAs(lookalike);
    await expect(feedActions.createFeedAction({}, form({ url: "https://x.example/feed", pollIntervalMinutes: 60 }))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("an expired session is signed out", async () => {
    const stale = await createSignedInUser(prisma, "second-admin@example.org");
    await prisma.session.updateMany({ where: { userId: stale.id }, data: { expires: new Date(Date.now() - 1000) } });
    actAs(stale);
    await expect(feedActions.createFeedAction({}, form({ url: "https://y.example/feed", pollIntervalMinutes: 60 }))).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});

describe("POST /api/admin/ingest (upload a feed file)", () => {
  const doc = hfDocument([{ id: "2503.00009", title: "Uploaded By Hand", day: "2026-03-03" }]);
  const upload = (o: Parameters<typeof request>[1]) =>
    uploadRoute.POST(new NextRequest(request("/api/admin/ingest?name=daily.json", { method: "POST", body: doc, ...o })));

  it("refuses the signed out (401), plain users (403), cross-site admin sessions (403) and non-admin tokens (403), writing nothing", async () => {
    const userToken = (await createApiToken(user.id, "script")).token;
    const runs = await prisma.ingestRun.count();
    const audits = await prisma.auditLog.count();
    expect((await upload({})).status).toBe(401);
    expect((await upload({ user })).status).toBe(403);
    expect((await upload({ user: admin, origin: "https://evil.example" })).status).toBe(403);
    expect((await upload({ token: userToken })).status).toBe(403);
    expect((await upload({ token: "pb_not_a_real_token" })).status).toBe(401);
    expect(await prisma.ingestRun.count()).toBe(runs);
    expect(await prisma.auditLog.count()).toBe(audits);
    expect(await prisma.paper.findUnique({ where: { arxivId: "2503.00009" } })).toBeNull();
  });

  it("ingests for an admin, by session or by the admin's token, and audits the run", async () => {
    const res = await upload({ user: admin });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "succeeded", new: 1, format: "hf-daily" });
    const run = await prisma.ingestRun.findUniqueOrThrow({ where: { id: body.runId } });
    expect(run).toMatchObject({ trigger: "admin", origin: "upload: daily.json", newCount: 1 });
    expect(await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "ingest.upload",
      target: `run:${body.runId}`,
      actorEmail: "admin@example.org",
    });

    const adminToken = (await createApiToken(admin.id, "uploads")).token;
    const again = await upload({ token: adminToken, origin: null });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ new: 0, unchanged: 1 });
  });
});

describe("admin pages", () => {
  // Made when the tests run (after beforeAll), as they name rows made there.
  const pages = (): { path: string; load: () => Promise<{ default: (props: never) => Promise<unknown> }>; props: () => object }[] => [
    { path: "/admin", load: () => import("@/app/admin/page"), props: () => ({}) },
    { path: "/admin/feeds", load: () => import("@/app/admin/feeds/page"), props: () => ({ searchParams: Promise.resolve({}) }) },
    {
      path: `/admin/feeds/${feedId}`,
      load: () => import("@/app/admin/feeds/[id]/page"),
      props: () => ({ params: Promise.resolve({ id: String(feedId) }) }),
    },
    { path: "/admin/runs", load: () => import("@/app/admin/runs/page"), props: () => ({ searchParams: Promise.resolve({}) }) },
    { path: "/admin/runs/1", load: () => import("@/app/admin/runs/[id]/page"), props: () => ({ params: Promise.resolve({ id: "1" }) }) },
    {
      path: "/admin/papers",
      load: () => import("@/app/admin/papers/page"),
      props: () => ({ searchParams: Promise.resolve({ q: "matrix" }) }),
    },
    {
      path: `/admin/papers/${paperA}`,
      load: () => import("@/app/admin/papers/[id]/page"),
      props: () => ({ params: Promise.resolve({ id: String(paperA) }) }),
    },
    {
      path: "/admin/digests",
      load: () => import("@/app/admin/digests/page"),
      props: () => ({ searchParams: Promise.resolve({ email: "bounced@example.org" }) }),
    },
    { path: "/admin/audit", load: () => import("@/app/admin/audit/page"), props: () => ({ searchParams: Promise.resolve({}) }) },
  ];

  it("send the signed out to sign in, answer 404 to plain users, and render for admins", async () => {
    for (const p of pages()) {
      const Page = (await p.load()).default as (props: object) => Promise<unknown>;
      const outcome = async () => {
        try {
          await Page(p.props());
          return "rendered";
        } catch (err) {
          return nextSignal(err);
        }
      };
      actAs(null);
      expect(await outcome(), p.path).toBe(`redirect /signin?callbackUrl=${encodeURIComponent(p.path)}`);
      actAs(user);
      expect(await outcome(), p.path).toBe("not found");
      actAs(admin);
      expect(await outcome(), p.path).toBe("rendered");
    }
  });

  it("an unknown feed, run or paper is a 404 for admins too", async () => {
    actAs(admin);
    const feedPage = (await import("@/app/admin/feeds/[id]/page")).default;
    await expect(feedPage({ params: Promise.resolve({ id: "999999" }) }).catch(nextSignal)).resolves.toBe("not found");
    const runPage = (await import("@/app/admin/runs/[id]/page")).default;
    await expect(runPage({ params: Promise.resolve({ id: "abc" }) }).catch(nextSignal)).resolves.toBe("not found");
  });
});
