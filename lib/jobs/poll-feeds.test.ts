import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createBoss } from "@/lib/jobs/queue";
import { syncConfiguredFeeds } from "@/lib/jobs/poll-feeds";
import { enqueueDueFeeds, startWorker } from "@/lib/jobs/worker";
import { useTestDatabase } from "@/lib/test/db";
import { feedText } from "@/lib/test/fixtures";

const { url, prisma } = await useTestDatabase();
// The feed server below is on loopback, which feed fetches refuse unless private feeds are allowed.
process.env.ALLOW_PRIVATE_FEEDS = "true";

/** A feed server that counts requests and honours If-None-Match. */
const requests: IncomingHttpHeaders[] = [];
const etag = '"capture-2025-10-01"';
let server: Server;
let feedUrl = "";
const instances: { boss: PgBoss; prisma: ReturnType<typeof createPrismaClient> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.headers);
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { "content-type": "application/json", etag, "last-modified": "Wed, 01 Oct 2025 08:00:00 GMT" });
    res.end(feedText("hf-daily-papers-2025-10-01.json"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/daily_papers`;
  // Two app instances: each its own job-queue connection and database pool, one database.
  for (let i = 0; i < 2; i++) {
    const instancePrisma = createPrismaClient(url, 3);
    const boss = await createBoss(url);
    await startWorker(boss, instancePrisma);
    instances.push({ boss, prisma: instancePrisma });
  }
}, 60_000);

afterAll(async () => {
  for (const { boss, prisma: p } of instances) {
    await boss.stop({ graceful: false, wait: true, timeout: 5000 });
    await p.$disconnect();
  }
  server.close();
});

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("scheduled feed polling across two instances", () => {
  it("polls a due feed once, however many instances look for due feeds", async () => {
    await syncConfiguredFeeds(prisma, [feedUrl], 60);
    await syncConfiguredFeeds(prisma, [feedUrl], 60);
    expect(await prisma.feedSource.count()).toBe(1);

    const claimed = await Promise.all(instances.flatMap(({ boss, prisma: p }) => [enqueueDueFeeds(boss, p), enqueueDueFeeds(boss, p)]));
    expect(claimed.flat()).toHaveLength(1);

    const run = await waitFor(() => prisma.ingestRun.findFirst({ where: { status: "succeeded" } }));
    expect(run).toMatchObject({ trigger: "schedule", newCount: 37, origin: feedUrl });
    await new Promise((r) => setTimeout(r, 1500)); // time for a duplicate poll to show up, if there were one
    expect(requests).toHaveLength(1);
    expect(await prisma.ingestRun.count()).toBe(1);

    const source = await prisma.feedSource.findFirstOrThrow();
    expect(source).toMatchObject({ etag, lastStatus: 200, lastError: null, lastModified: "Wed, 01 Oct 2025 08:00:00 GMT" });
    expect(source.nextPollAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
  });

  it("asks conditionally next time and records an unchanged feed", async () => {
    await prisma.feedSource.updateMany({ data: { nextPollAt: new Date(0) } });
    const [{ boss, prisma: p }] = instances;
    expect(await enqueueDueFeeds(boss, p)).toHaveLength(1);
    const run = await waitFor(() => prisma.ingestRun.findFirst({ where: { status: "not_modified" } }));
    expect(run.trigger).toBe("schedule");
    expect(requests.at(-1)?.["if-none-match"]).toBe(etag);
    expect(requests.at(-1)?.["if-modified-since"]).toBe("Wed, 01 Oct 2025 08:00:00 GMT");
    expect(await prisma.paper.count()).toBe(37);
    expect((await prisma.feedSource.findFirstOrThrow()).lastStatus).toBe(304);
  });
});
