import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type AsOptions, type TestUser } from "@/lib/test/users";

/**
 * Who may do what with recommendations: reading them (session or token) and "Not interested"
 * (PUT / DELETE), as the person, as another person, as an admin, signed out, cross-site; and
 * hostile query strings.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.ADMIN_EMAILS = "admin@example.org";
const recsRoute = await import("@/app/api/me/recommendations/route");
const dismissRoute = await import("@/app/api/me/recommendations/not-interested/[paper]/route");
const { createApiToken } = await import("@/lib/auth/api-tokens");
const { setUpvote } = await import("@/lib/people/upvotes");
const { drainStale } = await import("@/lib/recs/compute");

const DAY = "2026-06-01";
const id = (n: number) => `2606.${String(n).padStart(5, "0")}`;
let owner: TestUser;
let other: TestUser;
let admin: TestUser;
let ownerToken: string;

const get = async (query: string, o: AsOptions) => {
  const res = await recsRoute.GET(new NextRequest(request(`/api/me/recommendations${query}`, o)));
  return { status: res.status, body: await res.json() };
};
const dismiss = (paper: string, o: AsOptions, method = "PUT") =>
  (method === "PUT" ? dismissRoute.PUT : dismissRoute.DELETE)(
    new NextRequest(request(`/api/me/recommendations/not-interested/${paper}`, { ...o, method })),
    {
      params: Promise.resolve({ paper }),
    },
  );

beforeAll(async () => {
  const topic = [
    "Quantum error correction codes",
    "Surface codes for quantum error correction",
    "Decoding quantum codes",
    "Quantum codes on hardware",
  ];
  await ingestText(
    prisma,
    hfDocument([
      ...topic.map((t, i) => ({ id: id(i + 1), title: t, summary: `${t} in depth.`, day: DAY })),
      { id: id(9), title: "Protein folding benchmarks", summary: "Proteins.", day: DAY },
    ]),
  );
  owner = await createSignedInUser(prisma, "owner@example.org");
  other = await createSignedInUser(prisma, "other@example.org");
  admin = await createSignedInUser(prisma, "admin@example.org");
  ownerToken = (await createApiToken(owner.id, "script")).token;
  for (const n of [1, 2, 3]) await setUpvote(owner.id, (await prisma.paper.findUniqueOrThrow({ where: { arxivId: id(n) } })).id, true);
  await drainStale(prisma);
});

describe("GET /api/me/recommendations", () => {
  it("answers the person's recommendations in the daily-papers shape with a reason, by session or token", async () => {
    for (const as of [{ user: owner }, { token: ownerToken, origin: null }]) {
      const { status, body } = await get("?period=day", as);
      expect(status).toBe(200);
      expect(body[0].paper.id).toBe(id(4));
      expect(body[0].title).toBe("Quantum codes on hardware");
      expect(body[0].reason).toMatch(/^(Like “.+”|Matches .+)$/);
      // Their own upvotes are left out.
      expect(body.map((e: { paper: { id: string } }) => e.paper.id)).not.toContain(id(1));
    }
    const week = await get(`?from=${DAY}&to=${DAY}&limit=1`, { user: owner });
    expect(week.body).toHaveLength(1);
  });

  it("shows another person, or an admin, their own (none), never the owner's; signed out is 401", async () => {
    expect((await get("?period=week", { user: other })).body).toEqual([]);
    expect((await get("?period=week", { user: admin })).body).toEqual([]);
    expect((await get("?period=day", {})).status).toBe(401);
    expect((await get("?period=day", { token: "pb_not-a-token", origin: null })).status).toBe(401);
  });

  it("refuses bad parameters with 400 and says why", async () => {
    for (const q of [
      "?limit=101",
      "?limit=0",
      "?limit=abc",
      "?period=month",
      "?from=2026-06-01",
      "?from=2026-13-01&to=2026-13-02",
      "?from=2026-06-02&to=2026-06-01",
      "?from=2026-01-01&to=2026-12-31",
      "?period=day&from=2026-06-01&to=2026-06-01",
      `?from=${"9".repeat(5000)}&to=x`,
    ]) {
      const { status, body } = await get(q, { user: owner });
      expect(status, q.slice(0, 40)).toBe(400);
      expect(JSON.stringify(body).length).toBeLessThan(2000);
    }
  });
});

describe("PUT/DELETE /api/me/recommendations/not-interested/{paper}", () => {
  it("the person marks a paper and it leaves their recommendations; undo is idempotent", async () => {
    expect((await dismiss(id(4), { user: owner })).status).toBe(200);
    expect((await dismiss(id(4), { user: owner })).status).toBe(200);
    expect((await get("?period=day", { user: owner })).body.map((e: { paper: { id: string } }) => e.paper.id)).not.toContain(id(4));
    expect((await dismiss(id(4), { user: owner }, "DELETE")).status).toBe(200);
    expect((await dismiss(id(4), { user: owner }, "DELETE")).status).toBe(200);
    expect(await prisma.recDismissal.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("another person's or an admin's mark is theirs alone; signed out 401, cross-site 403, unknown paper 404", async () => {
    expect((await dismiss(id(4), { user: other })).status).toBe(200);
    expect((await dismiss(id(4), { user: admin })).status).toBe(200);
    await drainStale(prisma);
    expect((await get("?period=day", { user: owner })).body[0].paper.id).toBe(id(4));
    expect(await prisma.recDismissal.count({ where: { userId: owner.id } })).toBe(0);
    expect((await dismiss(id(4), {})).status).toBe(401);
    expect((await dismiss(id(4), { user: owner, origin: "https://evil.example" })).status).toBe(403);
    expect(await prisma.recDismissal.count({ where: { userId: owner.id } })).toBe(0);
    expect((await dismiss("2606.99999", { user: owner })).status).toBe(404);
    expect([400, 404]).toContain((await dismiss("%E0%A4%A", { user: owner })).status);
    expect([400, 404]).toContain((await dismiss("x".repeat(10_000), { user: owner })).status);
  });
});
