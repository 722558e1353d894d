import type pg from "pg";
import { logger } from "@/lib/logger";

export interface VectorText {
  title: string;
  abstract: string | null;
  authorNames: string;
  /** How the row finds a stored paper: a row that does will not be inserted, so needs no vector. */
  arxivId: string | null;
  titleKey: string;
}

/**
 * The rows no stored paper matches. Left out of the statement altogether when lookups are off:
 * naming `papers` at all takes a lock on it while the statement is planned, which a bulk load's
 * ACCESS EXCLUSIVE lock makes wait (until lock_timeout, and then every vector went to the trigger).
 */
const newRowsOnly = `
  WHERE CASE WHEN x.arxiv_id IS NOT NULL
             THEN NOT EXISTS (SELECT 1 FROM papers p WHERE p.arxiv_id = x.arxiv_id)
                  AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.title_key = x.title_key AND p.arxiv_id IS NULL)
             ELSE NOT EXISTS (SELECT 1 FROM papers p WHERE p.title_key = x.title_key) END`;

/** Stored vectors are deleted after this long even when their run never came back for them. */
const staleAfter = "1 day";

/**
 * How often a process looks for such leftovers. Looking is a scan of a table whose rows are
 * deleted as fast as they are written (dead rows until a vacuum): done by every run it cost
 * 40–56 ms a run, a sixth of a re-ingest of 1,000 papers; leftovers wait a day anyway.
 */
const SWEEP_EVERY_MS = 60 * 60_000;
let sweptAt = -Infinity;

/**
 * Computes papers' search vectors (`paper_search_vector`, the function the papers trigger
 * uses) on a connection of its own, outside the run's transaction, so Postgres works on
 * two cores: this backend runs the costly `to_tsvector` of the next batch while the
 * run's backend writes the current one. The vectors are stored in `ingest_search_vectors`
 * under a batch number, row n for the batch's n-th paper, where the run's insert reads
 * them: they never travel through Node. A failure yields null (the trigger then computes
 * them inside the transaction, as for any insert).
 */
export class SearchVectorWorker {
  private client?: Promise<pg.Client>;
  private broken = false;
  private readonly stored = new Set<number>();
  /** The last query sent: each waits for the one before (a pg client must not be given a second query while busy). */
  private last: Promise<unknown> = Promise.resolve();

  /**
   * Whether rows matching a stored paper are skipped. Off when the run may bulk-load: its
   * locks on papers would make the lookup wait for the run, which waits for the vectors.
   */
  skipStored = true;

  constructor(private readonly connect: () => Promise<pg.Client>) {}

  private serial<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    this.client ??= this.connect().then(async (client) => {
      // Never left waiting on a lock the run itself may hold: an error here only hands the
      // vectors back to the trigger.
      await client.query("SET lock_timeout = '5s'");
      if (Date.now() - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = Date.now();
        await client.query(`DELETE FROM ingest_search_vectors WHERE created_at < now() - interval '${staleAfter}'`);
      }
      return client;
    });
    const client = this.client;
    const done = this.last.then(() => client).then(work);
    this.last = done.catch(() => {});
    return done;
  }

  /**
   * Stores the vectors of the rows that match no stored paper (as the run matches them: by
   * arXiv id, else by normalised title), so a re-ingest costs a lookup per row and no vector.
   * A row it guessed wrong about gets its vector from the trigger. Resolves to the batch
   * number, or null.
   */
  compute(rows: VectorText[]): Promise<number | null> {
    if (this.broken || !rows.length) return Promise.resolve(null);
    return this.serial((client) =>
      client.query<{ batch: string }>(
        `WITH b AS (SELECT nextval('ingest_search_vectors_batch_seq') AS batch),
              stored AS (INSERT INTO ingest_search_vectors (batch, ord, vector)
                         SELECT b.batch, x.n - 1, paper_search_vector(x.title, x.abstract, x.author_names)
                           FROM b, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                                   WITH ORDINALITY AS x(title, abstract, author_names, arxiv_id, title_key, n)
                          ${this.skipStored ? newRowsOnly : ""}
                         RETURNING 1)
         SELECT batch FROM b`,
        [
          rows.map((r) => r.title),
          rows.map((r) => r.abstract),
          rows.map((r) => r.authorNames),
          rows.map((r) => r.arxivId),
          rows.map((r) => r.titleKey),
        ],
      ),
    ).then(
      (result) => {
        const batch = Number(result.rows[0].batch);
        this.stored.add(batch);
        return batch;
      },
      (err: unknown) => {
        this.broken = true;
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, "search vectors fall back to the trigger");
        return null;
      },
    );
  }

  /** Deletes a batch's vectors once the run has read them (after any computation already asked for). */
  release(batch: number | null): void {
    if (batch === null || !this.stored.delete(batch)) return;
    this.serial((client) => client.query("DELETE FROM ingest_search_vectors WHERE batch = $1", [batch])).catch((err: unknown) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "search vectors left to expire"),
    );
  }

  /** Waits for the queries asked for, deletes what is left of the run's vectors and closes the connection. */
  async end(): Promise<void> {
    if (!this.client) return;
    await this.last;
    const client = await this.client.catch(() => undefined);
    if (client && this.stored.size) {
      await client.query("DELETE FROM ingest_search_vectors WHERE batch = ANY($1::bigint[])", [[...this.stored]]).catch(() => {});
    }
    await client?.end().catch(() => {});
  }
}
