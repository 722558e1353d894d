import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { IngestTrigger, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { enqueueRecsRefresh, queues } from "@/lib/jobs/queue";
import { storageProblem } from "@/lib/ingest/normalize";
import { limitBytes, peek, readText, tooLarge, type ByteSource } from "@/lib/ingest/read-document";
import { beginBulkLoad, finishBulkLoad, type BulkLoad } from "@/lib/ingest/bulk-load";
import { openIngestConnection } from "@/lib/ingest/connection";
import { createLockedRun } from "@/lib/ingest/run-lock";
import { prepareBatch, createStaging, savePapers, type SaveCounts } from "@/lib/ingest/save-papers";
import { SearchVectorWorker } from "@/lib/ingest/search-vectors";
import { parseArxivAtom } from "@/lib/ingest/sources/arxiv-atom";
import { parseArxivRss } from "@/lib/ingest/sources/arxiv-rss";
import { detectFormat } from "@/lib/ingest/sources/detect";
import { parseHfDaily } from "@/lib/ingest/sources/hf-daily";
import { parseHfPageText } from "@/lib/ingest/sources/hf-page-text";
import {
  FeedParseError,
  type FeedFormat,
  type IngestTimings,
  zeroIngestTimings,
  type ParsedPaper,
  type ParsedRejection,
  type ParseItem,
} from "@/lib/ingest/types";

export interface IngestOptions {
  /** The document, as it arrives (request body, file stream, HTTP response). */
  body: ByteSource;
  /** Where it came from, as shown in the run history: a URL, a file name, "request body". */
  origin: string;
  trigger: IngestTrigger;
  sourceId?: number;
  /** Skip detection and read the document as this format. */
  format?: FeedFormat;
  /** Size limit in bytes; defaults to INGEST_MAX_BYTES. */
  maxBytes?: number;
  /** Size announced before reading (Content-Length, file size): refused at once when too large. */
  declaredBytes?: number;
  /** Year of year-less dates in copied pages; defaults to the current UTC year. */
  year?: number;
  /** Papers written per statement batch. */
  batchSize?: number;
  prisma?: PrismaClient;
  /** Database to write to; defaults to the one `prisma` (or DATABASE_URL) points at. */
  databaseUrl?: string;
  /**
   * Bulk load (indexes and foreign keys set aside and rebuilt at the end, tables locked):
   * by default when the papers table was empty and the document holds more than two
   * batches; true tries it from the first batch whatever the table holds; false never.
   */
  bulkLoad?: boolean;
  /** Called after each batch, for progress bars and logs. */
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress extends SaveCounts {
  rejected: number;
  /** Bytes of the document read so far. */
  bytes: number;
}

export interface IngestSummary extends IngestProgress {
  runId: number;
  status: "succeeded";
  format: FeedFormat;
  durationMs: number;
  /** Whether the run set indexes and foreign keys aside and rebuilt them (see `bulkLoad`). */
  bulkLoad: boolean;
  /** The first rejections with their reasons (all are stored with the run). */
  rejections: ParsedRejection[];
  /** Where the run's time went (bench:ingest prints them per 1,000 papers). */
  timings: IngestTimings;
}

const keptRejections = 1000;
/** How often a long run logs its progress. */
const progressLogMs = 10_000;
const analyzeAfterBatch = new Set([1, 4, 16, 64, 256, 1024]);
const analyzeLookupColumns =
  "ANALYZE papers (id, key, arxiv_id, title_key), paper_authors (paper_id, author_id), authors (id, name), paper_features (paper_id, day)";

/**
 * Ingests one feed document: detects its format, parses it as a stream, and saves the
 * papers in batches inside one transaction, so a document that fails half-way (bad
 * syntax, too large, a database error) leaves nothing behind. The route, the CLI and
 * the scheduled poller all come through here; each run is recorded with its counts.
 */
export async function runIngest(opts: IngestOptions): Promise<IngestSummary> {
  const prisma = opts.prisma ?? db();
  const maxBytes = opts.maxBytes ?? env().INGEST_MAX_BYTES;
  const started = Date.now();
  const t0 = performance.now();
  const timings = zeroIngestTimings();
  const since = (t: number) => performance.now() - t;
  // The run's own connection, opened first: it holds the run's lock from the moment its row
  // exists until its outcome is written, so a later start can tell a crashed run (run-lock.ts).
  const client = await openIngestConnection(opts.prisma, opts.databaseUrl);
  const run = await createLockedRun(client, { origin: opts.origin.slice(0, 2000), trigger: opts.trigger, sourceId: opts.sourceId }).catch(
    async (err) => {
      await client.end().catch(() => {});
      throw err;
    },
  );
  timings.startMs += since(t0);
  const log = logger.child({ runId: run.id, origin: opts.origin });
  const progress: IngestProgress = { new: 0, updated: 0, unchanged: 0, rejected: 0, bytes: 0 };
  const rejections: ParsedRejection[] = [];
  let format: FeedFormat | undefined = opts.format;
  let loggedAt = started;
  let bulkLoaded = false;
  const reportProgress = () => {
    opts.onProgress?.({ ...progress });
    const now = Date.now();
    if (now - loggedAt < progressLogMs) return;
    loggedAt = now;
    const papers = progress.new + progress.updated + progress.unchanged;
    log.info({ ...progress, papers, papersPerSecond: Math.round(papers / ((now - started) / 1000)) }, "ingest progress");
  };

  try {
    if (opts.declaredBytes !== undefined && opts.declaredBytes > maxBytes) throw tooLarge(maxBytes);
    const bytes = timeWaits(
      limitBytes(opts.body, maxBytes, (n) => (progress.bytes = n)),
      (ms) => (timings.readMs += ms),
    );
    let parseStarted = performance.now();
    let readBefore = timings.readMs;
    const { head, rest } = await peek(bytes);
    format ??= detectFormat(head) ?? undefined;
    if (!format) {
      throw new AppError(
        "unsupported_format",
        head.trim()
          ? "Unrecognised feed format: expected Hugging Face daily-papers JSON, arXiv Atom or RSS, or a copied Hugging Face papers page"
          : "The feed document is empty",
      );
    }
    const items = parseDocument(format, rest, opts.year ?? new Date().getUTCFullYear());
    // Small enough that a 1,000-paper document is four batches, so the vectors of one are
    // computed while another is written; large enough that each statement's fixed cost is shared.
    const batchSize = opts.batchSize ?? 250;
    timings.parseMs += since(parseStarted) - (timings.readMs - readBefore);

    const vectors = new SearchVectorWorker(() => openIngestConnection(opts.prisma, opts.databaseUrl));
    try {
      let t = performance.now();
      await client.query("BEGIN");
      // Ends a transaction abandoned mid-run, so its locks do not outlive a stalled source.
      await client.query("SET LOCAL idle_in_transaction_session_timeout = '10min'");
      await createStaging(client);
      const {
        rows: [{ empty, stored }],
      } = await client.query<{ empty: boolean; stored: number }>(
        "SELECT NOT EXISTS (SELECT 1 FROM papers) AS empty, greatest(reltuples, 0)::float8 AS stored FROM pg_class WHERE oid = 'papers'::regclass",
      );
      timings.startMs += since(t);
      let bulk: BulkLoad | null = null;
      let bulkTries = opts.bulkLoad === false || (opts.bulkLoad === undefined && !empty) ? 0 : 3;
      vectors.skipStored = bulkTries === 0;
      let batch: ParsedPaper[] = [];
      let batches = 0;
      let analyzedAt = 0;
      const newIds: number[] = [];
      // At most one batch is being written while the next one is parsed and encoded: Node
      // works while Postgres writes, instead of each waiting for the other.
      let writing: Promise<void> = Promise.resolve();
      // The search vectors of a batch's new papers (to_tsvector: half of Postgres' work for a new
      // paper) are computed on a second connection while the batch before it is written, so
      // Postgres works on two cores. A document of a single partial batch (a poll with a few
      // papers, a submission) leaves them to the trigger rather than open a connection.
      let vectorsOn = false;
      const flush = async (last: boolean) => {
        const asked = performance.now();
        vectorsOn ||= !last;
        const prepared = prepareBatch(batch, vectorsOn ? vectors : undefined);
        timings.prepareMs += since(asked);
        void prepared.vectors?.then(() => (timings.vectorsMs += since(asked)));
        batch = [];
        const waited = performance.now();
        await writing;
        timings.saveMs += since(waited);
        batches++;
        const analyzeDue = analyzeAfterBatch.has(batches);
        // A first load of a large document (a third batch is coming) sets the indexes aside.
        const bulkDue = bulkTries > 0 && !bulk && (opts.bulkLoad === true || (!last && batches >= 2));
        writing = (async () => {
          if (bulkDue) {
            bulkTries--;
            bulk = await beginBulkLoad(client);
          }
          const counts = await savePapers(client, prepared);
          // The batch's stored vectors have been read: the second connection deletes them.
          void prepared.vectors?.then((batch) => vectors.release(batch));
          progress.new += counts.new;
          progress.updated += counts.updated;
          progress.unchanged += counts.unchanged;
          for (const id of counts.newIds) newIds.push(id);
          reportProgress();
          // A first ingest grows the tables inside this transaction, where autovacuum cannot
          // see them; fresh statistics keep the lookups on their indexes (batches 1, 4, 16, …
          // when papers were added). Only the columns the lookups and joins use: statistics
          // of the search vector are costly and wait for autovacuum. Only when this run has
          // grown the table by a tenth: a run of 1,000 papers into 100,000 changes no plan,
          // and sampling the tables cost it more than its own writes.
          if (analyzeDue && progress.new > analyzedAt && progress.new > stored / 10) {
            analyzedAt = progress.new;
            await client.query(analyzeLookupColumns);
          }
        })();
        // A failure is rethrown by the next `await writing`; this only keeps it from being reported as unhandled meanwhile.
        writing.catch(() => {});
      };
      // The loop's own time is parsing (less the waits for bytes); flush counts its own phases.
      parseStarted = performance.now();
      readBefore = timings.readMs;
      let flushMs = 0;
      for await (const item of items) {
        const rejection = item.kind === "rejected" ? item.rejection : rejectionFor(item.paper);
        if (rejection) {
          progress.rejected++;
          if (rejections.length < keptRejections) rejections.push(rejection);
          continue;
        }
        batch.push((item as Extract<ParseItem, { kind: "paper" }>).paper);
        if (batch.length >= batchSize) {
          const f = performance.now();
          await flush(false);
          flushMs += since(f);
        }
      }
      timings.parseMs += since(parseStarted) - flushMs - (timings.readMs - readBefore);
      if (batch.length) await flush(true);
      t = performance.now();
      await writing;
      timings.saveMs += since(t);
      t = performance.now();
      // Assigned in the batches' closures, which the compiler does not follow.
      const load = bulk as BulkLoad | null;
      if (load) {
        const rebuilding = Date.now();
        await finishBulkLoad(client, load);
        bulkLoaded = true;
        log.info(
          { ms: Date.now() - rebuilding, indexes: load.indexes.length, foreignKeys: load.constraints.length },
          "bulk load: indexes and foreign keys rebuilt",
        );
      }
      await client.query("COMMIT");
      timings.commitMs += since(t);
      t = performance.now();
      // The new titles' words, for search suggestions: after the commit, so a failure here only
      // logs, and so concurrent runs do not queue on the rows of common words.
      if (newIds.length) {
        await client
          .query("SELECT add_title_words($1::int[])", [newIds])
          .catch((err: unknown) => log.warn({ err }, "title words not refreshed"));
      }
      // Committed: nothing from here on may report the run as failed ("nothing was saved").
      await Promise.resolve()
        .then(() => enqueueRecsRefresh(queues.recsArrival))
        .catch((err: unknown) => log.warn({ err }, "recommendations not queued for the new papers"));
      timings.afterCommitMs += since(t);
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      await vectors.end();
    }

    const finishedAt = new Date();
    const recording = performance.now();
    await prisma.ingestRun.update({
      where: { id: run.id },
      data: {
        status: "succeeded",
        format,
        finishedAt,
        bytes: BigInt(progress.bytes),
        newCount: progress.new,
        updatedCount: progress.updated,
        unchangedCount: progress.unchanged,
        rejectedCount: progress.rejected,
        rejections: rejections.length
          ? { createMany: { data: rejections.map((r) => ({ ref: r.ref.slice(0, 500), reason: r.reason.slice(0, 1000) })) } }
          : undefined,
      },
    });
    timings.recordMs += since(recording);
    timings.totalMs = since(t0);
    const summary: IngestSummary = {
      runId: run.id,
      status: "succeeded",
      format,
      ...progress,
      durationMs: finishedAt.getTime() - started,
      bulkLoad: bulkLoaded,
      rejections: rejections.slice(0, 100),
      timings: roundTimings(timings),
    };
    log.info(
      {
        format,
        new: progress.new,
        updated: progress.updated,
        unchanged: progress.unchanged,
        rejected: progress.rejected,
        ms: summary.durationMs,
        bulkLoad: bulkLoaded,
      },
      "ingest run finished",
    );
    return summary;
  } catch (err) {
    const error = asAppError(err);
    log.warn({ code: error.code, err: error.message }, "ingest run failed");
    await prisma.ingestRun
      .update({
        where: { id: run.id },
        data: { status: "failed", format, finishedAt: new Date(), bytes: BigInt(progress.bytes), error: error.message.slice(0, 2000) },
      })
      .catch((e) => log.error({ err: String(e) }, "could not record the failed run"));
    throw Object.assign(error, { details: { ...error.details, runId: run.id } });
  } finally {
    // Only now, with the outcome written, is the run's lock released.
    await client.end().catch(() => {});
  }
}

/** Passes the chunks on, adding the time spent waiting for each to `add`. */
async function* timeWaits<T>(source: AsyncIterable<T>, add: (ms: number) => void): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const t = performance.now();
    const next = await iterator.next();
    add(performance.now() - t);
    if (next.done) return;
    yield next.value;
  }
}

/** Milliseconds to a tenth: enough to see where the time goes, short in a JSON answer. */
function roundTimings(t: IngestTimings): IngestTimings {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.max(0, Math.round(v * 10) / 10)])) as unknown as IngestTimings;
}

function parseDocument(format: FeedFormat, body: AsyncIterable<Uint8Array>, year: number): AsyncIterable<ParseItem> {
  if (format === "hf-daily") return parseHfDaily(body);
  return (async function* () {
    const text = await readText(body);
    if (format === "arxiv-atom") yield* parseArxivAtom(text);
    else if (format === "arxiv-rss") yield* parseArxivRss(text);
    else yield* parseHfPageText(text, { year });
  })();
}

function rejectionFor(paper: ParsedPaper): ParsedRejection | null {
  const problem = storageProblem(paper);
  return problem ? { ref: paper.arxivId ?? paper.title.slice(0, 200), reason: problem } : null;
}

function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof FeedParseError) return new AppError("parse_error", err.message);
  const message = err instanceof Error ? err.message : String(err);
  return new AppError("internal", `Ingest failed, nothing was saved: ${message}`);
}
