import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { startArxivStandIn, standInEntry, standInFeed, type ArxivStandIn } from "@/lib/test/arxiv-stand-in";
import { failInsertOf, hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, type TestUser } from "@/lib/test/users";

vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);

/**
 * Submitting a paper, end to end below the page: the stand-in answers as arXiv does, the rows
 * land in a real Postgres, and the HF-compatible API shows the submitter.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.SUBMISSIONS_PER_DAY = "5";
process.env.SUBMISSION_MAX_AGE_DAYS = "7";
const arxiv: ArxivStandIn = await startArxivStandIn();
process.env.ARXIV_API_URL = arxiv.url;
afterAll(() => arxiv.close());

const { submitPaper } = await import("@/lib/submissions/submit");
const { removeSubmission } = await import("@/lib/submissions/admin");
const daily = await import("@/app/api/daily_papers/route");

const today = new Date().toISOString().slice(0, 10);
const todayDate = new Date(`${today}T00:00:00Z`);
const fresh = () => new Date(Date.now() - 3_600_000);
let n = 0;
/** A new arXiv id the stand-in knows, published an hour ago unless said otherwise. */
function paper(o: { published?: Date; withdrawn?: boolean; title?: string } = {}): string {
  const id = `2612.${String(10000 + ++n)}`;
  arxiv.papers.set(id, { published: o.published ?? fresh(), withdrawn: o.withdrawn, title: o.title ?? `Submitted paper number ${n}` });
  return id;
}

async function named(email: string, name: string | null): Promise<TestUser> {
  const u = await createSignedInUser(prisma, email);
  if (name) await prisma.user.update({ where: { id: u.id }, data: { name } });
  return u;
}

async function rowsFor(arxivId: string) {
  const p = await prisma.paper.findUnique({ where: { arxivId }, select: { id: true, features: true, submissions: true } });
  return { paper: p, features: p?.features ?? [], submissions: p?.submissions ?? [] };
}

let ada: TestUser;
let bob: TestUser;
beforeAll(async () => {
  ada = await named("ada@example.org", "Ada Lovelace");
  bob = await named("bob@example.org", "Bob Babbage");
});

