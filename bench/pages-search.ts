/**
 * Child of bench/pages.ts: times `searchPapers` itself (no HTTP, no rendering) against
 * DATABASE_URL, one query at a time, for each set of queries in the JSON file named on
 * the command line. Run with `--conditions=react-server`, so `import "server-only"`
 * resolves to its empty module as it does inside Next. Prints `BENCH_RESULT {json}`.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import "./quiet-logs";
import { disconnectDb } from "@/lib/db";
import { searchPapers } from "@/lib/data/search";
import { parseSearchQuery } from "@/lib/search/query";
import { percentile } from "./pages-util";

export interface SearchPlan {
  limit: number;
  warmup: number;
  /** Time budget per set: a set stops early (and says so) when its queries are slow. */
  budgetMs: number;
  sets: { name: string; queries: string[] }[];
}

export interface SearchTiming {
  name: string;
  queries: number;
  distinct: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** The slowest query, to EXPLAIN. */
  slowest: string;
  emptyPages: number;
}

const plan = JSON.parse(readFileSync(process.argv[2], "utf8")) as SearchPlan;

async function time(q: string): Promise<{ ms: number; hits: number }> {
  const parsed = parseSearchQuery(q);
  if (!parsed) throw new Error(`not a search: ${JSON.stringify(q)}`);
  const t = performance.now();
  const { hits } = await searchPapers({ tsquery: parsed.tsquery, limit: plan.limit, offset: 0, arxivOnly: true });
  return { ms: performance.now() - t, hits: hits.length };
}

const results: SearchTiming[] = [];
for (const set of plan.sets) {
  // Warm-up (connections, plans, caches), within a quarter of the set's budget.
  const warmStart = performance.now();
  for (const q of set.queries.slice(0, plan.warmup)) {
    if (performance.now() - warmStart > plan.budgetMs / 4) break;
    await time(q);
  }
  const ms: number[] = [];
  let slowest = { q: "", ms: -1 };
  let emptyPages = 0;
  const started = performance.now();
  for (const q of set.queries) {
    if (performance.now() - started > plan.budgetMs) break;
    const r = await time(q);
    ms.push(r.ms);
    if (r.ms > slowest.ms) slowest = { q, ms: r.ms };
    if (!r.hits) emptyPages++;
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const result: SearchTiming = {
    name: set.name,
    queries: ms.length,
    distinct: new Set(set.queries.slice(0, ms.length)).size,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
    slowest: slowest.q,
    emptyPages,
  };
  results.push(result);
  const cut = ms.length < set.queries.length ? ` (stopped after ${(plan.budgetMs / 1000).toFixed(0)} s, of ${set.queries.length})` : "";
  console.log(`  ${set.name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${ms.length} queries${cut}`);
}
await disconnectDb();
console.log(`BENCH_RESULT ${JSON.stringify(results)}`);
