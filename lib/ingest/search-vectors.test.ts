import { afterEach, expect, it, vi } from "vitest";
import { runIngest } from "@/lib/ingest/run-ingest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument } from "@/lib/test/ingest";
import { streamOf } from "@/lib/test/fixtures";

const { prisma } = await useTestDatabase();

afterEach(() => vi.useRealTimers());

let n = 0;
/** A run of 12 new papers in batches of 4: from the second batch on, vectors come from the second connection. */
function ingestSomePapers() {
  const entries = Array.from({ length: 12 }, () => {
    n++;
    return { id: `2604.${String(n).padStart(5, "0")}`, title: `Sweeping paper ${n}`, summary: `Abstract number ${n}.`, day: "2026-04-20" };
  });
  return runIngest({ body: streamOf(hfDocument(entries)), origin: "test", trigger: "cli", prisma, batchSize: 4 });
}

/** Vectors left behind two days ago by a run whose process died before it could delete them. */
async function leaveStaleVectors(): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO ingest_search_vectors (batch, ord, vector, created_at)
     VALUES (nextval('ingest_search_vectors_batch_seq'), 0, to_tsvector('english', 'left behind'), now() - interval '2 days')`,
  );
}
const leftBehind = async () => (await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ingest_search_vectors`))[0].n;

it("deletes vectors a dead run left behind, looking for them at most once an hour rather than on every run", async () => {
  await leaveStaleVectors();
  expect((await ingestSomePapers()).new).toBe(12);
  expect(await leftBehind()).toBe(0);

  // Within the hour, runs do not look again (a scan of a table of dead rows, 40–56 ms a run).
  await leaveStaleVectors();
  expect((await ingestSomePapers()).new).toBe(12);
  expect(await leftBehind()).toBe(1);

  // An hour later, the next run does.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 61 * 60_000);
  expect((await ingestSomePapers()).new).toBe(12);
  expect(await leftBehind()).toBe(0);
});
