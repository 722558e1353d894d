/**
 * Seeds a database with N synthetic papers for bench/pages.ts, memory bounded at any N:
 * a child process (bench/pages-gen.ts) streams the whole synthetic feed (papers in day
 * order over 365 days, as writeSyntheticFeed makes them) into a named pipe (a file path,
 * as writeSyntheticFeed wants, with a pipe's backpressure), and this process cuts that
 * stream into documents of `chunk` entries, each ingested by `runIngest` in its own
 * transaction while the child keeps generating. Nothing is written to disk but the
 * database.
 */
import { execFileSync } from "node:child_process";
import { closeSync, constants, createReadStream, openSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Readable } from "node:stream";
import { createPrismaClient } from "@/lib/db";
import { runIngest } from "@/lib/ingest/run-ingest";
import { root, spawnTracked, stopChild } from "./pages-util";

export interface SeedResult {
  papers: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  bytes: number;
  /** Wall time, generation and ingest overlapping. */
  ms: number;
  /** Time spent inside runIngest, summed over the chunks. */
  ingestMs: number;
  chunks: number;
}

export interface SeedOptions {
  papers: number;
  /** A folder for the named pipe between the generator and this process. */
  workDir: string;
  /** Entries per ingested document (and transaction). */
  chunk?: number;
  onChunk?: (done: number, total: number, elapsedMs: number) => void;
}

/** Lines of a text stream, pulled on demand (the pipe's backpressure reaches the generator). */
async function* readLines(stream: Readable): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of stream.setEncoding("utf8")) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

/**
 * The generator writes `[`, then one entry per line (`{...},`), then `]`. Yields the
 * entries, without their separating commas.
 */
async function* entries(lines: AsyncGenerator<string>): AsyncGenerator<string> {
  for await (const line of lines) {
    if (line === "[" || line === "]" || line === "") continue;
    if (!line.startsWith("{")) throw new Error(`unexpected line from the generator: ${line.slice(0, 80)}`);
    yield line.endsWith(",") ? line.slice(0, -1) : line;
  }
}

/** One JSON array document of the next `take` entries, as ~64 KB text chunks. */
async function* document(source: AsyncGenerator<string>, take: number, counter: { n: number }): AsyncGenerator<string> {
  let buf = "[";
  for (let n = 0; n < take; n++) {
    const next = await source.next();
    if (next.done) throw new Error(`the generator ended early, after ${counter.n} entries`);
    buf += (n ? ",\n" : "\n") + next.value;
    counter.n++;
    if (buf.length >= 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  yield buf + "\n]\n";
}

export async function seedPapers(databaseUrl: string, opts: SeedOptions): Promise<SeedResult> {
  const chunk = opts.chunk ?? 50_000;
  const started = performance.now();
  const fifo = path.join(opts.workDir, "synthetic-feed.fifo");
  rmSync(fifo, { force: true });
  execFileSync("mkfifo", ["-m", "600", fifo]);
  const gen = spawnTracked(process.execPath, ["--import", "tsx", path.join(root, "bench/pages-gen.ts"), String(opts.papers), fifo], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const genExit = new Promise<number | null>((resolve) =>
    gen.on("exit", (code) => {
      // Opening a FIFO for reading waits for a writer: if the generator died before it
      // opened the pipe, open and close it once so the read ends (early) instead of hanging.
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // no reader waiting: nothing to release
      }
      resolve(code);
    }),
  );
  const prisma = createPrismaClient(databaseUrl, 2);
  const result: SeedResult = {
    papers: opts.papers,
    new: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    bytes: 0,
    ms: 0,
    ingestMs: 0,
    chunks: 0,
  };
  const counter = { n: 0 };
  try {
    const source = entries(readLines(createReadStream(fifo, { highWaterMark: 1 << 20 })));
    for (let done = 0; done < opts.papers; done += chunk) {
      const take = Math.min(chunk, opts.papers - done);
      const t = performance.now();
      const summary = await runIngest({
        body: document(source, take, counter),
        origin: `bench:pages synthetic papers ${done + 1}-${done + take}`,
        trigger: "cli",
        format: "hf-daily",
        maxBytes: Number.MAX_SAFE_INTEGER,
        prisma,
      });
      result.ingestMs += performance.now() - t;
      result.new += summary.new;
      result.updated += summary.updated;
      result.unchanged += summary.unchanged;
      result.rejected += summary.rejected;
      result.bytes += summary.bytes;
      result.chunks++;
      opts.onChunk?.(done + take, opts.papers, performance.now() - started);
    }
    // Drain what is left (the closing bracket) so the generator can finish.
    for await (const extra of source) throw new Error(`the generator wrote more than ${opts.papers} entries: ${extra.slice(0, 80)}`);
    const code = await genExit;
    if (code !== 0) throw new Error(`the generator failed (exit code ${code})`);
  } finally {
    await stopChild(gen, 2_000);
    await prisma.$disconnect();
    rmSync(fifo, { force: true });
  }
  result.ms = performance.now() - started;
  return result;
}
