/**
 * npm run bench:comments -- [--papers 100000] [--people 50] [--comments 1000] [--on 100]
 *                           [--thread 500] [--reads 300] [--chunk 50000] [--keep]
 *                           [--data <folder kept by an earlier --keep run of this bench or bench:pages>]
 *                           [--url <postgres URL of a seeded, migrated database>]
 *
 * The discussion under papers, through its real route handlers (POST and GET
 * /api/discussions/<paper>, called in this process with signed-in session cookies, as Next
 * calls them), on a database of N papers:
 *   1. seeds N synthetic papers (bench/pages-seed.ts) unless --data or --url names one;
 *   2. makes `--people` people with sessions and posts `--comments` comments over `--on` papers,
 *      every person posting at the same time (about a third are replies to earlier comments);
 *   3. checks that every comment was stored exactly once and that each paper's count
 *      (papers.user_comments, what numComments adds) equals its rows and its thread's count;
 *   4. grows one paper's thread to `--thread` comments and times `--reads` reads of it
 *      (signed out and signed in, alternating): p50, p95, max against the target p95 < 50 ms.
 * Exits 1 when a count is wrong or a request failed. Comments and people are added to a --data
 * or --url database (run it on a copy you can throw away).
 */
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import "./quiet-logs";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { seedPapers } from "./pages-seed";
import { fmtInt, root, seconds } from "./pages-util";

