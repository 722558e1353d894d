import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser } from "@/lib/test/users";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "digest-settings-secret-0123456789";

const { getEmailSettings, saveEmailSettings, unsubscribeAccount, requestSubscription } = await import("@/lib/digest/subscriptions");
const { previewDigest } = await import("@/lib/digest/preview");
const { NO_FILTERS } = await import("@/lib/digest/filters");

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2511.00001", title: "Robot Learning from Play", upvotes: 30, day: "2025-11-10", authors: ["Ada Lovelace"] },
      { id: "2511.00002", title: "Protein Folding Again", upvotes: 20, day: "2025-11-10" },
      { id: "2511.00003", title: "Robots That Cook", upvotes: 10, day: "2025-11-11" },
    ]),
  );
});

describe("digest settings of a signed-in person", () => {
  it("subscribe at once with the address the sign-in verified, with filters", async () => {
    const user = await createSignedInUser(prisma, "Mira@Lab.example");
    expect(await getEmailSettings(prisma, { userId: user.id })).toBeNull();
    const saved = await saveEmailSettings(prisma, {
      userId: user.id,
      frequency: "weekly",
      limit: 5,
      filters: { ...NO_FILTERS, keywords: ["robot"] },
      subscribe: true,
    });
    expect(saved).toMatchObject({
      ok: true,
      mailSubscriptionId: null,
      settings: { email: "mira@lab.example", status: "active", frequency: "weekly", limit: 5 },
    });
    expect(await getEmailSettings(prisma, { userId: user.id })).toMatchObject({ filters: { keywords: ["robot"], authors: [] } });

    expect(await unsubscribeAccount(prisma, { userId: user.id })).toBe(true);
    expect((await getEmailSettings(prisma, { userId: user.id }))!.status).toBe("unsubscribed");
    const resumed = await saveEmailSettings(prisma, {
      userId: user.id,
      frequency: "daily",
      limit: 10,
      filters: NO_FILTERS,
      subscribe: true,
    });
    expect(resumed).toMatchObject({ ok: true, settings: { status: "active", frequency: "daily" } });
  });

  it("take over a subscription made from the public form with the same address", async () => {
    await requestSubscription(prisma, { email: "noor@lab.example", frequency: "daily", limit: 25 });
    const user = await createSignedInUser(prisma, "noor@lab.example");
    const settings = await getEmailSettings(prisma, { userId: user.id });
    expect(settings).toMatchObject({ email: "noor@lab.example", status: "pending", limit: 25 });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { email: "noor@lab.example" } })).userId).toBe(user.id);
    // Signing in proved the address: subscribing needs no emailed link.
    const saved = await saveEmailSettings(prisma, { userId: user.id, frequency: "daily", limit: 25, filters: NO_FILTERS, subscribe: true });
    expect(saved).toMatchObject({ ok: true, mailSubscriptionId: null, settings: { status: "active" } });
  });

  it("ask an unverified address to confirm first", async () => {
    const user = await prisma.user.create({ data: { email: "gh@lab.example" } });
    const saved = await saveEmailSettings(prisma, { userId: user.id, frequency: "daily", limit: 10, filters: NO_FILTERS, subscribe: true });
    expect(saved).toMatchObject({ ok: true, settings: { status: "pending" } });
    expect(saved.ok && saved.mailSubscriptionId).toBeGreaterThan(0);
    const nobody = await prisma.user.create({ data: { name: "No Mail" } });
    expect(
      await saveEmailSettings(prisma, { userId: nobody.id, frequency: "daily", limit: 10, filters: NO_FILTERS, subscribe: true }),
    ).toEqual({ ok: false, reason: "no_email" });
  });

  it("preview the digest the person would get", async () => {
    const user = await createSignedInUser(prisma, "preview@lab.example");
    const none = await previewDigest(prisma, { userId: user.id });
    expect(none.period?.key).toBe("2025-11-11");
    expect(none.papers.map((p) => p.title)).toEqual(["Robots That Cook"]);

    await saveEmailSettings(prisma, {
      userId: user.id,
      frequency: "weekly",
      limit: 5,
      filters: { ...NO_FILTERS, keywords: ["robot"] },
      subscribe: true,
    });
    const weekly = await previewDigest(prisma, { userId: user.id });
    expect(weekly.period?.key).toBe("2025-W46");
    expect(weekly.papers.map((p) => p.title)).toEqual(["Robot Learning from Play", "Robots That Cook"]);
    const day = await previewDigest(prisma, { userId: user.id, frequency: "daily", period: "2025-11-10" });
    expect(day.papers.map((p) => p.title)).toEqual(["Robot Learning from Play"]);
  });
});