describe("submitPaper", () => {
  it("stores the paper, features it today with the person's name, and the HF API carries them", async () => {
    const id = paper({ title: "A paper worth reading today" });
    const result = await submitPaper({ userId: ada.id, arxiv: `https://arxiv.org/abs/${id}v2` });
    expect(result).toMatchObject({ arxivId: id, day: today, paperHref: `/papers/${id}`, dayHref: `/papers?date=${today}` });
    const { features, submissions } = await rowsFor(id);
    expect(features).toHaveLength(1);
    expect(features[0]).toMatchObject({ day: todayDate, submitterFullname: "Ada Lovelace" });
    expect(features[0].submitterName).toMatch(/^~ada-lovelace-[a-z0-9]{6}$/);
    expect(submissions).toHaveLength(1);

    const res = await daily.GET(new NextRequest(`http://localhost/api/daily_papers?date=${today}&limit=100`));
    const body = (await res.json()) as { title: string; submittedBy: { name: string; fullname: string } }[];
    const entry = body.find((e) => e.title === "A paper worth reading today");
    expect(entry?.submittedBy).toMatchObject({ name: features[0].submitterName, fullname: "Ada Lovelace" });
    const bySubmitter = await daily.GET(
      new NextRequest(`http://localhost/api/daily_papers?date=${today}&submitter=${encodeURIComponent(features[0].submitterName!)}`),
    );
    expect(((await bySubmitter.json()) as { title: string }[]).map((e) => e.title)).toContain("A paper worth reading today");
  });

  it("does not feature a paper twice on a day, and says where it is", async () => {
    const id = paper();
    await submitPaper({ userId: ada.id, arxiv: id });
    await expect(submitPaper({ userId: bob.id, arxiv: id })).rejects.toMatchObject({
      code: "conflict",
      details: { reason: "already_featured", dayHref: `/papers?date=${today}`, paperHref: `/papers/${id}` },
    });
    expect((await rowsFor(id)).submissions).toHaveLength(1);
  });

  it("refuses a paper a feed already put on today's list", async () => {
    const id = paper();
    await ingestText(prisma, hfDocument([{ id, title: "Featured by the feed", day: today }]));
    const before = arxiv.requests;
    await expect(submitPaper({ userId: bob.id, arxiv: id })).rejects.toMatchObject({ details: { reason: "already_featured" } });
    expect(arxiv.requests, "refused before asking arXiv").toBe(before);
  });

  it.each([
    ["too old", () => paper({ published: new Date(Date.now() - 8 * 86_400_000) }), { code: "bad_request", details: { reason: "too_old" } }],
    ["withdrawn", () => paper({ withdrawn: true }), { code: "bad_request", details: { reason: "withdrawn" } }],
    ["unknown to arXiv", () => "2612.99998", { code: "not_found", details: { reason: "unknown_id" } }],
    ["not an arXiv id", () => "https://evil.example/abs/2612.00001", { code: "bad_request", details: { reason: "invalid_id" } }],
  ])("refuses a paper that is %s, and writes nothing", async (_what, make, expected) => {
    const id = make();
    const counts = await Promise.all([prisma.paper.count(), prisma.paperFeature.count(), prisma.paperSubmission.count()]);
    await expect(submitPaper({ userId: bob.id, arxiv: id })).rejects.toMatchObject(expected);
    expect(await Promise.all([prisma.paper.count(), prisma.paperFeature.count(), prisma.paperSubmission.count()])).toEqual(counts);
  });

  it("a paper published exactly at the age limit is still accepted; one minute older is not", async () => {
    const edge = paper({ published: new Date(Date.now() - 7 * 86_400_000 + 60_000) });
    await expect(submitPaper({ userId: bob.id, arxiv: edge })).resolves.toMatchObject({ arxivId: edge });
    const over = paper({ published: new Date(Date.now() - 7 * 86_400_000 - 60_000) });
    await expect(submitPaper({ userId: bob.id, arxiv: over })).rejects.toMatchObject({ details: { reason: "too_old" } });
  });

  it("an arXiv outage gets its own answer and writes nothing", async () => {
    const id = paper();
    arxiv.mode = "unavailable";
    try {
      await expect(submitPaper({ userId: bob.id, arxiv: id })).rejects.toMatchObject({
        code: "upstream_error",
        details: { reason: "arxiv_unavailable" },
      });
    } finally {
      arxiv.mode = "normal";
    }
    expect((await rowsFor(id)).paper).toBeNull();
  });

  it("a database failure half-way leaves nothing: no paper, no featured row, no submission, name unchanged", async () => {
    const carol = await named("carol@example.org", null);
    const id = paper();
    const restore = await failInsertOf(prisma, id);
    try {
      await expect(submitPaper({ userId: carol.id, arxiv: id, name: "Carol" })).rejects.toThrow(/disk full/);
    } finally {
      await restore();
    }
    expect(await rowsFor(id)).toEqual({ paper: null, features: [], submissions: [] });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: carol.id } })).name).toBeNull();
    // And the same submission goes through once the database is well again.
    await expect(submitPaper({ userId: carol.id, arxiv: id, name: "Carol" })).resolves.toMatchObject({ arxivId: id });
  });

  it("asks for a name when the account has none, and keeps it", async () => {
    const dora = await named("dora@example.org", null);
    const id = paper();
    await expect(submitPaper({ userId: dora.id, arxiv: id })).rejects.toMatchObject({ details: { reason: "name_required" } });
    await submitPaper({ userId: dora.id, arxiv: id, name: "Dora Explorer" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: dora.id } })).name).toBe("Dora Explorer");
  });

  it("holds the daily limit under concurrent submissions: exactly SUBMISSIONS_PER_DAY pass", async () => {
    const eve = await named("eve@example.org", "Eve");
    const ids = Array.from({ length: 9 }, () => paper());
    const results = await Promise.allSettled(ids.map((id) => submitPaper({ userId: eve.id, arxiv: id })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string; details: { reason: string } }] : []));
    expect(ok).toHaveLength(5);
    expect(refused.map((e) => e.details.reason)).toEqual(["daily_limit", "daily_limit", "daily_limit", "daily_limit"]);
    expect(await prisma.paperSubmission.count({ where: { userId: eve.id } })).toBe(5);
    // Papers refused by the limit were not stored half-way either.
    expect(await prisma.paperFeature.count({ where: { paper: { arxivId: { in: ids } }, day: todayDate } })).toBe(5);
  });

  it("two people submitting the same paper at once: one is featured, the other told where it is", async () => {
    const id = paper();
    const results = await Promise.allSettled([submitPaper({ userId: ada.id, arxiv: id }), submitPaper({ userId: bob.id, arxiv: id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ details: { reason: "already_featured" } });
    const { features, submissions } = await rowsFor(id);
    expect(features).toHaveLength(1);
    expect(submissions).toHaveLength(1);
  });
});

describe("an admin's removal", () => {
  it("takes the paper off the day, and neither a re-ingest of the same feed nor another submission brings it back", async () => {
    // Published today, so the arXiv feed itself would feature it today.
    const id = paper({ published: new Date(`${today}T00:00:01Z`) });
    await submitPaper({ userId: ada.id, arxiv: id });
    const [submission] = (await rowsFor(id)).submissions;
    await removeSubmission({ email: "admin@example.org" }, { submissionId: submission.id, reason: "off-topic" });
    expect((await rowsFor(id)).features.filter((f) => f.day.getTime() === todayDate.getTime())).toHaveLength(0);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "submission.remove" } });
    expect(audit).toMatchObject({ actorEmail: "admin@example.org", target: `paper:${id}`, details: { reason: "off-topic" } });

    // The same arXiv feed (the paper's Atom entry) and an HF daily feed naming today, ingested again.
    await ingestText(prisma, standInFeed([standInEntry(id, arxiv.papers.get(id)!)]));
    await ingestText(prisma, hfDocument([{ id, title: "Submitted paper", day: today }]));
    expect((await rowsFor(id)).features.filter((f) => f.day.getTime() === todayDate.getTime())).toHaveLength(0);

    await expect(submitPaper({ userId: bob.id, arxiv: id })).rejects.toMatchObject({ code: "conflict", details: { reason: "removed" } });
    await expect(removeSubmission({ email: "admin@example.org" }, { submissionId: submission.id, reason: "again" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("leaves the paper's other days alone: a feed may still feature it on another day", async () => {
    const id = paper({ published: new Date(Date.now() - 2 * 86_400_000) });
    await submitPaper({ userId: bob.id, arxiv: id });
    const [submission] = (await rowsFor(id)).submissions;
    await removeSubmission({ email: "admin@example.org" }, { submissionId: submission.id, reason: "duplicate" });
    await ingestText(prisma, hfDocument([{ id, title: "Submitted paper", day: "2026-01-05" }]));
    expect((await rowsFor(id)).features.map((f) => f.day.toISOString().slice(0, 10))).toEqual(["2026-01-05"]);
  });
});
