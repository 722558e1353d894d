import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { serveHandler } from "@/lib/test/http-server";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type TestUser } from "@/lib/test/users";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const route = await import("@/app/api/me/upvotes/[paper]/route");
const stateRoute = await import("@/app/api/me/state/route");
const { createApiToken, revokeApiToken } = await import("@/lib/auth/api-tokens");
const { listFeaturedPapers } = await import("@/lib/data/papers");
const { dayRange } = await import("@/lib/papers/dates");

const ctx = (paper: string) => ({ params: Promise.resolve({ paper }) });
const put = (paper: string, o: Parameters<typeof request>[1] = {}) =>
  route.PUT(new NextRequest(request(`/api/me/upvotes/${paper}`, { method: "PUT", ...o })), ctx(paper));
const del = (paper: string, o: Parameters<typeof request>[1] = {}) =>
  route.DELETE(new NextRequest(request(`/api/me/upvotes/${paper}`, { method: "DELETE", ...o })), ctx(paper));
const shown = async (arxivId: string) => {
  const p = await prisma.paper.findUniqueOrThrow({ where: { arxivId } });
  return p.upvotes + p.userUpvotes;
};

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2603.00001", title: "Crowded Paper", upvotes: 10, day: "2026-03-02" },
      { id: "2603.00002", title: "Quiet Paper", upvotes: 11, day: "2026-03-02" },
      { id: "2603.00003", title: "Rate Limited Paper", upvotes: 0, day: "2026-03-02" },
    ]),
  );
  alice = await createSignedInUser(prisma, "alice@example.org");
  bob = await createSignedInUser(prisma, "Bob@Example.org");
});

