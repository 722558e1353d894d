/**
 * Child of bench/pages.ts: the sequential phase, one reader at a time. For each target, its
 * warm-up paths then its measured paths, each request sent only once the previous response has
 * been read to its end (one keep-alive connection, as a browser tab would). Reads its plan from
 * the JSON file named on the command line; prints one line per target as it goes and a final
 * `BENCH_RESULT {json}` line on stdout.
 *
 * The paths are chosen by bench/pages.ts: for pages that are cached once rendered, a few paths
 * cycled (every request after the warm-up is a cache hit, as for a page many people read); for
 * the others, each measured path is one never requested before in the run (a paper page not yet
 * rendered, another author, another search word), so no answer comes from a cache but Postgres'.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { percentile } from "./pages-util";

export interface SeqTarget {
  name: string;
  warmup: string[];
  paths: string[];
}

export interface SeqPlan {
  baseUrl: string;
  targets: SeqTarget[];
  timeoutMs: number;
  /** Per target, warm-up included: past it the target stops (and says how many requests it made). */
  budgetMs: number;
}

export interface SeqResult {
  name: string;
  requests: number;
  distinctPaths: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The path of the slowest measured request. */
  slowest: string;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  /** Wall time of the whole target, warm-up included. */
  ms: number;
}

interface One {
  ms: number;
  status: number | string;
  bytes: number;
}

async function get(plan: SeqPlan, path: string): Promise<One> {
  const started = performance.now();
  try {
    // A redirect is an answer of its own (a 3xx): the bench's paths are final addresses.
    const res = await fetch(plan.baseUrl + path, { signal: AbortSignal.timeout(plan.timeoutMs), redirect: "manual" });
    const body = await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status, bytes: body.byteLength };
  } catch (err) {
    return { ms: performance.now() - started, status: err instanceof Error ? err.name : "error", bytes: 0 };
  }
}

// A stopped bench stops at once (there is nothing to clean up here).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(1));

const plan = JSON.parse(readFileSync(process.argv[2], "utf8")) as SeqPlan;
const results: SeqResult[] = [];
for (const target of plan.targets) {
  const started = performance.now();
  const overBudget = () => performance.now() - started > plan.budgetMs;
  for (const p of target.warmup) if (!overBudget()) await get(plan, p);
  const times: { ms: number; path: string }[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  let errors = 0;
  for (const p of target.paths) {
    if (overBudget()) break;
    const r = await get(plan, p);
    times.push({ ms: r.ms, path: p });
    statusCodes[r.status] = (statusCodes[r.status] ?? 0) + 1;
    if (typeof r.status === "number") bytes += r.bytes;
    else errors++;
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a), times[0]);
  const answered = times.length - errors;
  const result: SeqResult = {
    name: target.name,
    requests: times.length,
    distinctPaths: new Set(times.map((t) => t.path)).size,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    slowest: slowest?.path ?? "",
    non2xx: Object.entries(statusCodes)
      .filter(([code]) => !/^2\d\d$/.test(code))
      .reduce((a, [, n]) => a + n, 0),
    errors,
    statusCodes,
    bytesPerResponse: answered ? bytes / answered : 0,
    ms: performance.now() - started,
  };
  results.push(result);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `  ${target.name}: ${result.requests}${result.requests < target.paths.length ? ` of ${target.paths.length} (stopped after ${(plan.budgetMs / 1000).toFixed(0)} s)` : ""} requests (${result.distinctPaths} distinct paths) after ${target.warmup.length} warm-up: ` +
      `p50 ${f(result.p50)} ms, p99 ${f(result.p99)} ms, max ${f(result.max)} ms (${result.slowest}), statuses ${JSON.stringify(statusCodes)}`,
  );
}
console.log(`BENCH_RESULT ${JSON.stringify(results)}`);
