/**
 * `npm run bench:ingest` by default: the path feeds take. Synthetic documents of each format
 * and size are POSTed to /api/ingest of the production build (.next-bench), one at a time
 * as a poller or a pushing feed sends them (or K at a time), first into an empty database
 * and then again (every paper unchanged). Each format and size gets a database of its own
 * (a copy of a migrated template) and each pass a server process of its own, so "first" is a
 * first load and the peak memory is that pass's. Where the time goes comes from the server:
 * each run's `timings` (lib/ingest/types.ts) in the API answer, and Postgres' function
 * statistics (track_functions) for the search-vector trigger and the title words.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatBytes } from "@/lib/ingest/read-document";
import { zeroIngestTimings, type IngestTimings } from "@/lib/ingest/types";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/test/postgres";
import { loadAverage, TARGET_PEAK_MB } from "./ingest-one-document";
import { postgresCpuMs, processCpuMs, sql, vmKb, withDatabase } from "./ingest-util";
import { build, serverJs, startServer, type RunningServer } from "./pages-server";
import { fmtInt, percentile, root, seconds } from "./pages-util";
import { syntheticDocument, syntheticEntries, type SyntheticEntry, type SyntheticFormat } from "./synthetic-feed";

export const TARGET_PAPERS_PER_S = 2_500;
/** The document size the targets are set at. */
export const TARGET_DOC_SIZE = 1_000;
/** What startServer configures (bench/pages-server.ts). */
const INGEST_TOKEN = "bench-ingest-token-0123456789";
const SEEDS: Record<SyntheticFormat, number> = { "hf-daily": 20260814, "arxiv-atom": 20260815, "arxiv-rss": 20260816 };

export interface ApiOptions {
  papers: number;
  docSizes: number[];
  formats: SyntheticFormat[];
  concurrency: number;
  skipBuild: boolean;
  /** Keep each format and size's documents and database (the caller keeps the temp folder). */
  keep: boolean;
  tmp: string;
}

type Counts = { new: number; updated: number; unchanged: number; rejected: number };
type Phase = Exclude<keyof IngestTimings, "vectorsMs" | "totalMs" | "revalidateMs">;
const PHASES: Phase[] = ["startMs", "readMs", "parseMs", "prepareMs", "saveMs", "commitMs", "afterCommitMs", "recordMs"];

interface Pass {
  format: SyntheticFormat;
  docSize: number;
  label: "first" | "re-ingest";
  docs: number;
  papers: number;
  bytes: number;
  ms: number;
  requestMs: number[];
  counts: Counts;
  /** Sums over the pass's runs. */
  timings: Required<IngestTimings>;
  peakRssMb: number;
  /** The server's resident set after its warm-up, before the first document: what ingest adds is the rest. */
  idleRssMb: number;
  nodeCpuMs: number;
  pgCpuMs: number;
  /** Postgres function statistics of the pass: name → [calls, total ms]. */
  functions: Map<string, [number, number]>;
  /** The pass's costliest statements (pg_stat_statements), most time first. */
  statements: Statement[];
  errors: string[];
}

const zeroTimings = (): Required<IngestTimings> => ({ ...zeroIngestTimings(), revalidateMs: 0 });

