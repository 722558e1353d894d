import { createServer, type Server } from "node:http";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { useTestDatabase } from "@/lib/test/db";
import { feedText } from "@/lib/test/fixtures";

const { url, prisma } = await useTestDatabase();
const token = "test-token-0123456789abcdef";
process.env.DATABASE_URL = url;
process.env.INGEST_TOKEN = token;
process.env.INGEST_MAX_BYTES = String(1024 * 1024);
// The feed server below is on loopback, which feed fetches refuse unless private feeds are allowed.
process.env.ALLOW_PRIVATE_FEEDS = "true";
const { POST } = await import("@/app/api/ingest/route");

function post(body: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }, query = "") {
  return POST(new NextRequest(`http://localhost/api/ingest${query}`, { method: "POST", body, headers }));
}

let feedServer: Server;
let feedBase = "";
beforeAll(async () => {
  feedServer = createServer((req, res) => {
    if (req.url === "/daily.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(feedText("hf-daily-papers-2026-03-04.json"));
    } else {
      res.writeHead(404).end("not here");
    }
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  feedBase = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}`;
});
afterAll(async () => {
  feedServer.close();
  await disconnectDb();
});
beforeEach(async () => {
  await prisma.$executeRawUnsafe("TRUNCATE papers, authors, organizations, ingest_runs RESTART IDENTITY CASCADE");
});

describe("POST /api/ingest", () => {
  const doc = feedText("hf-daily-papers-2026-08-14.json");

  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer not-the-token-at-all-000" }],
    ["a token with a different length", { authorization: "Bearer x" }],
    ["a Basic header", { authorization: `Basic ${token}` }],
  ])("refuses %s with 401 and writes nothing", async (_label, headers) => {
    const res = await post(doc, headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect(await prisma.paper.count()).toBe(0);
    expect(await prisma.ingestRun.count()).toBe(0);
  });

  it("ingests a document and answers the run's counts", async () => {
    const res = await post(doc);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ format: "hf-daily", new: 23, updated: 0, unchanged: 0, rejected: 0, status: "succeeded" });
    expect(typeof body.runId).toBe("number");
    // Where the run's time went, and the cache refresh a run that changed papers is followed by.
    expect(body.timings).toMatchObject({ parseMs: expect.any(Number), saveMs: expect.any(Number), revalidateMs: expect.any(Number) });
    expect(body.timings.totalMs).toBeGreaterThanOrEqual(body.timings.parseMs + body.timings.saveMs);
    const again = await (await post(doc)).json();
    expect(again).toMatchObject({ new: 0, unchanged: 23 });
    // Nothing changed: no cache refresh.
    expect(again.timings.revalidateMs).toBeUndefined();
  });

  it("answers 422 naming the problem for a broken document", async () => {
    const res = await post('[{"paper": {"id": "2601.00001", "title": "x"}');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("parse_error");
    expect(body.error.message).toMatch(/JSON/);
    expect(await prisma.paper.count()).toBe(0);
  });

  it("answers 415 for a document of no known format", async () => {
    const res = await post("just some words that are not a feed");
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/Unrecognised feed format/);
  });

  it("answers 413 for a body over the limit, before parsing", async () => {
    const big = `[${" ".repeat(1024 * 1024 + 10)}]`;
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/larger than the 1 MB limit/);
  });

  it("answers 413 for a declared Content-Length over the limit without reading the body or recording a run", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode(doc));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    ); // pulled only when read
    const request = new NextRequest("http://localhost/api/ingest", {
      method: "POST",
      body,
      duplex: "half",
      headers: { authorization: `Bearer ${token}`, "content-length": String(1024 * 1024 + 1) },
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await POST(request);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(pulled).toBe(0);
    expect(await prisma.ingestRun.count()).toBe(0);
  });

  it("sets the request id itself (proxy.ts does not run for this route), keeping a sane incoming one", async () => {
    const fresh = await post("[]");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await post("[]", { authorization: `Bearer ${token}`, "x-request-id": "lb-0123456789" });
    expect(kept.headers.get("x-request-id")).toBe("lb-0123456789");
    const refused = await post("[]", { "x-request-id": "lb-abc" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe("lb-abc");
  });

  it("answers 400 for a bad query parameter", async () => {
    const res = await post(doc, undefined, "?format=pdf");
    expect(res.status).toBe(400);
  });

  it("fetches and ingests a feed URL", async () => {
    const res = await post(JSON.stringify({ url: `${feedBase}/daily.json` }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: "hf-daily", new: 24 });
    const run = await prisma.ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.origin).toBe(`${feedBase}/daily.json`);
  });

  it("answers 502 when the feed URL fails", async () => {
    const res = await post(JSON.stringify({ url: `${feedBase}/missing.json` }));
    expect(res.status).toBe(502);
    expect((await res.json()).error.message).toMatch(/HTTP 404/);
  });

  it("refuses a feed URL on loopback unless private feeds are allowed, telling nothing of what answered", async () => {
    process.env.ALLOW_PRIVATE_FEEDS = "false";
    try {
      const served = await post(JSON.stringify({ url: `${feedBase}/daily.json` }));
      const closed = await post(JSON.stringify({ url: "http://127.0.0.1:9/daily.json" }));
      const metadata = await post(JSON.stringify({ url: "http://169.254.169.254/latest/meta-data/" }));
      const bodies = await Promise.all([served, closed, metadata].map((r) => r.json()));
      for (const [i, res] of [served, closed, metadata].entries()) {
        expect(res.status).toBe(502);
        expect(bodies[i]).toEqual(bodies[0]);
      }
      expect(bodies[0].error.message).toMatch(/ALLOW_PRIVATE_FEEDS/);
      expect(await prisma.paper.count()).toBe(0);
    } finally {
      process.env.ALLOW_PRIVATE_FEEDS = "true";
    }
  });

  it("refuses a non-http URL", async () => {
    const res = await post(JSON.stringify({ url: "file:///etc/passwd" }));
    expect(res.status).toBe(400);
  });
});
