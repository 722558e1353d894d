import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { startArxivStandIn } from "@/lib/test/arxiv-stand-in";
import { createSignedInUser, type TestUser } from "@/lib/test/users";
import { actAs, nextSignal } from "@/lib/admin/test-support";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);

/**
 * Who may submit (the page's server action) and who may take a submission off the list: the
 * submitter (owner), another person, an admin, signed out; and who sees the admin pages.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.ADMIN_EMAILS = "subs-admin@example.org";
const arxiv = await startArxivStandIn();
process.env.ARXIV_API_URL = arxiv.url;
afterAll(() => arxiv.close());
arxiv.papers.set("2612.40001", { published: new Date(Date.now() - 60_000) });

const { submitPaperAction } = await import("@/lib/submissions/actions");
const { removeSubmissionAction } = await import("@/lib/submissions/admin-actions");
const submissionsPage = (await import("@/app/admin/submissions/page")).default;
const claimsPage = (await import("@/app/admin/claims/page")).default;

let admin: TestUser;
let owner: TestUser;
let other: TestUser;
let submissionId: number;

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

beforeAll(async () => {
  admin = await createSignedInUser(prisma, "subs-admin@example.org");
  owner = await createSignedInUser(prisma, "owner@example.org");
  other = await createSignedInUser(prisma, "other@example.org");
});

describe("submitting from the page", () => {
  it("signed out: refused before arXiv is asked", async () => {
    actAs(null);
    const before = arxiv.requests;
    await expect(submitPaperAction({}, form({ arxiv: "2612.40001" }))).resolves.toMatchObject({ reason: "unauthorized" });
    expect(arxiv.requests).toBe(before);
    expect(await prisma.paperSubmission.count()).toBe(0);
  });

  it("signed in: featured, with the name given", async () => {
    actAs(owner);
    const state = await submitPaperAction({}, form({ arxiv: "arxiv.org/abs/2612.40001", name: "Olive Owner" }));
    expect(state.ok).toMatchObject({ arxivId: "2612.40001" });
    submissionId = (await prisma.paperSubmission.findFirstOrThrow()).id;
  });
});

describe("removing a submission", () => {
  const snapshot = async () => [await prisma.paperSubmission.findMany(), await prisma.paperFeature.count(), await prisma.auditLog.count()];

  it.each([
    ["the submitter", () => owner],
    ["another person", () => other],
    ["signed out", () => null],
  ])("%s cannot: nothing changes", async (_who, who) => {
    actAs(who());
    const before = await snapshot();
    await expect(removeSubmissionAction({}, form({ submissionId, reason: "mine" }))).rejects.toMatchObject({
      code: who() ? "forbidden" : "unauthorized",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("an admin can, with a reason", async () => {
    actAs(admin);
    expect(await removeSubmissionAction({}, form({ submissionId, reason: "" }))).toMatchObject({ error: expect.stringMatching(/Say why/) });
    expect(await removeSubmissionAction({}, form({ submissionId, reason: "off-topic" }))).toMatchObject({ ok: expect.any(String) });
    expect(await prisma.paperFeature.count()).toBe(0);
  });

  it.each([
    ["/admin/submissions", submissionsPage],
    ["/admin/claims", claimsPage],
  ])("%s: signed out goes to sign in, a non-admin gets 404, an admin the page", async (path, page) => {
    const render = () => page({ searchParams: Promise.resolve({}) });
    actAs(null);
    expect(await render().then(() => "rendered", nextSignal)).toBe(`redirect /signin?callbackUrl=${encodeURIComponent(path)}`);
    actAs(other);
    expect(await render().then(() => "rendered", nextSignal)).toBe("not found");
    actAs(admin);
    expect(await render().then(() => "rendered", nextSignal)).toBe("rendered");
  });
});
