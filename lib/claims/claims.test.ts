import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type TestUser } from "@/lib/test/users";
import { actAs } from "@/lib/admin/test-support";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);

/**
 * Authorship claims: the person's actions (claim, withdraw) and the admin's (approve, reject)
 * as the owner, another person, an admin and signed out; what the paper page, the author page
 * and the profile then show.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.ADMIN_EMAILS = "claims-admin@example.org";

const { claimPaperAction, withdrawClaimAction } = await import("@/lib/claims/actions");
const { approveClaimAction, rejectClaimAction } = await import("@/lib/claims/admin-actions");
const { claimantsOfAuthor, claimsOf, paperClaimState, MAX_PENDING_CLAIMS } = await import("@/lib/claims/claims");
const claimsRoute = await import("@/app/api/claims/route");
const { AppError } = await import("@/lib/errors");

let admin: TestUser;
let ada: TestUser;
let bob: TestUser;
let paperId: number;
let otherPaperId: number;

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

async function as<T>(who: TestUser | null, action: () => Promise<T>): Promise<T> {
  actAs(who);
  try {
    return await action();
  } finally {
    actAs(null);
  }
}

/** A refused call: an error thrown, or a form error returned, and nothing changed. */
async function refused(who: TestUser | null, action: () => Promise<{ error?: string; ok?: string }>) {
  const before = await prisma.paperClaim.findMany({ orderBy: { id: "asc" } });
  const audits = await prisma.auditLog.count();
  let outcome: { error?: string; ok?: string } | undefined;
  try {
    outcome = await as(who, action);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
  }
  if (outcome) expect(outcome.ok, JSON.stringify(outcome)).toBeUndefined();
  expect(await prisma.paperClaim.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  expect(await prisma.auditLog.count()).toBe(audits);
}

beforeAll(async () => {
  admin = await createSignedInUser(prisma, "claims-admin@example.org");
  ada = await createSignedInUser(prisma, "ada@example.org");
  bob = await createSignedInUser(prisma, "bob@example.org");
  await prisma.user.update({ where: { id: ada.id }, data: { name: "Ada Lovelace" } });
  await prisma.user.update({ where: { id: bob.id }, data: { name: "Bob Impostor" } });
  await ingestText(
    prisma,
    hfDocument([
      { id: "2612.30001", title: "Analytical Engines", day: "2026-12-01", authors: ["A. Lovelace", "C. Babbage"] },
      { id: "2612.30002", title: "More Engines", day: "2026-12-01", authors: ["A. Lovelace"] },
    ]),
  );
  paperId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: "2612.30001" } })).id;
  otherPaperId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: "2612.30002" } })).id;
});