const TARGET_P95_MS = 50;

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "100000" },
    people: { type: "string", default: "50" },
    comments: { type: "string", default: "1000" },
    on: { type: "string", default: "100" },
    thread: { type: "string", default: "500" },
    reads: { type: "string", default: "300" },
    chunk: { type: "string", default: "50000" },
    keep: { type: "boolean", default: false },
    data: { type: "string" },
    url: { type: "string" },
  },
});
const int = (name: keyof typeof values, min: number) => {
  const n = Number(values[name]);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${values[name]}`);
  return n;
};
const [people, total, on, threadSize, reads] = [int("people", 1), int("comments", 1), int("on", 1), int("thread", 1), int("reads", 1)];

// The route handlers import "server-only", which throws outside Next's server build; Next's own
// modules need React's client build, so the react-server condition is no way out: the marker is
// answered with an empty module here, as vitest.config.ts does for the tests.
const requireHere = createRequire(import.meta.url);
const marker = requireHere.resolve("server-only");
requireHere.cache[marker] = Object.assign(new (requireHere("node:module") as typeof import("node:module"))(marker), {
  filename: marker,
  loaded: true,
  exports: {},
});

process.chdir(root);
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-comments-"));
let postgres: RunningPostgres | undefined;
process.on("exit", () => {
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function database(): Promise<string> {
  const t = performance.now();
  if (values.url) return values.url;
  const dataDir = values.data ? path.resolve(values.data, "pg") : path.join(tmp, "pg");
  postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  await applyMigrations(postgres.url);
  if (!values.data) {
    const r = await seedPapers(postgres.url, { papers: int("papers", 1), workDir: tmp, chunk: int("chunk", 1) });
    await sql(postgres.url, "VACUUM (ANALYZE)");
    console.log(`seeded ${fmtInt(r.papers)} papers in ${seconds(r.ms)}`);
  }
  console.log(`Postgres ready in ${seconds(performance.now() - t)}${values.keep ? ` (kept in ${tmp})` : ""}`);
  return postgres.url;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<number> {
  console.log(
    `${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} before the bench`,
  );
  const url = await database();
  process.env.DATABASE_URL = url;
  process.env.COMMENTS_PER_HOUR = "100000"; // the bench measures the routes, not the per-person budget
  process.env.AUTH_URL = "http://localhost";
  const route = await import("@/app/api/discussions/[paper]/route");
  const { NextRequest } = await import("next/server");

  const [{ n: paperCount }] = await sql<{ n: string }>(url, "SELECT count(*)::text AS n FROM papers WHERE hidden_at IS NULL");
  const paperIds = (await sql<{ id: number }>(url, `SELECT id FROM papers WHERE hidden_at IS NULL ORDER BY random() LIMIT ${on + 1}`)).map(
    (r) => r.id,
  );
  if (paperIds.length < on + 1) throw new Error(`the database has ${paperIds.length} papers; --on ${on} needs ${on + 1}`);
  const threadPaper = paperIds.pop()!;
  console.log(`${fmtInt(Number(paperCount))} papers; ${people} people post ${fmtInt(total)} comments over ${on} of them`);

  const run = randomBytes(4).toString("hex");
  const cookies: string[] = [];
  for (let i = 0; i < people; i++) {
    const [user] = await sql<{ id: string }>(url, `INSERT INTO users (id, email, email_verified) VALUES ($1, $2, now()) RETURNING id`, [
      `bench${run}${i}`,
      `bench-${run}-${i}@example.org`,
    ]);
    const token = randomBytes(24).toString("hex");
    await sql(url, `INSERT INTO sessions (id, session_token, user_id, expires) VALUES ($1, $1, $2, now() + interval '1 day')`, [
      token,
      user.id,
    ]);
    cookies.push(`authjs.session-token=${token}`);
  }

  const call = (method: "GET" | "POST", paperId: number, cookie?: string, body?: unknown) => {
    const headers = new Headers({ host: "localhost", origin: "http://localhost" });
    if (cookie) headers.set("cookie", cookie);
    if (body) headers.set("content-type", "application/json");
    const request = new NextRequest(`http://localhost/api/discussions/${paperId}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const context = { params: Promise.resolve({ paper: String(paperId) }) };
    return method === "GET" ? route.GET(request, context) : route.POST(request, context);
  };

  // Every person posts their share at once; a third of the comments answer an earlier one.
  const posted = new Map<number, number[]>(); // paper → top-level comment ids
  let failures = 0;
  const postOne = async (person: number, k: number, paperId: number) => {
    const parents = posted.get(paperId) ?? [];
    const parentId = k % 3 === 2 && parents.length ? parents[(k * 7) % parents.length] : undefined;
    const res = await call("POST", paperId, cookies[person], {
      body: `bench ${run} #${person}-${k}: is $\\mathcal{O}(n^{${k % 5}})$ tight? See **Table ${k % 9}** and [the code](https://example.org/${k}).`,
      parentId,
    });
    if (res.status !== 201) {
      failures++;
      if (failures <= 3) console.error(`POST answered ${res.status}: ${await res.text()}`);
      return;
    }
    const saved = (await res.json()) as { id: number; parentId: number | null };
    if (saved.parentId === null) posted.set(paperId, [...parents, saved.id]);
  };
  let t = performance.now();
  const perPerson = Math.ceil(total / people);
  await Promise.all(
    Array.from({ length: people }, async (_, person) => {
      for (let k = 0; k < perPerson && person * perPerson + k < total; k++) {
        await postOne(person, k, paperIds[(person * 31 + k * 17) % paperIds.length]);
      }
    }),
  );
  const postMs = performance.now() - t;
  console.log(`posted ${fmtInt(total)} comments in ${seconds(postMs)} (${((total / postMs) * 1000).toFixed(0)}/s, ${failures} failed)`);

  // Every comment stored once; every paper's count equals its rows and its thread.
  const [stored] = await sql<{ rows: number; distinct: number }>(
    url,
    `SELECT count(*)::int AS rows, count(DISTINCT body)::int AS distinct FROM comments WHERE body LIKE $1`,
    [`bench ${run} #%`],
  );
  const mismatched = await sql<{ id: number; user_comments: number; shown: number }>(
    url,
    `SELECT p.id, p.user_comments, (SELECT count(*)::int FROM comments c WHERE c.paper_id = p.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL) AS shown
       FROM papers p WHERE p.id = ANY($1) AND p.user_comments <> (SELECT count(*) FROM comments c WHERE c.paper_id = p.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)`,
    [paperIds],
  );
  let threadMismatch = 0;
  for (const id of paperIds.slice(0, 20)) {
    const body = (await (await call("GET", id)).json()) as { count: number };
    const [{ user_comments }] = await sql<{ user_comments: number }>(url, "SELECT user_comments FROM papers WHERE id = $1", [id]);
    if (body.count !== user_comments) threadMismatch++;
  }
  const storedOnce = stored.rows === total && stored.distinct === total;
  console.log(
    `stored: ${fmtInt(stored.rows)} rows, ${fmtInt(stored.distinct)} distinct of ${fmtInt(total)} posted (${storedOnce ? "each once" : "WRONG"}); ` +
      `counts: ${mismatched.length} of ${paperIds.length} papers off, ${threadMismatch} of 20 threads off`,
  );

  // One thread of --thread comments, read again and again.
  t = performance.now();
  const [{ have }] = await sql<{ have: number }>(url, "SELECT count(*)::int AS have FROM comments WHERE paper_id = $1", [threadPaper]);
  const grow = Math.max(0, threadSize - have);
  await Promise.all(
    Array.from({ length: people }, async (_, person) => {
      for (let k = person; k < grow; k += people) await postOne(person, 10_000 + k, threadPaper);
    }),
  );
  console.log(`grew one thread to ${fmtInt(threadSize)} comments in ${seconds(performance.now() - t)}`);
  for (let i = 0; i < 20; i++) await call("GET", threadPaper, i % 2 ? cookies[0] : undefined); // warm up
  const times: number[] = [];
  let bytes = 0;
  let threadCount = 0;
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    const res = await call("GET", threadPaper, i % 2 ? cookies[i % people] : undefined);
    const text = await res.text();
    times.push(performance.now() - started);
    if (res.status !== 200) failures++;
    bytes = text.length;
    threadCount = (JSON.parse(text) as { count: number }).count;
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `thread read (${fmtInt(threadCount)} comments, ${(bytes / 1024).toFixed(0)} KB of JSON), ${reads} reads: ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms ` +
      `(target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "met" : "NOT met"})`,
  );
  // The same reads without the route: the query and the thread's assembly alone.
  const { getThread } = await import("@/lib/comments/thread");
  const direct: number[] = [];
  for (let i = 0; i < Math.min(reads, 100); i++) {
    const started = performance.now();
    await getThread(threadPaper, null);
    direct.push(performance.now() - started);
  }
  direct.sort((a, b) => a - b);
  console.log(`getThread alone: p50 ${percentile(direct, 50).toFixed(1)} ms, p95 ${percentile(direct, 95).toFixed(1)} ms`);
  const ok = failures === 0 && storedOnce && mismatched.length === 0 && threadMismatch === 0 && threadCount >= Math.min(threadSize, 5000);
  return ok ? 0 : 1;
}

main().then(
  async (code) => {
    await postgres?.stop();
    process.exit(code);
  },
  async (err) => {
    console.error(err instanceof Error ? err.stack : err);
    await postgres?.stop();
    process.exit(1);
  },
);
