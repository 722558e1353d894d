import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { freePort } from "@/lib/test/postgres";
import { startSmtpSink, type SmtpSink } from "@/lib/test/smtp-sink";
import { activeSubscription, mailsTo } from "@/lib/digest/test-helpers";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "digest-retry-secret-0123456789";
process.env.AUTH_URL = "http://paperboy.test";

const { parsePeriod } = await import("@/lib/digest/periods");
const { runDigest } = await import("@/lib/digest/run-digest");
const { retryDueSends, resolveStaleSends } = await import("@/lib/digest/retries");
const { runDueDigests } = await import("@/lib/digest/schedule");
const { createDigestMailer } = await import("@/lib/email/smtp-pool");
const { digestRules } = await import("@/lib/digest/config");
const { listDigestProblems, listPausedSubscriptions, resendDigest } = await import("@/lib/digest/admin");

const MIN = 60_000;
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

/** Each block counts only its own subscribers: the earlier blocks' ones stop. */
const isolate = () => prisma.subscription.updateMany({ where: { status: { not: "unsubscribed" } }, data: { status: "unsubscribed" } });

const sendsOf = (email: string) => prisma.digestSend.findMany({ where: { subscription: { email } }, orderBy: { id: "asc" } });

describe("when the SMTP server is down", () => {
  const day = "2025-04-07";
  let port: number;
  const t0 = new Date();

  beforeAll(async () => {
    await ingestText(prisma, hfDocument([{ id: "2504.00001", title: "April Paper", upvotes: 9, day }]));
    for (const name of ["r1", "r2", "r3"]) await activeSubscription(prisma, `${name}@down.example`);
    port = await freePort(); // nothing listens here yet
  });

  it("records each digest as failed with its next try, sending nothing", async () => {
    const summary = await withMailer(`smtp://127.0.0.1:${port}`, (mailer) =>
      runDigest({ prisma, period: parsePeriod("daily", day)!, mailer, now: () => t0, concurrency: 2 }),
    );
    expect(summary).toMatchObject({ sent: 0, failed: 3 });
    const [send] = await sendsOf("r1@down.example");
    expect(send).toMatchObject({ status: "failed", attempts: 1 });
    expect(send.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(send.nextAttemptAt!.getTime()).toBe(t0.getTime() + digestRules.retryBaseMinutes * MIN);
  });

  it("retries once the next try is due and the server is back, sending each digest once", async () => {
    const early = await withMailer(`smtp://127.0.0.1:${port}`, (mailer) =>
      retryDueSends({ prisma, mailer, now: () => new Date(t0.getTime() + 2 * MIN) }),
    );
    expect(early).toEqual({ sent: 0, failed: 0, gaveUp: 0, unknown: 0 });

    const sink = await startSmtpSink({ port });
    sinks.push(sink);
    const later = await withMailer(sink.url, (mailer) => retryDueSends({ prisma, mailer, now: () => new Date(t0.getTime() + 6 * MIN) }));
    expect(later).toEqual({ sent: 3, failed: 0, gaveUp: 0, unknown: 0 });
    for (const name of ["r1", "r2", "r3"]) {
      const mails = await mailsTo(sink, `${name}@down.example`);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe("1 trending paper · Apr 7, 2025");
      expect(await sendsOf(`${name}@down.example`)).toMatchObject([{ status: "sent", attempts: 2, lastError: null }]);
    }
    // Nothing left to retry, and the period is not sent again.
    expect(await withMailer(sink.url, (mailer) => retryDueSends({ prisma, mailer, now: () => new Date(t0.getTime() + 60 * MIN) }))).toEqual(
      { sent: 0, failed: 0, gaveUp: 0, unknown: 0 },
    );
    expect(await withMailer(sink.url, (mailer) => runDigest({ prisma, period: parsePeriod("daily", day)!, mailer }))).toMatchObject({
      sent: 0,
    });
    expect(sink.accepted()).toBe(3);
  });

  it("gives up after the last try, shows it to the admin, and an admin can send it again", async () => {
    const day2 = "2025-04-08";
    await ingestText(prisma, hfDocument([{ id: "2504.00002", title: "Another April Paper", upvotes: 3, day: day2 }]));
    await prisma.subscription.updateMany({
      where: { email: { in: ["r1@down.example", "r2@down.example"] } },
      data: { status: "unsubscribed" },
    });
    const deadPort = await freePort();
    let clock = t0.getTime();
    await withMailer(`smtp://127.0.0.1:${deadPort}`, (mailer) =>
      runDigest({ prisma, period: parsePeriod("daily", day2)!, mailer, now: () => new Date(clock) }),
    );
    for (let attempt = 2; attempt <= digestRules.maxAttempts; attempt++) {
      clock += 24 * 60 * MIN;
      const r = await withMailer(`smtp://127.0.0.1:${deadPort}`, (mailer) => retryDueSends({ prisma, mailer, now: () => new Date(clock) }));
      expect(r).toEqual(
        attempt < digestRules.maxAttempts ? { sent: 0, failed: 1, gaveUp: 0, unknown: 0 } : { sent: 0, failed: 0, gaveUp: 1, unknown: 0 },
      );
    }
    const [, send] = await sendsOf("r3@down.example");
    expect(send).toMatchObject({ period: day2, status: "gave_up", attempts: digestRules.maxAttempts, nextAttemptAt: null });
    expect(send.lastError).toMatch(/^Gave up after 5 tries/);
    const problems = await listDigestProblems(prisma);
    expect(problems.map((p) => [p.email, p.period, p.status])).toContainEqual(["r3@down.example", day2, "gave_up"]);

    expect(await resendDigest(prisma, send.id, new Date(clock))).toBe(true);
    const sink = await startSmtpSink();
    sinks.push(sink);
    expect(await withMailer(sink.url, (mailer) => retryDueSends({ prisma, mailer, now: () => new Date(clock + MIN) }))).toEqual({
      sent: 1,
      failed: 0,
      gaveUp: 0,
      unknown: 0,
    });
    expect((await mailsTo(sink, "r3@down.example")).map((m) => m.subject)).toEqual(["1 trending paper · Apr 8, 2025"]);
  });
});

describe("refusals", () => {
  const day = "2025-05-05";
  let sink: SmtpSink;
  beforeAll(async () => {
    await isolate();
    await ingestText(
      prisma,
      hfDocument([
        { id: "2505.00001", title: "May Paper", upvotes: 4, day },
        { id: "2505.00002", title: "June Paper", upvotes: 4, day: "2025-05-06" },
      ]),
    );
    await activeSubscription(prisma, "bounce@refuse.example");
    await activeSubscription(prisma, "busy@refuse.example");
    await activeSubscription(prisma, "fine@refuse.example");
    sink = await startSmtpSink({
      refuseRecipient: (a) =>
        a === "bounce@refuse.example"
          ? { code: 550, message: "5.1.1 No such user here" }
          : a === "busy@refuse.example"
            ? { code: 450, message: "4.2.1 Mailbox busy, try later" }
            : null,
    });
    sinks.push(sink);
  });

  it("pauses a hard-bounced address and retries a temporary refusal", async () => {
    const summary = await withMailer(sink.url, (mailer) => runDigest({ prisma, period: parsePeriod("daily", day)!, mailer }));
    expect(summary).toMatchObject({ sent: 1, failed: 1, gaveUp: 1, unknown: 0 });
    const bounced = await prisma.subscription.findUniqueOrThrow({ where: { email: "bounce@refuse.example" } });
    expect(bounced.status).toBe("paused");
    expect(bounced.pausedReason).toMatch(/Hard bounce.*550.*No such user/);
    expect(await sendsOf("bounce@refuse.example")).toMatchObject([{ status: "gave_up", attempts: 1, nextAttemptAt: null }]);
    expect(await sendsOf("busy@refuse.example")).toMatchObject([{ status: "failed", attempts: 1 }]);
    expect((await listPausedSubscriptions(prisma)).map((p) => p.email)).toEqual(["bounce@refuse.example"]);

    // The paused address gets nothing more; the busy one is retried with the next tick.
    const next = await withMailer(sink.url, (mailer) => runDigest({ prisma, period: parsePeriod("daily", "2025-05-06")!, mailer }));
    expect(next).toMatchObject({ sent: 1, failed: 1, gaveUp: 0, unknown: 0 });
    expect(await sendsOf("bounce@refuse.example")).toHaveLength(1);
  });
});

describe("sends interrupted by a crash", () => {
  it("are settled as unknown with a note once their lease is over, and never sent again", async () => {
    const day = "2025-06-02";
    await isolate();
    await ingestText(prisma, hfDocument([{ id: "2506.00001", title: "Crash Paper", upvotes: 4, day }]));
    const id = await activeSubscription(prisma, "inflight@crash.example");
    const t = new Date();
    // What a worker killed during the SMTP transaction leaves behind.
    await prisma.digestSend.create({
      data: {
        subscriptionId: id,
        frequency: "daily",
        period: day,
        status: "sending",
        attempts: 1,
        nextAttemptAt: new Date(t.getTime() + digestRules.leaseSeconds * 1000),
      },
    });
    const sink = await startSmtpSink();
    sinks.push(sink);
    expect(await withMailer(sink.url, (mailer) => runDigest({ prisma, period: parsePeriod("daily", day)!, mailer }))).toMatchObject({
      sent: 0,
    });
    expect(await resolveStaleSends(prisma, t)).toBe(0); // still within its lease: maybe another worker's
    expect(await resolveStaleSends(prisma, new Date(t.getTime() + (digestRules.leaseSeconds + 1) * 1000))).toBe(1);
    const [send] = await sendsOf("inflight@crash.example");
    expect(send.status).toBe("unknown");
    expect(send.lastError).toMatch(/unknown whether the SMTP server took the message/);
    expect(await mailsTo(sink, "inflight@crash.example")).toEqual([]);
  });
});

describe("the every-minute job", () => {
  it("runs each due period once, from 01:00 UTC the next day, and the due retries", async () => {
    const day = "2025-07-14"; // a Monday
    await isolate();
    await ingestText(prisma, hfDocument([{ id: "2507.00001", title: "July Paper", upvotes: 4, day }]));
    await activeSubscription(prisma, "tick@job.example");
    await activeSubscription(prisma, "tickweekly@job.example", { frequency: "weekly" });
    const sink = await startSmtpSink();
    sinks.push(sink);
    await withMailer(sink.url, async (mailer) => {
      const early = await runDueDigests({ prisma, mailer, now: new Date("2025-07-15T00:30:00Z") });
      expect(early.runs.map((r) => r.period)).toEqual(["2025-07-13", "2025-W28"]);
      expect(await mailsTo(sink, "tick@job.example")).toEqual([]);

      const due = await runDueDigests({ prisma, mailer, now: new Date("2025-07-15T01:00:00Z") });
      expect(due.runs.map((r) => [r.period, r.sent])).toEqual([["2025-07-14", 1]]);
      expect(await mailsTo(sink, "tick@job.example")).toHaveLength(1);

      const again = await runDueDigests({ prisma, mailer, now: new Date("2025-07-15T01:01:00Z") });
      expect(again.runs).toEqual([]);

      const weekly = await runDueDigests({ prisma, mailer, now: new Date("2025-07-21T01:00:00Z") });
      expect(weekly.runs.map((r) => [r.period, r.sent])).toEqual([
        ["2025-07-20", 0],
        ["2025-W29", 1],
      ]);
      expect((await mailsTo(sink, "tickweekly@job.example")).map((m) => m.subject)).toEqual([
        "1 trending paper · Week 29, 2025 (Jul 14 – Jul 20)",
      ]);
    });
  });
});
