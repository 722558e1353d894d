import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { startSmtpSink, type SmtpSink } from "@/lib/test/smtp-sink";
import { activeSubscription } from "@/lib/digest/test-helpers";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "digest-crash-secret-0123456789";
process.env.AUTH_URL = "http://paperboy.test";

const { parsePeriod } = await import("@/lib/digest/periods");
const { runDueDigests } = await import("@/lib/digest/schedule");
const { createDigestMailer } = await import("@/lib/email/smtp-pool");
const { digestRules } = await import("@/lib/digest/config");

const DAY = "2025-09-01";
const SUBSCRIBERS = 60;
const CONCURRENCY = 4;
let sink: SmtpSink;

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2509.00001", title: "Crash-Safe Sending", upvotes: 8, day: DAY },
      { id: "2509.00002", title: "Exactly Once, Really", upvotes: 5, day: DAY },
    ]),
  );
  for (let i = 0; i < SUBSCRIBERS; i++) await activeSubscription(prisma, `reader${i}@crash.example`);
  // A slow server, so the run is still going when the worker is killed.
  sink = await startSmtpSink({ delayMs: 40 });
});
afterAll(() => sink.close());

async function waitFor(check: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a digest worker killed mid-run", () => {
  it("sends the rest on the next run and nothing twice", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/digest.ts", "--now", "--frequency", "daily", "--period", DAY, "--concurrency", String(CONCURRENCY)],
      { env: { ...process.env, DATABASE_URL: url, SMTP_URL: sink.url, LOG_LEVEL: "silent" }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr!.on("data", (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ? null : code)));
    await waitFor(() => sink.accepted() >= 15 || child.exitCode !== null, 120_000);
    expect(child.exitCode, stderr).toBeNull(); // still running: killed mid-run, not after
    child.kill("SIGKILL");
    expect(await exited).toBeNull();
    await new Promise((r) => setTimeout(r, 200)); // let the sink settle the connections it had
    const beforeRestart = sink.accepted();
    expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

    const rows = await prisma.digestSend.groupBy({ by: ["status"], _count: true });
    const inFlight = rows.find((r) => r.status === "sending")?._count ?? 0;
    expect(inFlight).toBeLessThanOrEqual(CONCURRENCY);

    // The next run, after the killed worker's lease is over (the every-minute job would come
    // back to it by itself): what was not sent goes out now.
    const mailer = createDigestMailer({ url: sink.url, connections: CONCURRENCY });
    const later = new Date(Date.now() + (digestRules.leaseSeconds + 60) * 1000);
    const summary = await runDueDigests({
      prisma,
      mailer,
      now: later,
      force: true,
      periods: [parsePeriod("daily", DAY)!],
      concurrency: CONCURRENCY,
    }).finally(() => mailer.close());
    expect(summary.stale).toBe(inFlight);
    expect(summary.runs[0].sent).toBeGreaterThan(0);

    // Nobody got two digests; everybody got one, except the few whose send the kill cut
    // through, which are settled as unknown with a note for the admin (whether they arrived is unknown).
    const perRecipient = new Map<string, number>();
    for (const m of sink.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(Math.max(...perRecipient.values())).toBe(1);
    const sends = await prisma.digestSend.findMany({ include: { subscription: { select: { email: true } } } });
    expect(sends).toHaveLength(SUBSCRIBERS);
    for (const send of sends) {
      const received = perRecipient.get(send.subscription.email) ?? 0;
      if (send.status === "sent") expect(received, send.subscription.email).toBe(1);
      else {
        expect(send.status).toBe("unknown");
        expect(send.lastError).toMatch(/unknown whether the SMTP server took the message/);
      }
    }
    const unknown = sends.filter((s) => s.status === "unknown").length;
    expect(unknown).toBe(inFlight);
    expect(perRecipient.size + unknown).toBeGreaterThanOrEqual(SUBSCRIBERS);
    expect(await prisma.digestSentPaper.count()).toBe(sends.filter((s) => s.status === "sent").length * 2);
  }, 180_000);
});