/** Writes the documents of one format and size; returns their files. */
function writeDocuments(dir: string, format: SyntheticFormat, papers: number, docSize: number): { files: string[]; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  let entries: SyntheticEntry[] = [];
  const write = () => {
    const text = syntheticDocument(format, entries);
    const file = path.join(dir, `${String(files.length).padStart(5, "0")}.${format === "hf-daily" ? "json" : "xml"}`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
    entries = [];
  };
  for (const entry of syntheticEntries(papers, SEEDS[format])) {
    entries.push(entry);
    if (entries.length === docSize) write();
  }
  if (entries.length) write();
  return { files, bytes };
}

interface PostResult {
  ms: number;
  status: number;
  body: (Counts & { timings?: IngestTimings; error?: { message?: string } }) | null;
}

async function post(baseUrl: string, body: Uint8Array<ArrayBuffer>): Promise<PostResult> {
  const t = performance.now();
  const res = await fetch(`${baseUrl}/api/ingest`, {
    method: "POST",
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": "application/octet-stream" },
    body,
    signal: AbortSignal.timeout(600_000),
  });
  const text = await res.text();
  const ms = performance.now() - t;
  let parsed: PostResult["body"] = null;
  try {
    parsed = JSON.parse(text) as PostResult["body"];
  } catch {
    // reported below as an error
  }
  return { ms, status: res.status, body: parsed };
}

interface Statement {
  text: string;
  calls: number;
  ms: number;
}

/**
 * The statements of one database by time (the server's and the search-vector connection's),
 * since the last reset: which SQL a paper's cost is in. Time includes waiting for a core.
 */
async function statementStats(admin: string, database: string): Promise<Statement[]> {
  const rows = await sql<{ text: string; calls: string; ms: number }>(
    admin,
    `SELECT left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90) AS text, s.calls::text, s.total_exec_time AS ms
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = $1 ORDER BY s.total_exec_time DESC LIMIT 8`,
    [database],
  );
  return rows.map((r) => ({ text: r.text.trim(), calls: Number(r.calls), ms: r.ms }));
}

async function functionStats(url: string): Promise<Map<string, [number, number]>> {
  const rows = await sql<{ name: string; calls: string; total: number }>(
    url,
    "SELECT funcname AS name, calls::text, total_time AS total FROM pg_stat_user_functions",
  );
  return new Map(rows.map((r) => [r.name, [Number(r.calls), r.total]]));
}

function diffStats(after: Map<string, [number, number]>, before: Map<string, [number, number]>) {
  const out = new Map<string, [number, number]>();
  for (const [name, [calls, total]] of after) {
    const [c0, t0] = before.get(name) ?? [0, 0];
    if (calls > c0) out.set(name, [calls - c0, total - t0]);
  }
  return out;
}

/** One pass: a server of its own against `url`, every document posted, the server stopped. */
async function runPass(
  base: Omit<
    Pass,
    | "docs"
    | "ms"
    | "requestMs"
    | "counts"
    | "timings"
    | "peakRssMb"
    | "idleRssMb"
    | "nodeCpuMs"
    | "pgCpuMs"
    | "functions"
    | "statements"
    | "errors"
  >,
  files: string[],
  opts: ApiOptions,
  url: string,
  dataDir: string,
  admin: string,
): Promise<Pass> {
  const statsBefore = await functionStats(url);
  await sql(admin, "SELECT pg_stat_statements_reset()");
  const workDir = path.join(opts.tmp, `server-${base.format}-${base.docSize}-${base.label}`);
  mkdirSync(workDir, { recursive: true });
  const server: RunningServer = await startServer(url, workDir);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= server.stop());
  const pass: Pass = {
    ...base,
    docs: files.length,
    ms: 0,
    requestMs: [],
    counts: { new: 0, updated: 0, unchanged: 0, rejected: 0 },
    timings: zeroTimings(),
    peakRssMb: 0,
    idleRssMb: 0,
    nodeCpuMs: 0,
    pgCpuMs: 0,
    functions: new Map(),
    statements: [],
    errors: [],
  };
  const { pid } = server;
  let sampledKb = vmKb(pid, "VmRSS");
  const sampler = setInterval(() => {
    try {
      sampledKb = Math.max(sampledKb, vmKb(pid, "VmRSS"));
    } catch {
      // the server exited: reported by the requests
    }
  }, 100);
  try {
    // A server that has run before, as a poller's is: two runs of a document whose one entry is
    // rejected (nothing stored) load the route's and the run's code and open the connections.
    for (let i = 0; i < 2; i++) {
      const warm = await post(server.baseUrl, new TextEncoder().encode('[{"paper": {"id": "warm-up"}, "title": ""}]'));
      if (warm.status !== 200 || warm.body?.rejected !== 1) throw new Error(`the warm-up run failed: HTTP ${warm.status}`);
    }
    pass.idleRssMb = vmKb(pid, "VmRSS") / 1024;
    const pgBefore = postgresCpuMs(dataDir);
    const cpuBefore = processCpuMs(pid);
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < files.length; i = next++) {
        const body = readFileSync(files[i]);
        const r = await post(server.baseUrl, body);
        pass.requestMs.push(r.ms);
        if (r.status !== 200 || !r.body?.timings) {
          pass.errors.push(`${path.basename(files[i])}: HTTP ${r.status} ${r.body?.error?.message ?? ""}`.trim());
          continue;
        }
        for (const k of ["new", "updated", "unchanged", "rejected"] as const) pass.counts[k] += r.body[k];
        for (const [k, v] of Object.entries(r.body.timings)) pass.timings[k as keyof IngestTimings] += v;
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, files.length) }, worker));
    pass.ms = performance.now() - started;
    pass.nodeCpuMs = processCpuMs(pid) - cpuBefore;
    pass.peakRssMb = Math.max(vmKb(pid, "VmHWM"), sampledKb) / 1024;
    await stop();
    await new Promise((r) => setTimeout(r, 500)); // the postmaster reaps the server's backends, which write out their statistics
    pass.pgCpuMs = postgresCpuMs(dataDir) - pgBefore;
  } finally {
    clearInterval(sampler);
    await stop();
  }
  pass.functions = diffStats(await functionStats(url), statsBefore);
  pass.statements = await statementStats(admin, new URL(url).pathname.slice(1));
  return pass;
}

