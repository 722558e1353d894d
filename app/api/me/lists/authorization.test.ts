import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type AsOptions, type TestUser } from "@/lib/test/users";

/**
 * Who may do what with reading lists: every list route, as the owner (session cookie and
 * personal API token), as another person (cookie and token), signed out, with a bad token,
 * and cross-site (cookie without a same-site Origin). Someone else's list is 404, exactly
 * like a list that does not exist, and nothing about it changes.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const listsRoute = await import("@/app/api/me/lists/route");
const listRoute = await import("@/app/api/me/lists/[id]/route");
const itemRoute = await import("@/app/api/me/lists/[id]/items/[...paper]/route");
const importRoute = await import("@/app/api/me/lists/[id]/import/route");
const exportRoute = await import("@/app/api/me/lists/[id]/export/route");
const feedRoute = await import("@/app/lists/shared/[token]/feed.xml/route");
const { createApiToken } = await import("@/lib/auth/api-tokens");
const data = {
  ...(await import("@/lib/lists/lists")),
  ...(await import("@/lib/lists/items")),
  ...(await import("@/lib/lists/import")),
  ...(await import("@/lib/lists/export")),
};

const IN_LIST = "2402.00001";
const NOT_IN_LIST = "2402.00002";
const SECRET = "my private note, not for anyone else";
const EVIL = "https://evil.example";

let owner: TestUser;
let other: TestUser;
let ownerToken: string;
let otherToken: string;
let paperIn: number;

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: IN_LIST, title: "A Paper Already Saved", day: "2026-02-02" },
      { id: NOT_IN_LIST, title: "A Paper To Save", day: "2026-02-02" },
    ]),
  );
  paperIn = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: IN_LIST } })).id;
  owner = await createSignedInUser(prisma, "owner@example.org");
  other = await createSignedInUser(prisma, "other@example.org");
  ownerToken = (await createApiToken(owner.id, "script")).token;
  otherToken = (await createApiToken(other.id, "script")).token;
});

let made = 0;
/** A fresh list of the owner's holding one paper with a private note. */
async function ownersList(): Promise<number> {
  const list = await prisma.readingList.create({ data: { userId: owner.id, name: `List ${++made}` } });
  await prisma.readingListItem.create({ data: { listId: list.id, paperId: paperIn, position: 1024, note: SECRET } });
  return list.id;
}

/** Everything about a list that an attempt could change. */
async function snapshot(listId: number) {
  return prisma.readingList.findUnique({
    where: { id: listId },
    select: {
      userId: true,
      name: true,
      shareToken: true,
      updatedAt: true,
      items: { select: { paperId: true, note: true, readAt: true, position: true }, orderBy: { paperId: "asc" } },
    },
  });
}

interface RouteCase {
  name: string;
  method: string;
  path: (listId: number) => string;
  call: (req: NextRequest, listId: number) => Promise<Response>;
  body?: unknown | (() => unknown);
  mutation: boolean;
  /** The owner's status. */
  ok: number;
}

const idCtx = (listId: number) => ({ params: Promise.resolve({ id: String(listId) }) });
const itemCtx = (listId: number, paper: string) => ({ params: Promise.resolve({ id: String(listId), paper: paper.split("/") }) });

