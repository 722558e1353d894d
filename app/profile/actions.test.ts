import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { createSignedInUser } from "@/lib/test/users";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);
// Auth.js's signOut needs a Next request; the session row is what matters and goes with the user.
const signedOut: string[] = [];
vi.mock("@/lib/auth/config", () => ({ signOut: async (o: { redirectTo: string }) => void signedOut.push(o.redirectTo) }));

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { actAs, nextSignal } = await import("@/lib/admin/test-support");
const { createTokenAction, revokeTokenAction, deleteAccountAction } = await import("@/app/profile/actions");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "done",
    (err: unknown) => nextSignal(err),
  );

describe("profile actions: who may do what", () => {
  it("signed out, nothing happens", async () => {
    actAs(null);
    expect(await outcome(createTokenAction({}, form({ name: "x" })))).toMatch(/Sign in first/);
    expect(await outcome(revokeTokenAction(form({ id: "1" })))).toMatch(/Sign in first/);
    expect(await outcome(deleteAccountAction(form({ confirm: "x@example.org" })))).toMatch(/Sign in first/);
    expect(await prisma.apiToken.count()).toBe(0);
  });

  it("a token is made for, and revoked only by, its owner", async () => {
    const owner = await createSignedInUser(prisma, "token-owner@example.org");
    const other = await createSignedInUser(prisma, "token-other@example.org");
    actAs(owner);
    const made = await createTokenAction({}, form({ name: "laptop" }));
    expect(made.token).toMatch(/^pb_/);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { userId: owner.id } });

    actAs(other);
    expect(await outcome(revokeTokenAction(form({ id: String(row.id) })))).toMatch(/No such token/);
    expect(await prisma.apiToken.count({ where: { id: row.id } })).toBe(1);

    actAs(owner);
    expect(await outcome(revokeTokenAction(form({ id: String(row.id) })))).toBe("done");
    expect(await prisma.apiToken.count({ where: { id: row.id } })).toBe(0);
  });

  it("an account is deleted only by its owner, and only once they typed their address", async () => {
    const owner = await createSignedInUser(prisma, "leaving-soon@example.org");
    actAs(owner);
    expect(await outcome(deleteAccountAction(form({ confirm: "someone-else@example.org" })))).toMatch(/redirect.*delete=mismatch/);
    expect(await prisma.user.count({ where: { id: owner.id } })).toBe(1);

    expect(await outcome(deleteAccountAction(form({ confirm: "Leaving-Soon@example.org" })))).toBe("done");
    expect(await prisma.user.count({ where: { id: owner.id } })).toBe(0);
    expect(signedOut).toEqual(["/?account=deleted"]);
  });
});
