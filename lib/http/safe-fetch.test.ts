import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { safeFetch, UNREACHABLE_MESSAGE } from "@/lib/http/safe-fetch";
import { readText } from "@/lib/ingest/read-document";

/**
 * Real HTTP servers on loopback. Loopback is exactly what must be refused, so tests that need
 * a "public" server pass `allowAddress` (the test seam) naming 127.0.0.1 as public; a second
 * server on 127.0.0.2 then stands for the private network behind it.
 */
const servers: Server[] = [];
const hits: string[] = [];

async function serve(host: string, handler: RequestListener): Promise<string> {
  const server = createServer((req, res) => {
    hits.push(`${host}${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  servers.push(server);
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));
afterEach(() => {
  hits.length = 0;
  delete process.env.ALLOW_PRIVATE_FEEDS;
});

const publicLoopback = (address: string) => address === "127.0.0.1";
const ok: RequestListener = (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-length": "9" }).end("feed body");

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { code: (err as AppError).code, message: (err as AppError).message };
}

describe("safeFetch", () => {
  it("refuses a server on 127.0.0.1 by default, without connecting to it", async () => {
    const base = await serve("127.0.0.1", ok);
    expect(await refusal(safeFetch(`${base}/feed`))).toEqual({ code: "upstream_error", message: UNREACHABLE_MESSAGE });
    expect(hits).toEqual([]);
  });

  it("reaches it with ALLOW_PRIVATE_FEEDS=true", async () => {
    const base = await serve("127.0.0.1", ok);
    process.env.ALLOW_PRIVATE_FEEDS = "true";
    const res = await safeFetch(`${base}/feed`);
    expect(res.status).toBe(200);
    expect(await readText(res.body)).toBe("feed body");
    expect(res.contentLength).toBe(9);
  });

  it.each([
    ["decimal", (port: number) => `http://2130706433:${port}/`],
    ["hex and short", (port: number) => `http://0x7f.1:${port}/`],
    ["octal", (port: number) => `http://0177.0.0.1:${port}/`],
    ["IPv4-mapped IPv6", (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ["IPv6 loopback", (port: number) => `http://[::1]:${port}/`],
    ["unspecified", (port: number) => `http://0.0.0.0:${port}/`],
    ["localhost with a trailing dot", (port: number) => `http://localhost.:${port}/`],
    ["localhost", (port: number) => `http://localhost:${port}/`],
  ])("refuses loopback written as %s", async (_label, at) => {
    const base = await serve("127.0.0.1", ok);
    const port = Number(new URL(base).port);
    expect(await refusal(safeFetch(at(port)))).toEqual({ code: "upstream_error", message: UNREACHABLE_MESSAGE });
    expect(hits).toEqual([]);
  });

  it("refuses other schemes", async () => {
    for (const url of ["ftp://example.org/feed", "file:///etc/passwd", "gopher://example.org/"]) {
      expect((await refusal(safeFetch(url))).code, url).toBe("bad_request");
    }
  });

  it("follows redirects between allowed addresses, each hop checked", async () => {
    const base = await serve("127.0.0.1", (req, res) => {
      if (req.url === "/old") return void res.writeHead(301, { location: "/new" }).end();
      if (req.url === "/new") return void res.writeHead(302, { location: `${base}/feed` }).end();
      ok(req, res);
    });
    const res = await safeFetch(`${base}/old`, { allowAddress: publicLoopback });
    expect(res.status).toBe(200);
    expect(await readText(res.body)).toBe("feed body");
    expect(hits).toEqual(["127.0.0.1/old", "127.0.0.1/new", "127.0.0.1/feed"]);
  });

  it("refuses a redirect from an allowed server to a private one, without reaching it", async () => {
    const inside = await serve("127.0.0.2", ok);
    const outside = await serve("127.0.0.1", (_req, res) => res.writeHead(302, { location: `${inside}/secret` }).end());
    expect(await refusal(safeFetch(`${outside}/feed`, { allowAddress: publicLoopback }))).toEqual({
      code: "upstream_error",
      message: UNREACHABLE_MESSAGE,
    });
    expect(hits).toEqual(["127.0.0.1/feed"]);
  });

  it("stops after a few redirects", async () => {
    const base = await serve("127.0.0.1", (req, res) => res.writeHead(302, { location: `/loop${hits.length}` }).end());
    expect((await refusal(safeFetch(`${base}/loop`, { allowAddress: publicLoopback, maxRedirects: 3 }))).message).toBe(UNREACHABLE_MESSAGE);
    expect(hits).toHaveLength(4);
  });

  it("tells a closed port, a timeout and a refused address apart in no way", async () => {
    const closed = await serve("127.0.0.1", ok);
    await new Promise((r) => servers.pop()!.close(r));
    const silent = await serve("127.0.0.1", () => {});
    const allowAll = () => true;
    const answers = [
      await refusal(safeFetch(`${closed}/feed`, { allowAddress: allowAll })),
      await refusal(safeFetch(`${silent}/feed`, { allowAddress: allowAll, timeoutMs: 300 })),
      await refusal(safeFetch("http://169.254.169.254/latest/meta-data/")),
      await refusal(safeFetch("http://10.0.0.1:5432/")),
      await refusal(safeFetch("http://does-not-exist.invalid/feed", { allowAddress: allowAll })),
    ];
    for (const a of answers) expect(a).toEqual({ code: "upstream_error", message: UNREACHABLE_MESSAGE });
  });

  it("decodes a gzip body and drops the encoded length", async () => {
    const base = await serve("127.0.0.1", (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("zipped feed")));
    const res = await safeFetch(`${base}/feed`, { allowAddress: publicLoopback });
    expect(await readText(res.body)).toBe("zipped feed");
    expect(res.contentLength).toBeUndefined();
  });
});
