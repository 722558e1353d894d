/**
 * npx tsx bench/pages-explain.ts <folder kept by `npm run bench:pages -- --keep`>
 *        [--path /search?q=zhou ...] [--search zhou ...] [--sql "SELECT ..." ...] [--min-ms 0] [--first]
 *
 * Where a page's time goes: restarts the kept Postgres with auto_explain on (ANALYZE,
 * BUFFERS, nested statements) for the seeded database, then
 *   --path P    requests P from the standalone server in .next-bench (twice: the plans of
 *               the second, warm, request are printed), by default the daily page, a paper
 *               page, search, the daily-papers API, the latest week and month and the most
 *               prolific and a typical author (from the kept samples.json); with --first,
 *               once, and the plans of that first request are printed (for pages cached
 *               once rendered, whose second request runs no statement);
 *   --search W  calls searchPapers(W) directly (no build needed), twice, warm plans shown;
 *   --sql S     EXPLAIN (ANALYZE, BUFFERS) S, run twice, the second (warm) plan shown: to
 *               try a rewrite of a slow statement against the same data.
 * Every statement the app ran for that request is printed with its plan, slowest first.
 * The database settings are reset and Postgres stopped at the end.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import "./quiet-logs";
import pg from "pg";
import { isoWeekOf, monthOf } from "@/lib/papers/dates";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { freePort } from "@/lib/test/postgres";
import type { SearchPlan } from "./pages-search";
import { serverJs, startServer } from "./pages-server";
import { children, killChildren, runTsx, stopChild } from "./pages-util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    path: { type: "string", multiple: true, default: [] },
    search: { type: "string", multiple: true, default: [] },
    sql: { type: "string", multiple: true, default: [] },
    "min-ms": { type: "string", default: "0" },
    first: { type: "boolean", default: false },
  },
});
const dir = positionals[0];
if (!dir || !existsSync(path.join(dir, "pg/PG_VERSION")))
  throw new Error("usage: pages-explain.ts <folder kept by bench:pages --keep> [--path P] [--search W]");

let log = "";
let postgres: RunningPostgres | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => killChildren("SIGTERM"));

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

interface Plan {
  ms: number;
  text: string;
}

/** auto_explain entries in a stretch of the Postgres log. */
function plans(chunk: string): Plan[] {
  const out: Plan[] = [];
  const re = /duration: ([\d.]+) ms\s+plan:\n([\s\S]*?)(?=\n\S[^\n]*(?:LOG|ERROR|WARNING|STATEMENT):|$)/g;
  for (const m of chunk.matchAll(re)) out.push({ ms: Number(m[1]), text: m[2].replace(/\n+$/, "") });
  return out.sort((a, b) => b.ms - a.ms);
}

function printPlans(label: string, chunk: string) {
  const found = plans(chunk);
  const total = found.reduce((a, p) => a + p.ms, 0);
  console.log(
    `\n=============== ${label}: ${found.length} statements, ${total.toFixed(1)} ms in Postgres (nested statements counted twice)`,
  );
  for (const p of found) {
    // The query text can be long (column lists): its first lines are enough to tell it.
    const text = p.text.replace(
      /(Query Text: (?:[^\n]*\n){0,6})[\s\S]*?(\n\s*(?:Nested Loop|Limit|Sort|Result|Aggregate|Index|Bitmap|Seq|Hash|Merge|Unique|WindowAgg|CTE|Subquery|Append|Gather|Incremental)[\s\S]*)$/,
      "$1\t...$2",
    );
    console.log(`\n--- ${p.ms.toFixed(1)} ms\n${text}`);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 300));

async function main() {
  postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), onLog: (line) => (log += `${line}\n`) });
  const url = postgres.url;
  await sql(
    url,
    `ALTER DATABASE paperboy SET session_preload_libraries = 'auto_explain';
     ALTER DATABASE paperboy SET auto_explain.log_min_duration = '${Number(values["min-ms"])}ms';
     ALTER DATABASE paperboy SET auto_explain.log_analyze = on;
     ALTER DATABASE paperboy SET auto_explain.log_buffers = on;
     ALTER DATABASE paperboy SET auto_explain.log_nested_statements = on;
     ALTER DATABASE paperboy SET auto_explain.log_triggers = on;`,
  );
  try {
    const samplesFile = path.join(dir, "samples.json");
    const samples = existsSync(samplesFile) ? JSON.parse(readFileSync(samplesFile, "utf8")) : undefined;

    for (const statement of values.sql) {
      await sql(url, `EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      const t = performance.now();
      const { rows } = await sql(url, `EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      console.log(
        `\n=============== ${statement.replace(/\s+/g, " ").slice(0, 200)} (second run, ${(performance.now() - t).toFixed(1)} ms with EXPLAIN)`,
      );
      console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      log = "";
    }

    for (const word of values.search) {
      const planFile = path.join(dir, "explain-search-plan.json");
      const plan: SearchPlan = { limit: 20, warmup: 1, budgetMs: 600_000, sets: [{ name: word, queries: [word] }] };
      writeFileSync(planFile, JSON.stringify(plan));
      await runTsx("bench/pages-search.ts", [planFile], {
        nodeFlags: ["--conditions=react-server"],
        env: { DATABASE_URL: url, LOG_LEVEL: "warn" },
      });
      await settle();
      const all = log;
      log = "";
      console.log(`\n(searchPapers ran twice, a warm-up then the measured call: both runs' statements follow)`);
      printPlans(`searchPapers("${word}")`, all);
    }

    let paths = values.path;
    if (!paths.length && !values.search.length && !values.sql.length && samples) {
      const q = encodeURIComponent(samples.midWords[0].word);
      paths = [
        "/",
        `/papers/${samples.middleArxivId}`,
        `/search?q=${q}`,
        `/api/papers/search?q=${q}`,
        "/api/daily_papers",
        `/api/daily_papers?date=${samples.middleDay}`,
        // Samples kept by runs before the week, month and author targets have no authors.
        "/papers/week/" + isoWeekOf(samples.latestDay),
        "/papers/month/" + monthOf(samples.latestDay),
        ...[samples.topAuthors?.[0], samples.typicalAuthors?.[0]].filter(Boolean).map((a) => `/authors/${encodeURIComponent(a.name)}`),
      ];
    }
    if (paths.length) {
      if (!existsSync(serverJs)) throw new Error(`no build in ${serverJs}: run npm run bench:pages first (or use --search)`);
      const server = await startServer(url, dir);
      try {
        for (const p of paths) {
          // --first: the plans of the first request (a page cached once rendered runs no
          // statement on its second), otherwise those of the second, warm, one.
          if (!values.first) {
            const first = await fetch(server.baseUrl + p);
            await first.arrayBuffer();
          }
          await settle();
          log = "";
          const t = performance.now();
          const res = await fetch(server.baseUrl + p);
          await res.arrayBuffer();
          const ms = performance.now() - t;
          await settle();
          printPlans(`GET ${p} -> ${res.status} in ${ms.toFixed(1)} ms (${values.first ? "first" : "second"} request)`, log);
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await sql(url, "ALTER DATABASE paperboy RESET ALL").catch((e) => console.error(`could not reset the settings: ${e}`));
  }
}

let code = 1;
try {
  await main();
  code = 0;
} catch (err) {
  console.error(`explain failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  killChildren("SIGTERM");
  await Promise.all([...children].map((c) => stopChild(c, 5_000)));
  await postgres?.stop();
}
process.exit(code);
