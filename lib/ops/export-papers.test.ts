import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportPapers } from "@/lib/ops/export-papers";
import { useTestDatabase } from "@/lib/test/db";
import { feedsDir, feedText } from "@/lib/test/fixtures";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const run = promisify(execFile);
// The source, and empty databases to import into (created up front: hooks cannot be added inside a test).
const source = await useTestDatabase();
const [target, cliTarget, empty] = [await useTestDatabase(), await useTestDatabase(), await useTestDatabase()];
const dir = mkdtempSync(path.join(os.tmpdir(), "paperboy-export-"));

/** A stream that keeps what is written, slowly, with a tiny buffer: backpressure is exercised. */
function sink() {
  const chunks: string[] = [];
  const out = new Writable({
    highWaterMark: 256,
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  return { out, text: () => chunks.join("") };
}

async function exportText(prisma: PrismaClient, batchSize?: number) {
  const { out, text } = sink();
  const summary = await exportPapers({ prisma, out, batchSize });
  return { summary, text: text() };
}

/** Everything the round trip must keep, keyed by arXiv id (internal ids may differ). */
async function snapshot(prisma: PrismaClient) {
  const papers = await prisma.$queryRawUnsafe(
    `SELECT p.arxiv_id, p.title, p.abstract, p.published_at, p.upvotes, p.num_comments, p.github_repo, p.github_stars,
            p.project_page, p.ai_summary, p.ai_keywords, p.thumbnail, p.media_urls, p.author_names, p.author_count,
            o.name AS org, o.fullname AS org_fullname, o.avatar AS org_avatar,
            (SELECT coalesce(json_agg(json_build_array(a.name, a.hf_user) ORDER BY pa.position), '[]')
               FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = p.id) AS authors,
            (SELECT coalesce(json_agg(json_build_array(f.day, f.featured_at, f.submitter_name, f.submitter_fullname, f.submitter_avatar) ORDER BY f.day), '[]')
               FROM paper_features f WHERE f.paper_id = p.id) AS days
       FROM papers p LEFT JOIN organizations o ON o.id = p.organization_id
      WHERE p.arxiv_id IS NOT NULL AND p.hidden_at IS NULL
      ORDER BY p.arxiv_id`,
  );
  const [counts] = await prisma.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT (SELECT count(*) FROM papers WHERE arxiv_id IS NOT NULL AND hidden_at IS NULL) AS papers,
            (SELECT count(*) FROM paper_features f JOIN papers p ON p.id = f.paper_id WHERE p.arxiv_id IS NOT NULL AND p.hidden_at IS NULL) AS days,
            (SELECT count(DISTINCT pa.author_id) FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE p.arxiv_id IS NOT NULL AND p.hidden_at IS NULL) AS authors,
            (SELECT count(DISTINCT organization_id) FROM papers WHERE arxiv_id IS NOT NULL AND hidden_at IS NULL) AS organizations`,
  );
  return { papers, counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) };
}

beforeAll(async () => {
  for (const name of readdirSync(feedsDir).filter((f) => /\.(json|xml|txt)$/.test(f))) {
    await ingestText(source.prisma, feedText(name), 2026);
  }
  // What the captures lack: a paper featured on two days by different submitters, one never featured.
  await ingestText(
    source.prisma,
    hfDocument([
      {
        id: "2601.00001",
        title: "Twice Featured",
        day: "2026-01-05",
        submitter: "alice",
        authors: ["Ada Lovelace", "Alan Turing"],
        organization: "lab",
      },
      {
        id: "2601.00001",
        title: "Twice Featured",
        day: "2026-01-09",
        submitter: "bob",
        authors: ["Ada Lovelace", "Alan Turing"],
        organization: "lab",
        upvotes: 7,
      },
    ]),
  );
  await ingestText(
    source.prisma,
    JSON.stringify([
      { title: "Never Featured", paper: { id: "2601.00002", title: "Never Featured", authors: [{ name: "Grace Hopper" }], upvotes: 3 } },
    ]),
  );
  await source.prisma.$executeRawUnsafe(
    `UPDATE papers SET hidden_at = now(), hidden_reason = 'spam' WHERE arxiv_id = (SELECT min(arxiv_id) FROM papers)`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exportPapers", { timeout: 120_000 }, () => {
  it("round-trips through ingestion into an empty database: same papers, authors, organizations, days and counts", async () => {
    const { summary, text } = await exportText(source.prisma);
    const entries = JSON.parse(text) as { paper: { id: string } }[];
    expect(entries.length).toBe(summary.entries);
    const expected = await snapshot(source.prisma);
    expect(summary.papers).toBe(expected.counts.papers);
    expect(summary.entries).toBe(expected.counts.days + 1); // one entry per day, plus the never-featured paper
    expect(summary.skippedHidden).toBe(1);
    expect(summary.skippedWithoutId).toBeGreaterThan(0); // the copied page's title-only papers

    const ingested = await ingestText(target.prisma, text);
    expect(ingested.rejected).toBe(0);
    expect(ingested.new).toBe(expected.counts.papers);
    const actual = await snapshot(target.prisma);
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.papers).toEqual(expected.papers);
    expect(expected.counts.papers).toBeGreaterThan(80);

    // Exporting the copy gives the same document (but for `_id`s, derived from internal ids),
    // and ingesting it again changes nothing.
    const withoutIds = (json: string) => JSON.parse(json, (k, v: unknown) => (k === "_id" ? undefined : v)) as unknown;
    expect(withoutIds((await exportText(target.prisma)).text)).toEqual(withoutIds(text));
    expect(await ingestText(target.prisma, text)).toMatchObject({ new: 0, updated: 0, rejected: 0 });
  });

  it("reads in batches: any batch size gives the same document", async () => {
    const whole = await exportText(source.prisma, 10_000);
    const small = await exportText(source.prisma, 3);
    expect(small.text).toBe(whole.text);
    expect(small.summary).toEqual(whole.summary);
  });

  it("writes an empty array for an empty database", async () => {
    const { summary, text } = await exportText(empty.prisma);
    expect(JSON.parse(text)).toEqual([]);
    expect(summary).toEqual({ papers: 0, entries: 0, skippedWithoutId: 0, skippedHidden: 0 });
  });
});

describe("npm run export", { timeout: 120_000 }, () => {
  const cli = (script: string, args: string[], databaseUrl: string) =>
    run(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
      maxBuffer: 64 * 1024 * 1024,
    });

  it("exports to a file that `npm run ingest` reads back, and to stdout", async () => {
    const file = path.join(dir, "papers.json");
    const exported = await cli("scripts/export.ts", [file], source.url);
    expect(exported.stderr).toMatch(/exported \d+ papers as \d+ entries to .*papers\.json/);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const stdout = await cli("scripts/export.ts", [], source.url);
    expect(stdout.stdout).toBe(readFileSync(file, "utf8"));

    const ingested = await cli("scripts/ingest.ts", [file], cliTarget.url);
    expect(ingested.stdout).toMatch(/papers\.json: hf-daily, \d+ new, 0 updated, 0 unchanged, 0 rejected/);
    expect(await snapshot(cliTarget.prisma)).toEqual(await snapshot(source.prisma));
  });

  it("leaves no file behind when the export fails", async () => {
    const file = path.join(dir, "broken.json");
    const failed = await cli("scripts/export.ts", [file], "postgresql://nobody:pw@127.0.0.1:1/none").catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in failed && failed.code).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });
});

// Keep the fixture list honest: the round trip covers every capture the team shares.
it("ingests every shared fixture", () => {
  expect(readdirSync(feedsDir).filter((f) => /\.(json|xml|txt)$/.test(f)).length).toBeGreaterThanOrEqual(6);
});
