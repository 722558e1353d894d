/**
 * One ingest of <file> into <databaseUrl> (with `no-bulk`, never as a bulk load), run by
 * bench/ingest-one-document.ts in its own process so its peak memory is its own. Prints one `BENCH_RESULT {json}` line on stdout.
 */
import { createReadStream, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "@/lib/db";
import { runIngest } from "@/lib/ingest/run-ingest";

const [file, databaseUrl, mode] = process.argv.slice(2);
if (!file || !databaseUrl) throw new Error("usage: ingest-child.ts <file> <databaseUrl> [no-bulk]");
const noBulk = mode === "no-bulk";

// maxRSS is the kernel's high-water mark; the sampled RSS is a cross-check (it misses
// spikes shorter than the interval, or while the event loop is busy).
let sampledRss = process.memoryUsage().rss;
const sampler = setInterval(() => (sampledRss = Math.max(sampledRss, process.memoryUsage().rss)), 50);

const prisma = createPrismaClient(databaseUrl);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const summary = await runIngest({
  body: createReadStream(file),
  origin: file,
  trigger: "cli",
  maxBytes: statSync(file).size + 1,
  prisma,
  bulkLoad: noBulk ? false : undefined,
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
await prisma.$disconnect();

const { new: created, updated, unchanged, rejected, bytes } = summary;
const result = {
  ms,
  bulkLoad: summary.bulkLoad,
  cpuMs: (cpu.user + cpu.system) / 1000,
  new: created,
  updated,
  unchanged,
  rejected,
  bytes,
  maxRssKb: process.resourceUsage().maxRSS,
  sampledRssKb: Math.round(sampledRss / 1024),
  timings: summary.timings,
};
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
