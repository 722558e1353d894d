import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { startSmtpSink, type SmtpSink } from "@/lib/test/smtp-sink";
import { activeSubscription, mailsTo } from "@/lib/digest/test-helpers";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "digest-unknown-secret-0123456789";
process.env.AUTH_URL = "http://paperboy.test";

const { parsePeriod } = await import("@/lib/digest/periods");
const { runDigest } = await import("@/lib/digest/run-digest");
const { retryDueSends } = await import("@/lib/digest/retries");
const { createDigestMailer } = await import("@/lib/email/smtp-pool");
const { listDigestProblems, resendDigest } = await import("@/lib/digest/admin");
const { getAdminOverview } = await import("@/lib/admin/overview");

const sinks: SmtpSink[] = [];
afterAll(async () => {
  for (const s of sinks) await s.close();
});

async function withMailer<T>(smtpUrl: string, fn: (mailer: ReturnType<typeof createDigestMailer>) => Promise<T>): Promise<T> {
  const mailer = createDigestMailer({ url: smtpUrl, connections: 2 });
  try {
    return await fn(mailer);
  } finally {
    mailer.close();
  }
}

const HOUR = 3_600_000;

describe("a connection dropped after the message's data, before the server's reply", () => {
  it("settles the digest as unknown: never retried by itself, shown to the admin, resendable once", async () => {
    const day = "2025-10-06";
    await ingestText(prisma, hfDocument([{ id: "2510.00001", title: "Lost In Transit", upvotes: 7, day }]));
    await activeSubscription(prisma, "cut@unknown.example");
    await activeSubscription(prisma, "fine@unknown.example");
    const flaky = await startSmtpSink({ dropAfterData: (to) => to.includes("cut@unknown.example") });
    sinks.push(flaky);
    const t0 = new Date();

    const summary = await withMailer(flaky.url, (mailer) =>
      runDigest({ prisma, period: parsePeriod("daily", day)!, mailer, now: () => t0 }),
    );
    expect(summary).toMatchObject({ sent: 1, failed: 0, unknown: 1 });
    // The server did get the whole message: it may well be in the reader's inbox.
    expect(flaky.dropped.map((m) => m.to)).toEqual([["cut@unknown.example"]]);
    const send = await prisma.digestSend.findFirstOrThrow({ where: { subscription: { email: "cut@unknown.example" } } });
    expect(send).toMatchObject({ status: "unknown", attempts: 1, nextAttemptAt: null });
    expect(send.lastError).toMatch(/unknown whether/i);

    // Never retried by itself, however long we wait.
    for (const later of [1, 24, 24 * 7]) {
      const r = await withMailer(flaky.url, (mailer) =>
        retryDueSends({ prisma, mailer, now: () => new Date(t0.getTime() + later * HOUR) }),
      );
      expect(r).toMatchObject({ sent: 0, failed: 0, gaveUp: 0 });
    }
    expect(flaky.dropped).toHaveLength(1);
    expect(await withMailer(flaky.url, (mailer) => runDigest({ prisma, period: parsePeriod("daily", day)!, mailer }))).toMatchObject({
      sent: 0,
      unknown: 0,
    });
    expect(flaky.dropped).toHaveLength(1);

    // The admin sees it as such, and can send it again by hand, once.
    const problems = await listDigestProblems(prisma);
    expect(problems.filter((p) => p.email === "cut@unknown.example").map((p) => p.status)).toEqual(["unknown"]);
    expect((await getAdminOverview()).digests.unknown).toBe(1);
    expect(await resendDigest(prisma, send.id, new Date(t0.getTime() + 200 * HOUR))).toBe(true);
    expect(await resendDigest(prisma, send.id, new Date(t0.getTime() + 200 * HOUR))).toBe(false);
    const good = await startSmtpSink();
    sinks.push(good);
    const resent = await withMailer(good.url, (mailer) =>
      retryDueSends({ prisma, mailer, now: () => new Date(t0.getTime() + 201 * HOUR) }),
    );
    expect(resent).toMatchObject({ sent: 1 });
    expect(await mailsTo(good, "cut@unknown.example")).toHaveLength(1);
    expect(await prisma.digestSend.findUniqueOrThrow({ where: { id: send.id } })).toMatchObject({ status: "sent" });
    expect(await resendDigest(prisma, send.id)).toBe(false);
  });

  it("still retries a connection dropped before the data went out (nothing can have been delivered)", async () => {
    const day = "2025-10-07";
    await prisma.subscription.updateMany({ data: { status: "unsubscribed" } });
    await ingestText(prisma, hfDocument([{ id: "2510.00002", title: "Refused Early", upvotes: 3, day }]));
    await activeSubscription(prisma, "early@unknown.example");
    // Drops right after RCPT TO: the message's data never reaches the server.
    const sink = await startSmtpSink({ refuseRecipient: () => null, dropAfterRcpt: true });
    sinks.push(sink);
    const summary = await withMailer(sink.url, (mailer) => runDigest({ prisma, period: parsePeriod("daily", day)!, mailer }));
    expect(summary).toMatchObject({ sent: 0, failed: 1, unknown: 0 });
    expect(await prisma.digestSend.findFirstOrThrow({ where: { subscription: { email: "early@unknown.example" } } })).toMatchObject({
      status: "failed",
    });
  });
});
