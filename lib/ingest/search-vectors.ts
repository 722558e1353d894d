import type pg from "pg";
import { logger } from "@/lib/logger";

export interface VectorText {
  title: string;
  abstract: string | null;
  authorNames: string;
}

/**
 * Computes papers' search vectors (`paper_search_vector`, the function the papers trigger
 * uses) on a connection of its own, outside the run's transaction, so Postgres works on
 * two cores: this backend runs the costly `to_tsvector` of the next batch while the
 * run's backend writes the current one. Vectors come back as text, in order; a failure
 * yields null (the trigger then computes them inside the transaction, as for any insert).
 */
export class SearchVectorWorker {
  private client?: Promise<pg.Client>;
  private broken = false;

  constructor(private readonly connect: () => Promise<pg.Client>) {}

  compute(rows: VectorText[]): Promise<string[] | null> {
    if (this.broken || !rows.length) return Promise.resolve(null);
    this.client ??= this.connect();
    return this.client
      .then((client) =>
        client.query<{ v: string }>(
          `SELECT paper_search_vector(x.title, x.abstract, x.author_names)::text AS v
             FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(title, abstract, author_names, n)
            ORDER BY x.n`,
          [rows.map((r) => r.title), rows.map((r) => r.abstract), rows.map((r) => r.authorNames)],
        ),
      )
      .then(
        (result) => result.rows.map((r) => r.v),
        (err: unknown) => {
          this.broken = true;
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, "search vectors fall back to the trigger");
          return null;
        },
      );
  }

  async end(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    await client?.end().catch(() => {});
  }
}
