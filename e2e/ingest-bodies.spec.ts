import http from "node:http";
import { expect, test, blockExternalRequests, signIn, syntheticEntry } from "./helpers";

/**
 * Large request bodies on the upload routes, through the real production server: what the
 * route handlers' own tests cannot see, since Next's proxy (proxy.ts) sits in front of them
 * there only. A proxy matching a route makes Next read the whole body first and keep only
 * its first 10 MB (proxyClientMaxBodySize), so a 15 MB feed arrived cut, the token was
 * checked only after the upload, and INGEST_MAX_BYTES (20 MB here) never applied.
 */
const ADMIN = "admin-e2e@example.org";
const token = () => process.env.INGEST_TOKEN ?? "";
const MB = 1024 * 1024;
const LIMIT = 20 * MB; // INGEST_MAX_BYTES's default; the e2e server sets none

/**
 * A valid Hugging Face daily-papers document of about `bytes`: `count` real-shaped entries
 * with ids and a day of their own (the e2e database is shared), blank space between them,
 * so the last entries sit past the 10 MB mark without adding thousands of papers.
 */
function bigFeed(prefix: string, count: number, bytes: number): string {
  const entries = Array.from({ length: count }, (_, i) =>
    JSON.stringify(
      syntheticEntry({
        id: `${prefix}.${String(i + 1).padStart(5, "0")}`,
        day: "2018-01-15",
        title: `Large upload paper ${prefix} ${i + 1}`,
      }),
    ),
  );
  const gap = " ".repeat(Math.max(1, Math.floor((bytes - entries.join(",").length) / count)));
  return `[${entries.map((e) => gap + e).join(",")}]`;
}

/** The server's address for raw requests (Playwright's request fixture always sends a whole body). */
const base = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/**
 * Starts a POST, writes `sent` bytes of its body and waits for the answer without sending the
 * rest. The answer can only come before the body ends if nothing read the whole body first.
 */
function answerBeforeBody(path: string, headers: Record<string, string>, sent: number, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base()}${path}`, { method: "POST", headers });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms while the body was still open`));
    }, timeoutMs);
    req.on("response", (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      // "connection: close": the server will not go on reading (and dropping) the refused body.
      resolve(`${res.statusCode} ${res.headers.connection}`);
    });
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.write(Buffer.alloc(sent, 0x20));
  });
}

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("a valid 15 MB feed POSTed to /api/ingest is ingested whole, with a request id", async ({ request }) => {
  const doc = bigFeed("1801", 150, 15.3 * MB);
  expect(doc.length).toBeGreaterThan(15 * MB);
  expect(JSON.parse(doc)).toHaveLength(150);
  const res = await request.post("/api/ingest", {
    data: doc,
    headers: { authorization: `Bearer ${token()}`, "content-type": "application/json" },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ format: "hf-daily", new: 150, rejected: 0 });
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const kept = await request.post("/api/ingest", {
    data: "[]",
    headers: { authorization: `Bearer ${token()}`, "x-request-id": "lb-0123456789" },
  });
  expect(kept.headers()["x-request-id"]).toBe("lb-0123456789");
  expect((await request.get("/papers/1801.00150")).status()).toBe(200);
});

test("a valid 15 MB feed uploaded by an admin is ingested whole", async ({ page }) => {
  await signIn(page, ADMIN, "/");
  const doc = bigFeed("1802", 120, 15.3 * MB);
  const res = await page.request.post("/api/admin/ingest?name=big.json", {
    data: doc,
    headers: { origin: new URL(page.url()).origin, "content-type": "application/octet-stream" },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ format: "hf-daily", new: 120, rejected: 0 });
  expect(res.headers()["x-request-id"]).toBeTruthy();
});

test("an unauthenticated large POST is refused 401 before its body is read", async () => {
  const declared = { "content-type": "application/json", "content-length": String(50 * MB) };
  expect(await answerBeforeBody("/api/ingest", declared, 64 * 1024)).toBe("401 close");
  expect(await answerBeforeBody("/api/ingest", { ...declared, authorization: "Bearer not-the-token-0000000" }, 64 * 1024)).toBe(
    "401 close",
  );
  // The admin upload: no session, no admin token.
  expect(await answerBeforeBody("/api/admin/ingest?name=x.json", declared, 64 * 1024)).toBe("401 close");
});

test("a Content-Length over INGEST_MAX_BYTES is refused 413 without reading the body", async () => {
  const headers = { authorization: `Bearer ${token()}`, "content-type": "application/json", "content-length": String(LIMIT + 1) };
  expect(await answerBeforeBody("/api/ingest", headers, 64 * 1024)).toBe("413 close");
});

test("a chunked body that grows past INGEST_MAX_BYTES is cut off with 413 and nothing is kept", async ({ request }) => {
  // 1500 real entries first (more than one 1000-paper batch, so some are written inside the
  // run's transaction before the limit is reached), then blank space past the limit.
  const head = Buffer.from(`[${bigFeed("1803", 1500, 0).slice(1, -1)}`);
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(`${base()}/api/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${token()}`, "transfer-encoding": "chunked" },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const blank = Buffer.alloc(256 * 1024, 0x20);
    (async () => {
      req.write(head);
      for (let sent = head.length; !answered && sent < 2 * LIMIT; sent += blank.length) {
        if (!req.write(blank)) await new Promise((r) => req.once("drain", r));
      }
      if (!answered) req.end("]");
    })().catch(reject);
  });
  expect(status).toBe(413);
  expect((await request.get("/papers/1803.00001")).status()).toBe(404);
  expect((await request.get("/papers/1803.01500")).status()).toBe(404);
});