describe("upvoting", () => {
  it("adds one upvote per user, on top of the feed's count, and takes it back", async () => {
    const res = await put("2603.00002", { user: alice });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ upvoted: true, upvotes: 12 });
    expect(await (await put("2603.00002v3", { user: alice })).json()).toEqual({ upvoted: true, upvotes: 12 });
    expect(await (await put("2603.00002", { user: bob })).json()).toEqual({ upvoted: true, upvotes: 13 });
    expect(await (await del("2603.00002", { user: alice })).json()).toEqual({ upvoted: false, upvotes: 12 });
    expect(await (await del("2603.00002", { user: alice })).json()).toEqual({ upvoted: false, upvotes: 12 });
    expect(await shown("2603.00002")).toBe(12);
  });

  it("a re-ingest of the feed keeps local upvotes", async () => {
    await ingestText(prisma, hfDocument([{ id: "2603.00002", title: "Quiet Paper", upvotes: 20, day: "2026-03-02" }]));
    expect(await shown("2603.00002")).toBe(21);
  });

  it("local upvotes move a paper up the trending order", async () => {
    const order = async () =>
      (await listFeaturedPapers({ range: dayRange("2026-03-02"), sort: "trending", limit: 10, offset: 0 })).papers.map((p) => p.arxivId);
    expect((await order())[0]).toBe("2603.00002");
    const voters = await Promise.all(Array.from({ length: 15 }, (_, i) => createSignedInUser(prisma, `fan${i}@example.org`)));
    for (const v of voters) await put("2603.00001", { user: v });
    expect((await order())[0]).toBe("2603.00001");
  });

  it("200 different users upvoting at the same moment, over real HTTP, add exactly 200", async () => {
    const base = await serveHandler((r) => route.PUT(new NextRequest(r), ctx("2603.00001")));
    const users = await Promise.all(Array.from({ length: 200 }, (_, i) => createSignedInUser(prisma, `crowd${i}@example.org`)));
    const before = await shown("2603.00001");
    const answers = await Promise.all(
      users.map((u) => fetch(`${base}/api/me/upvotes/2603.00001`, { method: "PUT", headers: { cookie: u.cookie, origin: base } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(200));
    expect(await shown("2603.00001")).toBe(before + 200);
    expect(await prisma.upvote.count({ where: { paper: { arxivId: "2603.00001" } } })).toBe(200 + 15);
  });

  it("one user's double click (two requests at once) adds one", async () => {
    const before = await shown("2603.00001");
    const results = await Promise.all(Array.from({ length: 5 }, () => put("2603.00001", { user: alice })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await shown("2603.00001")).toBe(before + 1);
  });
});

describe("who may upvote", () => {
  it("signed out: 401, nothing counted", async () => {
    const before = await shown("2603.00002");
    const res = await put("2603.00002");
    expect(res.status).toBe(401);
    expect(await shown("2603.00002")).toBe(before);
  });

  it("a cookie-carrying request from another site (CSRF) is refused", async () => {
    const before = await shown("2603.00002");
    expect((await put("2603.00002", { user: bob, origin: "https://evil.example" })).status).toBe(403);
    expect((await del("2603.00002", { user: bob, origin: null })).status).toBe(403);
    expect(await shown("2603.00002")).toBe(before);
  });

  it("a personal API token works without an Origin, and stops working once revoked", async () => {
    const { token, summary } = await createApiToken(bob.id, "script");
    const before = await shown("2603.00002");
    expect((await put("2603.00001", { token, origin: null })).status).toBe(200);
    await revokeApiToken(bob.id, summary.id);
    const res = await del("2603.00001", { token, origin: null });
    expect(res.status).toBe(401);
    expect(await shown("2603.00002")).toBe(before);
    expect(await prisma.apiToken.count({ where: { userId: bob.id } })).toBe(0);
  });

  it("tokens are stored hashed, and nobody revokes another user's token", async () => {
    const { token, summary } = await createApiToken(alice.id, "laptop");
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.tokenHash).not.toContain(token.slice(3));
    await expect(revokeApiToken(bob.id, summary.id)).rejects.toThrow(/No such token/);
    expect((await put("2603.00002", { token, origin: null })).status).toBe(200);
  });

  it("an unknown paper is 404", async () => {
    expect((await put("2699.99999", { user: alice })).status).toBe(404);
  });

  it("mutations are rate-limited per user", async () => {
    const user = await createSignedInUser(prisma, "hasty@example.org");
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await (i % 2 ? del : put)("2603.00003", { user })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await put("2603.00003", { user });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Someone else is not slowed down by it.
    expect((await put("2603.00003", { user: bob })).status).toBe(200);
  });
});

describe("the viewer's state for a page", () => {
  it("lists the viewer's own upvotes among the papers asked about, and nothing when signed out", async () => {
    const ids = (await prisma.paper.findMany({ select: { id: true, arxivId: true } })).filter(
      (p) => p.arxivId === "2603.00001" || p.arxivId === "2603.00002",
    );
    const q = `/api/me/state?papers=${ids.map((p) => p.id).join(",")}`;
    const asBob = await (await stateRoute.GET(new NextRequest(request(q, { user: bob })))).json();
    expect(asBob.user.email).toBe("bob@example.org");
    expect(asBob.lists.map((l: { name: string }) => l.name)).toEqual(["Read later"]);
    const bobVoted = new Set(
      (await prisma.upvote.findMany({ where: { userId: bob.id, paperId: { in: ids.map((p) => p.id) } } })).map((u) => u.paperId),
    );
    expect(new Set(asBob.upvoted)).toEqual(bobVoted);
    const anon = await (await stateRoute.GET(new NextRequest(request(q)))).json();
    const live = await prisma.paper.findMany({ where: { id: { in: ids.map((p) => p.id) } } });
    const counts = Object.fromEntries(live.map((p) => [String(p.id), p.upvotes + p.userUpvotes]));
    expect(anon).toEqual({ user: null, counts, upvoted: [], lists: [], saved: {} });
    expect(asBob.counts).toEqual(counts);
    expect(asBob.user.isAdmin).toBe(false);
    expect((await stateRoute.GET(new NextRequest(request("/api/me/state?papers=1,x", { user: bob })))).status).toBe(400);
  });
});
