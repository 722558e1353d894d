import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss, enqueueFeedPoll } from "@/lib/jobs/queue";
import { closeHealthPools, type HealthReport } from "@/lib/ops/health";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { freePort } from "@/lib/test/postgres";

// A cluster of this file's own, since the test stops it: the 503 case is a real outage.
const dir = mkdtempSync(path.join(os.tmpdir(), "paperboy-health-"));
let cluster: RunningPostgres | undefined;
let url = "";

const { GET } = await import("@/app/api/health/route");

async function health(databaseUrl: string | undefined) {
  if (databaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = databaseUrl;
  const started = performance.now();
  const res = await GET(new NextRequest("http://localhost/api/health"));
  return { res, body: (await res.json()) as HealthReport, ms: performance.now() - started };
}

beforeAll(async () => {
  cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), database: "paperboy_health" });
  url = cluster.url;
});

afterAll(async () => {
  await closeHealthPools();
  await cluster?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/health", { timeout: 60_000 }, () => {
  it("is degraded (still 200) while the job queue's schema is not installed", async () => {
    const { res, body } = await health(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body.status).toBe("degraded");
    expect(body.database.ok).toBe(true);
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.queue).toEqual({ ok: false, error: "not_installed" });
  });

  it("answers 200 with the queue's counts when Postgres and pg-boss are up", async () => {
    const boss = await createBoss(url);
    try {
      await enqueueFeedPoll(boss, 1);
      await enqueueFeedPoll(boss, 2);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const { res, body } = await health(url);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true },
      queue: { ok: true, queued: 2, active: 0, failed: 0 },
    });
    expect(body.queue.version).toBeGreaterThan(0);
    expect(typeof body.database.latencyMs).toBe("number");
  });

  it("answers 503 promptly, in the same shape, once Postgres is stopped", async () => {
    // The health pool holds an idle connection to the cluster: its loss must not crash anything.
    await cluster!.stop();
    cluster = undefined;
    for (let i = 0; i < 2; i++) {
      const { res, body, ms } = await health(url);
      expect(res.status).toBe(503);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(body.status).toBe("down");
      expect(body.database).toMatchObject({ ok: false, error: expect.stringMatching(/unreachable|error/) });
      expect(typeof body.database.latencyMs).toBe("number");
      expect(body.queue.ok).toBe(false);
      expect(ms).toBeLessThan(2500);
    }
  });

  it("answers 503 within its deadline when the database accepts connections but never answers", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const { res, body, ms } = await health(`postgresql://postgres:pw@127.0.0.1:${port}/nothing`);
      expect(res.status).toBe(503);
      expect(body.database).toMatchObject({ ok: false, error: "timeout" });
      expect(ms).toBeLessThan(3000);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it("answers 503 when no database is configured", async () => {
    const { res, body } = await health(undefined);
    expect(res.status).toBe(503);
    expect(body.database).toEqual({ ok: false, latencyMs: 0, error: "not_configured" });
  });
});