const cases: RouteCase[] = [
  {
    name: "GET one list",
    method: "GET",
    path: (id) => `/api/me/lists/${id}`,
    call: (r, id) => listRoute.GET(r, idCtx(id)),
    mutation: false,
    ok: 200,
  },
  {
    name: "PATCH rename",
    method: "PATCH",
    path: (id) => `/api/me/lists/${id}`,
    call: (r, id) => listRoute.PATCH(r, idCtx(id)),
    body: () => ({ name: `Renamed ${++made}` }),
    mutation: true,
    ok: 200,
  },
  {
    name: "PATCH share",
    method: "PATCH",
    path: (id) => `/api/me/lists/${id}`,
    call: (r, id) => listRoute.PATCH(r, idCtx(id)),
    body: { shared: true },
    mutation: true,
    ok: 200,
  },
  {
    name: "DELETE list",
    method: "DELETE",
    path: (id) => `/api/me/lists/${id}`,
    call: (r, id) => listRoute.DELETE(r, idCtx(id)),
    mutation: true,
    ok: 204,
  },
  {
    name: "PUT item",
    method: "PUT",
    path: (id) => `/api/me/lists/${id}/items/${NOT_IN_LIST}`,
    call: (r, id) => itemRoute.PUT(r, itemCtx(id, NOT_IN_LIST)),
    mutation: true,
    ok: 201,
  },
  {
    name: "DELETE item",
    method: "DELETE",
    path: (id) => `/api/me/lists/${id}/items/${IN_LIST}`,
    call: (r, id) => itemRoute.DELETE(r, itemCtx(id, IN_LIST)),
    mutation: true,
    ok: 200,
  },
  {
    name: "PATCH item note",
    method: "PATCH",
    path: (id) => `/api/me/lists/${id}/items/${IN_LIST}`,
    call: (r, id) => itemRoute.PATCH(r, itemCtx(id, IN_LIST)),
    body: { note: "overwritten" },
    mutation: true,
    ok: 200,
  },
  {
    name: "PATCH item read",
    method: "PATCH",
    path: (id) => `/api/me/lists/${id}/items/${IN_LIST}`,
    call: (r, id) => itemRoute.PATCH(r, itemCtx(id, IN_LIST)),
    body: { read: true },
    mutation: true,
    ok: 200,
  },
  {
    name: "PATCH item position",
    method: "PATCH",
    path: (id) => `/api/me/lists/${id}/items/${IN_LIST}`,
    call: (r, id) => itemRoute.PATCH(r, itemCtx(id, IN_LIST)),
    body: { position: 3 },
    mutation: true,
    ok: 200,
  },
  {
    name: "POST import",
    method: "POST",
    path: (id) => `/api/me/lists/${id}/import`,
    call: (r, id) => importRoute.POST(r, idCtx(id)),
    body: `${NOT_IN_LIST}\n`,
    mutation: true,
    ok: 200,
  },
  {
    name: "GET export bibtex",
    method: "GET",
    path: (id) => `/api/me/lists/${id}/export?format=bibtex`,
    call: (r, id) => exportRoute.GET(r, idCtx(id)),
    mutation: false,
    ok: 200,
  },
  {
    name: "GET export csv",
    method: "GET",
    path: (id) => `/api/me/lists/${id}/export?format=csv`,
    call: (r, id) => exportRoute.GET(r, idCtx(id)),
    mutation: false,
    ok: 200,
  },
];

function send(c: RouteCase, listId: number, as: AsOptions): Promise<Response> {
  return c.call(
    new NextRequest(request(c.path(listId), { method: c.method, body: typeof c.body === "function" ? c.body() : c.body, ...as })),
    listId,
  );
}

describe.each(cases)("$name", (c) => {
  it("is 401 signed out and with a token that is not valid", async () => {
    const listId = await ownersList();
    const before = await snapshot(listId);
    const anon = await send(c, listId, {});
    expect(anon.status).toBe(401);
    expect((await anon.json()).error.code).toBe("unauthorized");
    expect((await send(c, listId, { token: "pb_not-a-real-token" })).status).toBe(401);
    expect(await snapshot(listId)).toEqual(before);
  });

  it("is 404 for another person, by cookie or by token, exactly as for a list that does not exist", async () => {
    const listId = await ownersList();
    const before = await snapshot(listId);
    for (const as of [{ user: other }, { token: otherToken }, { token: otherToken, origin: EVIL }] satisfies AsOptions[]) {
      const res = await send(c, listId, as);
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(text).not.toContain(SECRET);
      const missing = await send(c, 2_000_000_000, as);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe(text);
    }
    expect(await snapshot(listId)).toEqual(before);
  });

  it("works for the owner: by cookie from our pages, and by API token from anywhere", async () => {
    const byCookie = await send(c, await ownersList(), { user: owner });
    expect(byCookie.status).toBe(c.ok);
    const byToken = await send(c, await ownersList(), { token: ownerToken, origin: EVIL });
    expect(byToken.status).toBe(c.ok);
    const noOrigin = await send(c, await ownersList(), { token: ownerToken, origin: null });
    expect(noOrigin.status).toBe(c.ok);
    if (c.name === "GET one list") expect(await byCookie.text()).toContain(SECRET);
  });
});

