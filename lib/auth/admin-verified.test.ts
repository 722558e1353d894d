import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { createSignedInUser, request } from "@/lib/test/users";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);

/**
 * An address in ADMIN_EMAILS makes an admin only once its owner has proved it (users.email_verified,
 * set by following a magic link). A GitHub account, or anything else that creates a user with an
 * unverified address, must not get admin rights by naming an admin's address.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.ADMIN_EMAILS = "boss@example.org";
const { requireAdminAction, requireAdminPage, requireAdminRequest } = await import("@/lib/auth/admin");
const { actAs, nextSignal } = await import("@/lib/admin/test-support");
const { viewerPaperState } = await import("@/lib/people/viewer-state");

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (err: unknown) => nextSignal(err),
  );

describe("admin rights need a verified address", () => {
  it("an unverified admin address is refused everywhere; verified, it is let in", async () => {
    const claimant = await createSignedInUser(prisma, "Boss@example.org");
    await prisma.user.update({ where: { id: claimant.id }, data: { emailVerified: null } });

    actAs(claimant);
    expect(await outcome(requireAdminAction())).toMatch(/Admins only/);
    expect(await outcome(requireAdminPage("/admin/feeds"))).toBe("not found");
    expect(await outcome(requireAdminRequest(request("/api/admin/feeds", { user: claimant }), { mutation: false }))).toMatch(/Admins only/);
    // Nor is the Admin entry offered in the account menu (the viewer state the pages load).
    expect((await viewerPaperState({ ...claimant, name: null }, [])).user?.isAdmin).toBe(false);

    await prisma.user.update({ where: { id: claimant.id }, data: { emailVerified: new Date() } });
    expect(await outcome(requireAdminAction())).toBe("allowed");
    expect(await outcome(requireAdminPage("/admin/feeds"))).toBe("allowed");
    expect(await outcome(requireAdminRequest(request("/api/admin/feeds", { user: claimant }), { mutation: false }))).toBe("allowed");
    expect((await viewerPaperState({ ...claimant, name: null }, [])).user?.isAdmin).toBe(true);
  });
});
