import { describe, expect, it, vi } from "vitest";
import { runIngest } from "@/lib/ingest/run-ingest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument } from "@/lib/test/ingest";
import { streamOf } from "@/lib/test/fixtures";

// The job queue refuses the work queued after the commit (the recommendations' "papers arrived").
vi.mock("@/lib/jobs/queue", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/jobs/queue")>()),
  enqueueRecsRefresh: async () => {
    throw new Error("queue down");
  },
}));

const { prisma } = await useTestDatabase();

describe("work after an ingest's commit", () => {
  it("cannot turn a committed run into a failure: the papers are saved and the run says so", async () => {
    const body = hfDocument([{ id: "2612.00001", title: "Saved Before The Queue Failed", day: "2026-12-01" }]);
    const summary = await runIngest({ body: streamOf(body), origin: "test", trigger: "cli", prisma });
    expect(summary.new).toBe(1);
    expect(await prisma.paper.count({ where: { arxivId: "2612.00001" } })).toBe(1);
    const run = await prisma.ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run.status).toBe("succeeded");
  });
});
