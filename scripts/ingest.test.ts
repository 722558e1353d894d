import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { feedsDir, feedText } from "@/lib/test/fixtures";

const run = promisify(execFile);
const { url, prisma } = await useTestDatabase();

function ingest(...args: string[]) {
  return ingestWith({}, ...args);
}

function ingestWith(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent", ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
}

describe("npm run ingest", { timeout: 120_000 }, () => {
  it("ingests files and prints each run's counts, the second time all unchanged", async () => {
    const files = ["hf-daily-papers-2026-08-14.json", "arxiv-rss-cs.AI-2026-04-27.xml"].map((f) => path.join(feedsDir, f));
    const first = await ingest(...files);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("hf-daily-papers-2026-08-14.json: hf-daily, 23 new, 0 updated, 0 unchanged, 0 rejected");
    expect(first.stdout).toContain("arxiv-rss-cs.AI-2026-04-27.xml: arxiv-rss, 3 new");
    const second = await ingest(files[0]);
    expect(second.stdout).toContain("0 new, 0 updated, 23 unchanged");
    expect(await prisma.paper.count()).toBe(26);
  });

  it("exits non-zero naming the problem, and still ingests the good files", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ingest-cli-"));
    const bad = path.join(dir, "broken.json");
    writeFileSync(bad, '[{"paper": ');
    const result = await ingest(bad, path.join(feedsDir, "arxiv-api-query-cs.RO-2025-10-17.xml"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.json: Invalid JSON/);
    expect(result.stdout).toContain("arxiv-api-query-cs.RO-2025-10-17.xml: arxiv-atom, 2 new");
  });

  it("fetches a URL on a private address only with ALLOW_PRIVATE_FEEDS=true", async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { "content-type": "application/json" }).end(feedText("hf-daily-papers-2025-10-01.json"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/daily.json`;
    try {
      const refused = await ingestWith({ ALLOW_PRIVATE_FEEDS: "false" }, feed);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not a public address.*ALLOW_PRIVATE_FEEDS=true/);
      expect(hits).toBe(0);
      const allowed = await ingestWith({ ALLOW_PRIVATE_FEEDS: "true" }, feed);
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toMatch(/hf-daily, \d+ new/);
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});
