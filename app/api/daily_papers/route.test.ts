import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { feedJson, feedText } from "@/lib/test/fixtures";
import { ingestText } from "@/lib/test/ingest";

// Next's data cache exists only inside a Next server (the e2e tests go through it); here the
// route's cached query runs every time.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const daily = await import("@/app/api/daily_papers/route");
const paperRoute = await import("@/app/api/papers/[...id]/route");
const searchRoute = await import("@/app/api/papers/search/route");

type Entry = {
  title: string;
  publishedAt: string;
  numComments: number;
  submittedBy: { name: string };
  paper: { id: string; upvotes: number; submittedOnDailyAt: string; authors: { name: string }[] };
};
const capture = feedJson<Entry[]>("hf-daily-papers-2026-08-14.json");
const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function get(query: string) {
  const res = await daily.GET(new NextRequest(`http://localhost/api/daily_papers${query}`));
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  await ingestText(prisma, feedText("hf-daily-papers-2026-08-14.json"));
  await ingestText(prisma, feedText("hf-daily-papers-2026-03-04.json"));
  await ingestText(prisma, feedText("hf-papers-page-excerpt.txt"), 2026);
});

describe("GET /api/daily_papers", () => {
  it("answers the papers featured on a day in Hugging Face's shape", async () => {
    const { status, body } = await get("?date=2026-08-14&limit=100");
    expect(status).toBe(200);
    expect(body).toHaveLength(capture.length);
    for (const entry of body as Entry[]) {
      const original = capture.find((c) => c.paper.id === entry.paper.id)!;
      expect(entry.title).toBe(original.title);
      expect(entry.publishedAt).toBe(original.publishedAt);
      expect(entry.numComments).toBe(original.numComments);
      expect(entry.submittedBy.name).toBe(original.submittedBy.name);
      expect(entry.paper.upvotes).toBe(original.paper.upvotes);
      expect(entry.paper.submittedOnDailyAt).toBe(original.paper.submittedOnDailyAt);
      expect(entry.paper.authors.map((a) => a.name)).toEqual(original.paper.authors.map((a) => a.name));
      expect(entry.publishedAt).toMatch(iso);
    }
  });

  it("defaults to the latest day, newest listing first, and never lists papers without an arXiv id", async () => {
    const { body } = await get("");
    expect((body as Entry[]).map((e) => e.paper.id).sort()).toEqual(capture.map((c) => c.paper.id).sort());
    const times = (body as Entry[]).map((e) => Date.parse(e.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("sorts by trending on request", async () => {
    const { body } = await get("?date=2026-08-14&sort=trending&limit=5");
    const upvotes = (body as Entry[]).map((e) => e.paper.upvotes);
    expect(upvotes).toEqual([...capture.map((c) => c.paper.upvotes)].sort((a, b) => b - a).slice(0, 5));
  });

  it("pages with p and limit, and answers [] past the end", async () => {
    const pages = await Promise.all([0, 1, 2, 3].map((p) => get(`?date=2026-08-14&limit=10&p=${p}`)));
    expect(pages.map((r) => r.body.length)).toEqual([10, 10, 3, 0]);
    const all = pages.flatMap((r) => (r.body as Entry[]).map((e) => e.paper.id));
    expect(new Set(all).size).toBe(23);
  });

  it("selects a week or a month", async () => {
    expect((await get("?week=2026-W33&limit=100")).body).toHaveLength(23);
    expect((await get("?month=2026-03&limit=100")).body).toHaveLength(24);
    expect((await get("?month=2026-07")).body).toEqual([]);
  });

  it("filters by submitter", async () => {
    const name = capture[0].submittedBy.name;
    const { body } = await get(`?date=2026-08-14&submitter=${encodeURIComponent(name)}`);
    expect(body.length).toBe(capture.filter((c) => c.submittedBy.name === name).length);
  });

  it.each([
    ["?date=2025-13-40", /date/],
    ["?date=2026-02-30", /date/],
    ["?week=2026-W60", /week/],
    ["?month=2026-13", /month/],
    ["?date=2026-08-14&week=2026-W33", /at most one/],
    ["?limit=0", /limit/],
    ["?limit=101", /limit/],
    ["?p=-1", /p/],
    ["?sort=random", /sort/],
  ])("answers 400 with a JSON error for %s", async (query, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });
});

describe("GET /api/papers/{id}", () => {
  const call = async (...id: string[]) => {
    const res = await paperRoute.GET(new NextRequest(`http://localhost/api/papers/${id.join("/")}`), { params: Promise.resolve({ id }) });
    return { status: res.status, body: await res.json() };
  };

  it("answers one flat paper, also for a versioned id", async () => {
    const { status, body } = await call("2608.13489");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: "2608.13489",
      title: "DreamX-Phi 1.0: Action-Conditioned Video World Model for Robotic Manipulation",
    });
    expect(body.authors[1].name).toBe("Rui Chen");
    expect(body.publishedAt).toMatch(iso);
    expect((await call("2608.13489v3")).body.id).toBe("2608.13489");
  });

  it("answers 404 for an unknown paper or a malformed id", async () => {
    expect((await call("2608.99999")).status).toBe(404);
    expect((await call("not-an-id")).status).toBe(404);
    expect((await call("hep-th", "9901001")).status).toBe(404);
  });
});

describe("GET /api/papers/search", () => {
  const call = async (query: string) => {
    const res = await searchRoute.GET(new NextRequest(`http://localhost/api/papers/search${query}`));
    return { status: res.status, body: await res.json() };
  };

  it("answers matching papers as daily entries, best match first", async () => {
    const { status, body } = await call("?q=DreamX");
    expect(status).toBe(200);
    expect(body[0].paper.id).toBe("2608.13489");
    expect(body[0].title).toMatch(/DreamX/);
  });

  it("matches the last word as a prefix while typing", async () => {
    expect((await call("?q=Dream&prefix=1")).body[0]?.paper.id).toBe("2608.13489");
  });

  it("answers 400 without a query and [] for a query with no words", async () => {
    expect((await call("")).status).toBe(400);
    expect((await call("?q=%21%21%21")).body).toEqual([]);
  });
});
