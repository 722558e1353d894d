import { describe, expect, it } from "vitest";
import pg from "pg";
import { runIngest } from "@/lib/ingest/run-ingest";
import { failInterruptedRuns } from "@/lib/ingest/run-lock";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument } from "@/lib/test/ingest";

const { prisma, url } = await useTestDatabase();

/** A request body that sends its first bytes, then waits until `release` is called. */
function stalledBody(text: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const bytes = new TextEncoder().encode(text);
  async function* body() {
    yield bytes.subarray(0, 10);
    await released;
    yield bytes.subarray(10);
  }
  return { body: body(), release };
}

async function waitFor<T>(check: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("ingest runs left running by a crash", () => {
  it("are marked failed, with the reason, at the next start", async () => {
    // What a server killed mid-run leaves: its connection is gone, its run still says running.
    const crashed = new pg.Client({ connectionString: url });
    await crashed.connect();
    const { rows } = await crashed.query<{ id: number }>(
      "INSERT INTO ingest_runs (origin, trigger) VALUES ('crashed', 'schedule') RETURNING id",
    );
    await crashed.end();

    expect(await failInterruptedRuns(prisma)).toBe(1);
    const run = await prisma.ingestRun.findUniqueOrThrow({
      where: { id: rows[0].id },
    });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^interrupted: the server stopped during this run/);
    expect(run.finishedAt).not.toBeNull();
    expect(await failInterruptedRuns(prisma)).toBe(0);
  });

  it("leave alone a run another live instance is doing", async () => {
    const { body, release } = stalledBody(hfDocument([{ id: "2512.00001", title: "Slow Feed", upvotes: 1, day: "2025-12-01" }]));
    const done = runIngest({ body, origin: "slow", trigger: "api", prisma });
    done.catch(() => {});
    const live = await waitFor(() =>
      prisma.ingestRun.findFirst({
        where: { origin: "slow", status: "running" },
      }),
    );

    // Another instance starts meanwhile.
    expect(await failInterruptedRuns(prisma)).toBe(0);
    expect(await prisma.ingestRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "running" });

    release();
    expect(await done).toMatchObject({
      runId: live.id,
      status: "succeeded",
      new: 1,
    });
    expect(await prisma.ingestRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "succeeded", error: null });
  });
});
