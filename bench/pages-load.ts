/**
 * Child of bench/pages.ts: load-tests each target with autocannon, in a process of its
 * own (not the server's, not the one that seeded). Reads its plan from the JSON file
 * named on the command line; prints one line per target as it goes and a final
 * `BENCH_RESULT {json}` line on stdout.
 *
 * Each target has a list of paths; every request takes the next path of the list
 * (autocannon's setupRequest runs per request), so no single cached answer can hide
 * a slow query. The one-at-a-time figures come from bench/pages-seq.ts, before the load.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

// autocannon ships no types: the little of its API used here, typed by hand.
type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: AutocannonResult) => void,
) => { stop(): void; on(event: "done", fn: () => void): void };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface LoadTarget {
  name: string;
  paths: string[];
}

export interface LoadPlan {
  baseUrl: string;
  targets: LoadTarget[];
  duration: number;
  connections: number;
  warmup: number;
  timeoutS: number;
  /** A cheap path, polled between targets until the server is idle again. */
  drainPath: string;
}

export interface LoadResult {
  name: string;
  firstPath: string;
  distinctPaths: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  drainMs: number;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  throughput: { total: number };
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}

/** `amount` requests (stopped after `maxSeconds` if the target is slow), or `duration` seconds. */
function run(
  plan: LoadPlan,
  target: LoadTarget & { next: number },
  opts: { amount?: number; maxSeconds?: number; duration?: number; connections?: number },
): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.baseUrl,
        connections: opts.connections ?? plan.connections,
        timeout: plan.timeoutS,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
        requests: [{ method: "GET", setupRequest: (req: object) => ({ ...req, path: target.paths[target.next++ % target.paths.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    const timer = opts.maxSeconds ? setTimeout(() => instance.stop(), opts.maxSeconds * 1000) : undefined;
    instance.on("done", () => clearTimeout(timer));
  });
}

/**
 * Requests a client gave up on (timeouts) still run in the server and in Postgres: wait
 * until a cheap request is fast again, so one target's backlog is not measured as the
 * next one's latency. Bounded: gives up after `maxSeconds`.
 */
async function drain(plan: LoadPlan, maxSeconds = 90): Promise<number> {
  const started = performance.now();
  let fast = 0;
  while (performance.now() - started < maxSeconds * 1000) {
    const t = performance.now();
    try {
      const res = await fetch(plan.baseUrl + plan.drainPath, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
    } catch {
      // still busy
    }
    if (performance.now() - t < 250) {
      if (++fast === 2) break;
    } else {
      fast = 0;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return performance.now() - started;
}

// A stopped bench stops the load at once (there is nothing to clean up here).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(1));

const plan = JSON.parse(readFileSync(process.argv[2], "utf8")) as LoadPlan;
const results: LoadResult[] = [];
for (const t of plan.targets) {
  const target = { ...t, next: 0 };
  const drainMs = await drain(plan);
  // Warm-up: JIT, connection pools, Postgres caches; bounded in time, for slow targets.
  if (plan.warmup > 0) await run(plan, target, { amount: plan.warmup, maxSeconds: Math.min(10, plan.duration) });
  await drain(plan);
  const r = await run(plan, target, { duration: plan.duration });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = s.count;
  // Every response that is not a 2xx, including those autocannon could not read a status
  // from (listed as "undefined"), which its own non2xx leaves out.
  const responses = Object.values(statusCodes).reduce((a, n) => a + n, 0);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !/^2\d\d$/.test(code))
    .reduce((a, [, n]) => a + n, 0);
  const result: LoadResult = {
    name: target.name,
    firstPath: target.paths[0],
    distinctPaths: new Set(target.paths).size,
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    bytesPerResponse: responses ? r.throughput.total / responses : 0,
    drainMs,
  };
  results.push(result);
  console.log(
    `  ${target.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, statuses ${JSON.stringify(statusCodes)}` +
      `${drainMs > 1000 ? `; waited ${(drainMs / 1000).toFixed(0)} s for the previous backlog` : ""}`,
  );
}
console.log(`BENCH_RESULT ${JSON.stringify(results)}`);