describe.each(cases.filter((c) => c.mutation))("$name (a change)", (c) => {
  it("is 403 for the owner's cookie from another site or with no Origin", async () => {
    const listId = await ownersList();
    const before = await snapshot(listId);
    for (const origin of [EVIL, null, "null", `http://localhost.evil.example`]) {
      const res = await send(c, listId, { user: owner, origin });
      expect(res.status, String(origin)).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect(await snapshot(listId)).toEqual(before);
  });
});

describe("GET and POST /api/me/lists", () => {
  it("lists only the viewer's own lists", async () => {
    const mine = await ownersList();
    expect((await listsRoute.GET(new NextRequest(request("/api/me/lists")))).status).toBe(401);
    const theirs = await (await listsRoute.GET(new NextRequest(request("/api/me/lists", { user: other })))).json();
    expect(theirs.lists.map((l: { name: string }) => l.name)).toEqual(["Read later"]);
    expect(theirs.lists.map((l: { id: number }) => l.id)).not.toContain(mine);
    const own = await (await listsRoute.GET(new NextRequest(request("/api/me/lists", { token: ownerToken })))).json();
    expect(own.lists.map((l: { id: number }) => l.id)).toContain(mine);
  });

  it("creates a list only for a signed-in viewer, refusing cross-site cookies", async () => {
    const post = (as: AsOptions, name: string) =>
      listsRoute.POST(new NextRequest(request("/api/me/lists", { method: "POST", body: { name }, ...as })));
    expect((await post({}, "Anon")).status).toBe(401);
    expect((await post({ user: owner, origin: EVIL }, "Evil")).status).toBe(403);
    expect((await post({ user: owner }, "By cookie")).status).toBe(201);
    expect((await post({ token: ownerToken, origin: null }, "By token")).status).toBe(201);
    expect(await prisma.readingList.count({ where: { name: { in: ["Anon", "Evil"] } } })).toBe(0);
    expect(await prisma.readingList.count({ where: { userId: owner.id, name: { in: ["By cookie", "By token"] } } })).toBe(2);
  });
});

describe("a shared list", () => {
  it("is readable by anyone with the link, without notes, and by no one after sharing stops", async () => {
    const listId = await ownersList();
    const { shareToken } = await data.setReadingListShared(owner.id, listId, true);
    const feed = (token: string) =>
      feedRoute.GET(new NextRequest(request(`/lists/shared/${token}/feed.xml`)), { params: Promise.resolve({ token }) });
    const res = await feed(shareToken!);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain("A Paper Already Saved");
    expect(xml).not.toContain(SECRET);
    // The link opens the list to read, never to change: it is no credential for the API.
    const withLink = await listRoute.PATCH(
      new NextRequest(request(`/api/me/lists/${listId}`, { method: "PATCH", body: { name: "Hijacked" }, token: shareToken! })),
      idCtx(listId),
    );
    expect(withLink.status).toBe(401);
    await data.setReadingListShared(owner.id, listId, false);
    expect((await feed(shareToken!)).status).toBe(404);
    expect(await data.getSharedList(shareToken!)).toBeNull();
  });
});

describe("the data layer behind the pages", () => {
  it("refuses every read and change of another person's list as not_found", async () => {
    const listId = await ownersList();
    const before = await snapshot(listId);
    const attempts: [string, () => Promise<unknown>][] = [
      ["getReadingList", () => data.getReadingList(other.id, listId)],
      ["listEntries", () => data.listEntries(other.id, listId, { sort: "manual", filter: "all" })],
      ["renameReadingList", () => data.renameReadingList(other.id, listId, "Mine now")],
      ["deleteReadingList", () => data.deleteReadingList(other.id, listId)],
      ["setReadingListShared", () => data.setReadingListShared(other.id, listId, true)],
      ["addToList", () => data.addToList(other.id, listId, paperIn)],
      ["removeFromList", () => data.removeFromList(other.id, listId, paperIn)],
      ["updateListItem", () => data.updateListItem(other.id, listId, paperIn, { note: "x", read: true, position: 0 })],
      ["importIntoList", () => data.importIntoList(other.id, listId, NOT_IN_LIST)],
      ["exportReadingList", () => data.exportReadingList(other.id, listId, "csv", "http://localhost")],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await snapshot(listId)).toEqual(before);
    expect(await data.listsHoldingPaper(other.id, paperIn)).toEqual([]);
  });
});