describe("claiming", () => {
  it("signed out: refused, nothing written", async () => {
    await refused(null, () => claimPaperAction({}, form({ paperId, author: "A. Lovelace" })));
  });

  it("a name not in the author list, or a paper that does not exist: refused", async () => {
    await refused(ada, () => claimPaperAction({}, form({ paperId, author: "Someone Else" })));
    await refused(ada, () => claimPaperAction({}, form({ paperId: 999999, author: "A. Lovelace" })));
    await refused(ada, () => claimPaperAction({}, form({ paperId: "1; DROP TABLE papers", author: "A. Lovelace" })));
    await refused(ada, () => claimPaperAction({}, form({ paperId, author: "x".repeat(100_000) })));
  });

  it("the person's claim waits for an admin; a second claim on the same paper is refused", async () => {
    const result = await as(ada, () => claimPaperAction({}, form({ paperId, author: "A. Lovelace" })));
    expect(result.ok).toMatch(/admin will check/);
    const state = await paperClaimState(paperId, { id: ada.id });
    expect(state).toMatchObject({ signedIn: true, hasName: true, holders: [], mine: { author: "A. Lovelace", status: "pending" } });
    await refused(ada, () => claimPaperAction({}, form({ paperId, author: "C. Babbage" })));
    expect(await claimantsOfAuthor("A. Lovelace"), "not shown before approval").toEqual([]);
  });

  it("GET /api/claims answers the same for everyone but the viewer's own claim", async () => {
    const signedOut = await (await claimsRoute.GET(request(`/api/claims?paper=${paperId}`))).json();
    expect(signedOut).toEqual({ signedIn: false, hasName: false, holders: [], mine: null });
    const mine = await (await claimsRoute.GET(request(`/api/claims?paper=${paperId}`, { user: ada }))).json();
    expect(mine.mine).toMatchObject({ author: "A. Lovelace", status: "pending" });
    expect((await claimsRoute.GET(request(`/api/claims?paper=abc`))).status).toBe(400);
  });

  it("only an admin decides: the claimant, another person and signed out cannot approve or reject", async () => {
    const claim = await prisma.paperClaim.findFirstOrThrow({ where: { userId: ada.id, paperId } });
    for (const who of [ada, bob, null]) {
      await refused(who, () => approveClaimAction({}, form({ claimId: claim.id })));
      await refused(who, () => rejectClaimAction({}, form({ claimId: claim.id, reason: "no" })));
    }
  });

  it("another person cannot withdraw someone's claim", async () => {
    const claim = await prisma.paperClaim.findFirstOrThrow({ where: { userId: ada.id, paperId } });
    await refused(bob, () => withdrawClaimAction({}, form({ claimId: claim.id })));
    await refused(null, () => withdrawClaimAction({}, form({ claimId: claim.id })));
    await refused(admin, () => withdrawClaimAction({}, form({ claimId: claim.id })));
  });

  it("an admin approves: the author page names the person, the profile lists the paper, the audit log has it", async () => {
    const claim = await prisma.paperClaim.findFirstOrThrow({ where: { userId: ada.id, paperId } });
    const result = await as(admin, () => approveClaimAction({}, form({ claimId: claim.id })));
    expect(result.ok).toMatch(/Approved/);
    expect(await claimantsOfAuthor("A. Lovelace")).toEqual([{ person: "Ada Lovelace", papers: 1 }]);
    expect((await claimsOf(ada.id)).map((c) => [c.paper.title, c.status])).toEqual([["Analytical Engines", "approved"]]);
    expect((await paperClaimState(paperId, null)).holders).toEqual([{ author: "A. Lovelace", person: "Ada Lovelace" }]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "claim.approve" } });
    expect(audit).toMatchObject({ actorEmail: "claims-admin@example.org", target: "paper:2612.30001" });
    await refused(admin, () => approveClaimAction({}, form({ claimId: claim.id })));
  });

  it("a claim on an author another person holds goes to the admin with both names; approving it replaces the holder", async () => {
    await as(bob, () => claimPaperAction({}, form({ paperId, author: "A. Lovelace" })));
    const { listClaims } = await import("@/lib/claims/claims");
    const { rows } = await listClaims({ pending: true, page: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ author: "A. Lovelace", person: { name: "Bob Impostor" }, heldBy: { name: "Ada Lovelace" } });

    const bobs = rows[0].id;
    await as(admin, () => rejectClaimAction({}, form({ claimId: bobs, reason: "Not on the paper" })));
    expect((await paperClaimState(paperId, null)).holders).toEqual([{ author: "A. Lovelace", person: "Ada Lovelace" }]);
    expect((await claimsOf(bob.id))[0]).toMatchObject({ status: "rejected", decisionNote: "Not on the paper" });

    // Bob claims again; this time the admin gives the name to him, and Ada's claim is revoked.
    await as(bob, () => claimPaperAction({}, form({ paperId, author: "A. Lovelace" })));
    const again = await prisma.paperClaim.findFirstOrThrow({ where: { userId: bob.id, status: "pending" } });
    await as(admin, () => approveClaimAction({}, form({ claimId: again.id })));
    expect((await paperClaimState(paperId, null)).holders).toEqual([{ author: "A. Lovelace", person: "Bob Impostor" }]);
    expect((await prisma.paperClaim.findFirstOrThrow({ where: { userId: ada.id, paperId } })).status).toBe("revoked");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "claim.approve" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ claimant: "Bob Impostor", previousHolder: "Ada Lovelace" });
  });

  it("the owner withdraws their own approved claim", async () => {
    const mine = await prisma.paperClaim.findFirstOrThrow({ where: { userId: bob.id, status: "approved" } });
    expect((await as(bob, () => withdrawClaimAction({}, form({ claimId: mine.id })))).ok).toMatch(/withdrawn/);
    expect((await paperClaimState(paperId, null)).holders).toEqual([]);
  });

  it("a person without a name must give one; concurrent claims of one person hold one live claim per paper", async () => {
    const nameless = await createSignedInUser(prisma, "nameless@example.org");
    const noName = await as(nameless, () => claimPaperAction({}, form({ paperId: otherPaperId, author: "A. Lovelace" })));
    expect(noName.error).toMatch(/name/);
    actAs(nameless);
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => claimPaperAction({}, form({ paperId: otherPaperId, author: "A. Lovelace", name: "Nia" }))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    } finally {
      actAs(null);
    }
    expect(await prisma.paperClaim.count({ where: { userId: nameless.id, status: "pending" } })).toBe(1);
    expect(MAX_PENDING_CLAIMS).toBeGreaterThan(1);
  });
});
