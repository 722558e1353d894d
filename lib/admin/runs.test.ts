import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { streamOf } from "@/lib/test/fixtures";
import { hfDocument, ingestText } from "@/lib/test/ingest";

/** The run history and uploads by hand: counts, rejections with their reasons, a failed run's error. */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { listRuns, getRun, ingestUpload } = await import("@/lib/admin/runs");
const { listAuditLog } = await import("@/lib/admin/audit");

const actor = { email: "admin@example.org" };

beforeAll(async () => {
  for (let i = 1; i <= 5; i++)
    await ingestText(prisma, hfDocument([{ id: `2605.0000${i}`, title: `History Paper ${i}`, day: "2026-05-04" }]));
});

describe("uploading a feed file", () => {
  it("ingests it as a run with its counts and rejected entries, and audits it", async () => {
    const doc = JSON.stringify([
      ...JSON.parse(
        hfDocument([
          { id: "2605.00001", title: "History Paper 1", day: "2026-05-04" },
          { id: "2605.00100", title: "Uploaded Paper", day: "2026-05-05" },
        ]),
      ),
      ...JSON.parse(hfDocument([{ id: "2605.00101", title: "???", day: "2026-05-05" }])),
    ]);
    const summary = await ingestUpload(actor, { body: streamOf(doc), fileName: "daily\n2026-05-05.json", size: Buffer.byteLength(doc) });
    expect(summary).toMatchObject({ new: 1, unchanged: 1, rejected: 1, format: "hf-daily" });
    const run = await getRun(summary.runId);
    expect(run).toMatchObject({
      origin: "upload: daily2026-05-05.json",
      trigger: "admin",
      status: "succeeded",
      newCount: 1,
      unchangedCount: 1,
      rejectedCount: 1,
      error: null,
    });
    expect(run!.rejections).toEqual([{ id: expect.any(Number), ref: "2605.00101", reason: expect.stringMatching(/title/) }]);
    expect(run!.durationMs).toBeGreaterThanOrEqual(0);
    expect((await listAuditLog({ page: 1 })).rows[0]).toMatchObject({
      action: "ingest.upload",
      target: `run:${summary.runId}`,
      details: { ok: true, new: 1, rejected: 1 },
    });
  });

  it("refuses a file over the limit: a failed run with the reason, nothing saved, audited", async () => {
    const doc = hfDocument([{ id: "2605.00200", title: "Too Big To Ingest", day: "2026-05-06" }]);
    await expect(ingestUpload(actor, { body: streamOf(doc, 16), fileName: "big.json", maxBytes: 64 })).rejects.toMatchObject({
      code: "payload_too_large",
    });
    const [failed] = (await listRuns({ page: 1, status: "failed" })).runs;
    expect(failed).toMatchObject({ origin: "upload: big.json", status: "failed", error: expect.stringMatching(/larger than/) });
    expect((await getRun(failed.id))!.error).toMatch(/INGEST_MAX_BYTES/);
    expect(await prisma.paper.findUnique({ where: { arxivId: "2605.00200" } })).toBeNull();
    expect((await listAuditLog({ page: 1 })).rows[0]).toMatchObject({
      action: "ingest.upload",
      target: `run:${failed.id}`,
      details: { ok: false, code: "payload_too_large" },
    });
  });

  it("refuses a file in no known format", async () => {
    await expect(ingestUpload(actor, { body: streamOf("just some notes"), fileName: "notes.txt" })).rejects.toMatchObject({
      code: "unsupported_format",
    });
  });
});

describe("the run history", () => {
  it("pages newest first and filters by status", async () => {
    const all = await listRuns({ page: 1, pageSize: 3 });
    expect(all.hasMore).toBe(true);
    const ids = all.runs.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const next = await listRuns({ page: 2, pageSize: 3 });
    expect(Math.max(...next.runs.map((r) => r.id))).toBeLessThan(Math.min(...ids));
    const total = await prisma.ingestRun.count();
    const pages = Math.ceil(total / 3);
    expect((await listRuns({ page: pages, pageSize: 3 })).hasMore).toBe(false);
    expect((await listRuns({ page: 1, status: "failed" })).runs.every((r) => r.status === "failed")).toBe(true);
    expect((await listRuns({ page: 1, status: "succeeded" })).runs).toHaveLength(6);
  });

  it("an unknown run is null", async () => {
    expect(await getRun(999_999)).toBeNull();
  });
});

describe("the audit log", () => {
  it("pages newest first and filters by kind", async () => {
    const { rows } = await listAuditLog({ page: 1, action: "ingest" });
    expect(rows.length).toBe(3);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    expect((await listAuditLog({ page: 1, action: "paper" })).rows).toEqual([]);
    const paged = await listAuditLog({ page: 1, pageSize: 2 });
    expect(paged).toMatchObject({ hasMore: true });
    expect((await listAuditLog({ page: 2, pageSize: 2 })).rows.map((r) => r.id)).toEqual([rows[2].id]);
  });
});
