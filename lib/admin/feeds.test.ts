import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { feedText } from "@/lib/test/fixtures";

/**
 * Feed administration against a real HTTP feed server started here, serving the shared
 * captures with ETag and Last-Modified (If-None-Match → 304), as Hugging Face and arXiv do.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
// The feed server below is on loopback, which feed fetches refuse unless private feeds are allowed.
process.env.ALLOW_PRIVATE_FEEDS = "true";
const { createFeed, deleteFeed, getFeed, listFeeds, pollFeedNow, setFeedEnabled, updateFeed } = await import("@/lib/admin/feeds");
const { feedInput } = await import("@/lib/admin/validation");
const { parseInput } = await import("@/lib/validation/parse-input");
const { claimDueFeeds } = await import("@/lib/jobs/poll-feeds");
const { AppError } = await import("@/lib/errors");

const actor = { email: "Admin@Example.org" };
const served: Record<string, { body: string; type: string; etag: string; status?: number }> = {
  "/api/daily_papers": { body: feedText("hf-daily-papers-2025-10-01.json"), type: "application/json", etag: '"hf-2025-10-01"' },
  "/rss/cs.AI": { body: feedText("arxiv-rss-cs.AI-2026-04-27.xml"), type: "application/rss+xml", etag: '"rss-2026-04-27"' },
  "/broken.json": { body: '[{"paper": {"id": "2501.0', type: "application/json", etag: '"broken"' },
  "/down": { body: "upstream is down", type: "text/plain", etag: '"down"', status: 503 },
};
const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    requests.push({ path, headers: req.headers });
    const doc = served[path];
    if (!doc) return void res.writeHead(404).end("not found");
    if (req.headers["if-none-match"] === doc.etag) return void res.writeHead(304, { etag: doc.etag }).end();
    res.writeHead(doc.status ?? 200, { "content-type": doc.type, etag: doc.etag, "last-modified": "Mon, 27 Apr 2026 06:00:00 GMT" });
    res.end(doc.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const input = (o: Record<string, unknown>) => parseInput(feedInput, { pollIntervalMinutes: "60", enabled: "on", ...o });
const audits = (action: string) => prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("feed input", () => {
  it("takes http and https URLs only", () => {
    for (const bad of ["ftp://example.org/feed", "javascript:alert(1)", "file:///etc/passwd", "example.org/feed", "", "http://"]) {
      expect(() => input({ url: bad }), bad).toThrow(AppError);
    }
    const refused = (() => {
      try {
        input({ url: "gopher://example.org" });
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toMatchObject({ code: "bad_request", details: { fieldErrors: { url: "Enter an http:// or https:// URL" } } });
    process.env.ALLOW_PRIVATE_FEEDS = "false";
    try {
      for (const inside of [
        "http://127.0.0.1:8080/feed",
        "http://2130706433/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost./",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/feed",
      ]) {
        expect(() => input({ url: inside }), inside).toThrow(/public address/);
      }
      expect(input({ url: "http://8.8.8.8/feed" }).url).toBe("http://8.8.8.8/feed");
    } finally {
      process.env.ALLOW_PRIVATE_FEEDS = "true";
    }
    expect(input({ url: "http://127.0.0.1:8080/feed" }).url).toBe("http://127.0.0.1:8080/feed");
    expect(input({ url: " https://example.org/feed.xml " })).toMatchObject({
      url: "https://example.org/feed.xml",
      format: null,
      enabled: true,
      name: "",
    });
    expect(input({ url: "http://example.org/", format: "arxiv-rss" }).format).toBe("arxiv-rss");
    expect(() => input({ url: "http://example.org/", format: "atom-ish" })).toThrow(AppError);
    expect(() => input({ url: "http://example.org/", pollIntervalMinutes: "0" })).toThrow(/At least 1 minute/);
    // An unchecked checkbox sends nothing: paused.
    expect(parseInput(feedInput, { url: "http://example.org/", pollIntervalMinutes: "5" }).enabled).toBe(false);
  });
});

describe("feed CRUD", () => {
  it("adds a feed with an audit row in the same transaction, and refuses a second one with the same URL", async () => {
    const feed = await createFeed(actor, input({ url: `${base}/api/daily_papers` }));
    expect(feed).toMatchObject({
      name: `127.0.0.1:${base.split(":")[2]}/api/daily_papers`,
      format: null,
      enabled: true,
      pollIntervalMinutes: 60,
      lastPolledAt: null,
    });
    expect(await audits("feed.create")).toMatchObject([
      { actorEmail: "admin@example.org", target: `feed:${feed.id}`, details: { url: `${base}/api/daily_papers`, format: "auto" } },
    ]);

    await expect(createFeed(actor, input({ url: `${base}/api/daily_papers`, name: "Again" }))).rejects.toMatchObject({ code: "conflict" });
    expect(await audits("feed.create")).toHaveLength(1);
    expect(await prisma.feedSource.count()).toBe(1);
  });

  it("edits: a new interval counts from the last poll, a new URL starts afresh; the audit row lists what changed", async () => {
    const feed = await createFeed(actor, input({ url: `${base}/rss/cs.AI`, name: "cs.AI", format: "arxiv-rss" }));
    const polledAt = new Date(Date.now() - 10 * 60_000);
    await prisma.feedSource.update({
      where: { id: feed.id },
      data: { etag: '"old"', lastModified: "x", lastStatus: 200, lastPolledAt: polledAt },
    });

    await updateFeed(
      actor,
      feed.id,
      input({ url: `${base}/rss/cs.AI`, name: "arXiv cs.AI", format: "arxiv-rss", pollIntervalMinutes: "30" }),
    );
    let row = await prisma.feedSource.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({ name: "arXiv cs.AI", pollIntervalMinutes: 30, etag: '"old"' });
    expect(row.nextPollAt.getTime()).toBe(polledAt.getTime() + 30 * 60_000);
    expect((await audits("feed.update")).at(-1)?.details).toEqual({
      changes: { name: { from: "cs.AI", to: "arXiv cs.AI" }, pollIntervalMinutes: { from: 60, to: 30 } },
    });

    await updateFeed(actor, feed.id, input({ url: `${base}/rss/cs.AI?v=2`, name: "", format: "auto", pollIntervalMinutes: "30" }));
    row = await prisma.feedSource.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({
      url: `${base}/rss/cs.AI?v=2`,
      name: "arXiv cs.AI",
      format: null,
      etag: null,
      lastModified: null,
      lastStatus: null,
    });
    expect(row.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());

    await expect(updateFeed(actor, feed.id, input({ url: `${base}/api/daily_papers` }))).rejects.toMatchObject({ code: "conflict" });
    await expect(updateFeed(actor, 999_999, input({ url: `${base}/x` }))).rejects.toMatchObject({ code: "not_found" });
    await updateFeed(actor, feed.id, input({ url: `${base}/rss/cs.AI`, format: "arxiv-rss", pollIntervalMinutes: "30" }));
  });

  it("a paused feed is not claimed by the schedule; resumed, it is", async () => {
    const feeds = await listFeeds();
    const rss = feeds.find((f) => f.url.endsWith("/rss/cs.AI"))!;
    await prisma.feedSource.updateMany({ data: { nextPollAt: new Date(Date.now() - 1000) } });
    await setFeedEnabled(actor, rss.id, false);
    const claimed = await claimDueFeeds(prisma);
    expect(claimed).not.toContain(rss.id);
    expect(claimed).toHaveLength(1);
    await setFeedEnabled(actor, rss.id, true);
    expect(await claimDueFeeds(prisma)).toEqual([rss.id]);
    expect((await audits("feed.pause")).map((a) => a.target)).toEqual([`feed:${rss.id}`]);
    expect((await audits("feed.resume")).map((a) => a.target)).toEqual([`feed:${rss.id}`]);
    await expect(setFeedEnabled(actor, 999_999, true)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("poll now", () => {
  it("fetches, ingests and records the run; next time asks conditionally and records a 304", async () => {
    const feed = (await listFeeds()).find((f) => f.url.endsWith("/api/daily_papers"))!;
    const before = Date.now();
    const first = await pollFeedNow(actor, feed.id);
    expect(first).toMatchObject({ ok: true, status: "succeeded" });
    const run = await prisma.ingestRun.findUniqueOrThrow({ where: { id: first.runId! } });
    expect(run).toMatchObject({
      sourceId: feed.id,
      trigger: "admin",
      status: "succeeded",
      format: "hf-daily",
      newCount: 37,
      rejectedCount: 0,
    });
    let state = (await getFeed(feed.id))!;
    expect(state).toMatchObject({
      lastStatus: 200,
      etag: '"hf-2025-10-01"',
      lastModified: "Mon, 27 Apr 2026 06:00:00 GMT",
      lastError: null,
    });
    expect(state.lastRun?.id).toBe(first.runId);
    // The schedule does not poll it again right after.
    expect(state.nextPollAt.getTime()).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect((await audits("feed.poll")).at(-1)).toMatchObject({
      target: `feed:${feed.id}`,
      details: { ok: true, runId: first.runId, status: "succeeded" },
    });

    const second = await pollFeedNow(actor, feed.id);
    expect(requests.filter((r) => r.path === "/api/daily_papers").at(-1)?.headers["if-none-match"]).toBe('"hf-2025-10-01"');
    expect(second).toMatchObject({ ok: true, status: "not_modified" });
    expect(second.runId).toBeGreaterThan(first.runId!);
    expect(await prisma.ingestRun.findUniqueOrThrow({ where: { id: second.runId! } })).toMatchObject({
      status: "not_modified",
      trigger: "admin",
      sourceId: feed.id,
    });
    state = (await getFeed(feed.id))!;
    expect(state.lastStatus).toBe(304);
    expect(state.recentRuns.map((r) => r.id)).toEqual([second.runId, first.runId]);
    expect(await prisma.paper.count()).toBe(37);
  });

  it("reads a forced format (arXiv RSS)", async () => {
    const feed = (await listFeeds()).find((f) => f.url.endsWith("/rss/cs.AI"))!;
    const result = await pollFeedNow(actor, feed.id);
    expect(result).toMatchObject({ ok: true, status: "succeeded" });
    expect(await prisma.ingestRun.findUniqueOrThrow({ where: { id: result.runId! } })).toMatchObject({ format: "arxiv-rss", newCount: 3 });
  });

  it("a document that cannot be parsed makes a failed run, shown with its error; nothing is saved", async () => {
    const feed = await createFeed(actor, input({ url: `${base}/broken.json`, name: "Broken" }));
    const papers = await prisma.paper.count();
    const result = await pollFeedNow(actor, feed.id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.runId).toEqual(expect.any(Number));
    expect(await prisma.ingestRun.findUniqueOrThrow({ where: { id: result.runId! } })).toMatchObject({
      status: "failed",
      error: expect.any(String),
    });
    expect((await getFeed(feed.id))!.lastError).toBe(result.error);
    expect(await prisma.paper.count()).toBe(papers);
    expect((await audits("feed.poll")).at(-1)).toMatchObject({ target: `feed:${feed.id}`, details: { ok: false, runId: result.runId } });
  });

  it("an HTTP error is kept on the feed with its status; no run is made", async () => {
    const feed = await createFeed(actor, input({ url: `${base}/down`, name: "Down" }));
    const runs = await prisma.ingestRun.count();
    const result = await pollFeedNow(actor, feed.id);
    expect(result).toMatchObject({ ok: false, runId: null });
    expect(await getFeed(feed.id)).toMatchObject({ lastStatus: 503, lastError: expect.stringMatching(/503/) });
    expect(await prisma.ingestRun.count()).toBe(runs);
  });

  it("a feed on a private address is not fetched unless private feeds are allowed; the error tells nothing of what answered", async () => {
    const feed = await createFeed(actor, input({ url: `${base}/api/daily_papers?private`, name: "Inside" }));
    const closed = await createFeed(actor, input({ url: "http://127.0.0.1:9/feed.json", name: "Closed port" }));
    const seen = requests.length;
    process.env.ALLOW_PRIVATE_FEEDS = "false";
    try {
      const results = [await pollFeedNow(actor, feed.id), await pollFeedNow(actor, closed.id)];
      expect(results[0]).toMatchObject({ ok: false, runId: null, error: expect.stringMatching(/ALLOW_PRIVATE_FEEDS/) });
      expect(results[1]).toEqual(results[0]);
      expect(requests.length).toBe(seen);
      expect(await getFeed(feed.id)).toMatchObject({ lastStatus: null, lastError: (results[0] as { error: string }).error });
    } finally {
      process.env.ALLOW_PRIVATE_FEEDS = "true";
    }
  });

  it("an unknown feed is not found", async () => {
    await expect(pollFeedNow(actor, 999_999)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("deleting a feed", () => {
  it("removes the feed, keeps its runs in the history without a source, and logs it", async () => {
    const feed = (await listFeeds()).find((f) => f.url.endsWith("/api/daily_papers"))!;
    const runIds = (await prisma.ingestRun.findMany({ where: { sourceId: feed.id }, select: { id: true } })).map((r) => r.id);
    expect(runIds.length).toBeGreaterThan(0);
    await deleteFeed(actor, feed.id);
    expect(await getFeed(feed.id)).toBeNull();
    const runs = await prisma.ingestRun.findMany({ where: { id: { in: runIds } } });
    expect(runs.map((r) => r.sourceId)).toEqual(runIds.map(() => null));
    expect((await audits("feed.delete")).at(-1)).toMatchObject({ target: `feed:${feed.id}`, details: { url: feed.url } });
    await expect(deleteFeed(actor, feed.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