export async function ingestThroughApi(opts: ApiOptions): Promise<number> {
  if (opts.skipBuild) {
    try {
      readFileSync(serverJs);
    } catch {
      console.log(`--skip-build, but there is no build in ${path.relative(root, serverJs)}: run once without it`);
      return 1;
    }
  } else if (!(await build(path.join(opts.tmp, "build.log")))) return 1;

  let pg: RunningPostgres | undefined;
  const passes: Pass[] = [];
  try {
    let t = performance.now();
    const dataDir = path.join(opts.tmp, "pg");
    process.chdir(root); // applyMigrations reads prisma/migrations from the working directory
    const port = await freePort();
    pg = await startEmbeddedPostgres({ dataDir, port });
    await applyMigrations(pg.url);
    const admin = withDatabase(pg.url, "postgres");
    // Per-function time of PL/pgSQL and SQL functions (the search-vector trigger, the title
    // words), and per-statement time (pg_stat_statements, loaded at start: hence the restart).
    await sql(admin, "ALTER SYSTEM SET track_functions = 'all'");
    await sql(admin, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await pg.stop();
    pg = await startEmbeddedPostgres({ dataDir, port });
    await sql(admin, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    console.log(`fresh Postgres up and migrated in ${seconds(performance.now() - t)}`);

    let k = 0;
    for (const docSize of opts.docSizes) {
      for (const format of opts.formats) {
        t = performance.now();
        const dir = path.join(opts.tmp, `docs-${format}-${docSize}`);
        const { files, bytes } = writeDocuments(dir, format, opts.papers, docSize);
        const largest = Math.max(...files.map((f) => readFileSync(f).byteLength));
        console.log(
          `\n${format}, ${fmtInt(docSize)}-paper documents: ${files.length} documents, ${formatBytes(bytes)} (largest ${formatBytes(largest)}), ` +
            `generated in ${seconds(performance.now() - t)}; load average ${loadAverage()}`,
        );
        // Documents of 10,000 HF papers are about 36 MB: above the 20 MB default.
        process.env.INGEST_MAX_BYTES = String(Math.max(20 * 1024 * 1024, largest + 1024));
        const database = `bench_${k++}`;
        await sql(admin, `CREATE DATABASE ${database} TEMPLATE paperboy`);
        const url = withDatabase(pg.url, database);
        for (const label of ["first", "re-ingest"] as const) {
          const pass = await runPass({ format, docSize, label, papers: opts.papers, bytes }, files, opts, url, dataDir, admin);
          passes.push(pass);
          console.log(
            `  ${label.padEnd(9)} ${fmtInt(pass.papers / (pass.ms / 1000)).padStart(7)} papers/s in ${seconds(pass.ms)}: ` +
              `${pass.counts.new} new, ${pass.counts.updated} updated, ${pass.counts.unchanged} unchanged, ${pass.counts.rejected} rejected; ` +
              `peak RSS ${pass.peakRssMb.toFixed(0)} MB (${pass.idleRssMb.toFixed(0)} MB before the first document)${pass.errors.length ? `; ${pass.errors.length} failed requests, e.g. ${pass.errors[0]}` : ""}`,
          );
        }
        if (!opts.keep) {
          await sql(admin, `DROP DATABASE ${database}`);
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await pg?.stop();
  }
  return report(passes, opts);
}

function report(passes: Pass[], opts: ApiOptions): number {
  const per1k = (p: Pass, ms: number) => (ms / p.papers) * 1000;
  const rate = (p: Pass) => p.papers / (p.ms / 1000);
  console.log(
    `\nIngest through POST /api/ingest, production build: ${fmtInt(opts.papers)} papers per format and document size, ` +
      `${opts.concurrency === 1 ? "documents posted one at a time" : `${opts.concurrency} documents at a time`}`,
  );
  const head = [
    "format",
    "doc size",
    "pass",
    "docs",
    "papers/s",
    "seconds",
    "req p50 ms",
    "req max ms",
    "idle RSS MB",
    "peak RSS MB",
    "node CPU s",
    "pg CPU s",
  ];
  const widths = [10, 8, 9, 5, 8, 7, 10, 10, 11, 11, 10, 8];
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(head));
  for (const p of passes) {
    const sorted = [...p.requestMs].sort((a, b) => a - b);
    console.log(
      line([
        p.format,
        fmtInt(p.docSize),
        p.label,
        String(p.docs),
        fmtInt(rate(p)),
        (p.ms / 1000).toFixed(2),
        percentile(sorted, 50).toFixed(0),
        (sorted.at(-1) ?? 0).toFixed(0),
        p.idleRssMb.toFixed(0),
        p.peakRssMb.toFixed(0),
        (p.nodeCpuMs / 1000).toFixed(1),
        (p.pgCpuMs / 1000).toFixed(1),
      ]),
    );
  }

  console.log(
    `\nWhere the time goes, ms per 1,000 papers. request: the client's wall time per request, summed; http: that less the run ` +
      `and the cache refresh (routing, the JSON answer, loopback); run: runIngest's phases (lib/ingest/types.ts IngestTimings), ` +
      `other: the run's time between them; vectors: the search-vector trigger inside save (Postgres function statistics); ` +
      `2nd conn: vectors computed beside the run (overlaps the rest); title words: add_title_words, inside after-commit.`,
  );
  const cols: [string, (p: Pass) => number][] = [
    ["request", (p) => p.requestMs.reduce((a, b) => a + b, 0)],
    ["http", (p) => p.requestMs.reduce((a, b) => a + b, 0) - p.timings.totalMs - p.timings.revalidateMs],
    ["start", (p) => p.timings.startMs],
    ["read", (p) => p.timings.readMs],
    ["parse", (p) => p.timings.parseMs],
    ["prepare", (p) => p.timings.prepareMs],
    ["save", (p) => p.timings.saveMs],
    ["vectors", (p) => p.functions.get("papers_search_vector")?.[1] ?? 0],
    ["commit", (p) => p.timings.commitMs],
    ["after-commit", (p) => p.timings.afterCommitMs],
    ["title words", (p) => p.functions.get("add_title_words")?.[1] ?? 0],
    ["record", (p) => p.timings.recordMs],
    ["revalidate", (p) => p.timings.revalidateMs],
    ["other", (p) => p.timings.totalMs - PHASES.reduce((a, k) => a + p.timings[k], 0)],
    ["2nd conn", (p) => p.timings.vectorsMs],
  ];
  console.log(`${"".padEnd(30)}${cols.map(([h]) => h.padStart(Math.max(8, h.length + 1))).join("")}`);
  for (const p of passes) {
    const label = `${p.format} ${fmtInt(p.docSize)} ${p.label}`.padEnd(30);
    console.log(
      label +
        cols
          .map(([h, f]) =>
            per1k(p, f(p))
              .toFixed(1)
              .padStart(Math.max(8, h.length + 1)),
          )
          .join(""),
    );
  }
  const others = new Map<string, [number, number, number]>();
  for (const p of passes) {
    for (const [name, [calls, total]] of p.functions) {
      if (name === "papers_search_vector" || name === "add_title_words") continue;
      const [c, t, n] = others.get(name) ?? [0, 0, 0];
      others.set(name, [c + calls, t + total, n + p.papers]);
    }
  }
  if (others.size) {
    console.log(
      `other functions Postgres timed, all passes (ms per 1,000 papers; nested calls are inside their callers' time): ` +
        [...others]
          .sort((a, b) => b[1][1] - a[1][1])
          .slice(0, 8)
          .map(([name, [calls, total, n]]) => `${name} ${((total / n) * 1000).toFixed(1)} (${fmtInt(calls)} calls)`)
          .join(", "),
    );
  }

  console.log(
    `\nPostgres statements by time, ms per 1,000 papers (pg_stat_statements: both connections, nested statements ` +
      `inside their callers; times include waiting for a core, so they add up to more than Postgres' CPU)`,
  );
  for (const p of passes) {
    console.log(`${p.format} ${fmtInt(p.docSize)} ${p.label}`);
    for (const s of p.statements.slice(0, 6)) {
      console.log(`  ${per1k(p, s.ms).toFixed(1).padStart(8)}  ${fmtInt(s.calls).padStart(7)} calls  ${s.text}`);
    }
  }

  console.log(`\ntargets (at ${fmtInt(TARGET_DOC_SIZE)}-paper documents)`);
  for (const format of opts.formats) {
    for (const label of ["first", "re-ingest"] as const) {
      const p = passes.find((x) => x.format === format && x.docSize === TARGET_DOC_SIZE && x.label === label);
      console.log(
        p
          ? `  ${rate(p) >= TARGET_PAPERS_PER_S ? "PASS" : "FAIL"}  ${format} ${label} >= ${fmtInt(TARGET_PAPERS_PER_S)} papers/s (${fmtInt(rate(p))})`
          : `  ----  ${format} ${label}: not measured (add ${fmtInt(TARGET_DOC_SIZE)} to --doc-size)`,
      );
    }
  }
  const worst = Math.max(...passes.map((p) => p.peakRssMb));
  console.log(`  ${worst < TARGET_PEAK_MB ? "PASS" : "FAIL"}  server peak memory < ${TARGET_PEAK_MB} MB (${worst.toFixed(0)} MB)`);

  const wrong = passes.filter((p) => {
    const c = p.counts;
    const expected = p.label === "first" ? { new: p.papers, unchanged: 0 } : { new: 0, unchanged: p.papers };
    return p.errors.length || c.new !== expected.new || c.unchanged !== expected.unchanged || c.updated || c.rejected;
  });
  if (wrong.length) {
    for (const p of wrong) {
      console.log(
        `\nFAIL: ${p.format} ${p.docSize} ${p.label}: expected ${p.papers} ${p.label === "first" ? "new" : "unchanged"} and nothing else, got ` +
          `${JSON.stringify(p.counts)}${p.errors.length ? `; ${p.errors.length} failed requests: ${p.errors.slice(0, 3).join("; ")}` : ""}`,
      );
    }
    return 1;
  }
  return 0;
}
