import type { ClientBase } from "pg";
import { logger } from "@/lib/logger";

/**
 * The tables an ingest writes row by row. During a bulk load their foreign keys and their
 * non-unique B-tree indexes are set aside and rebuilt once at the end, as pg_restore does.
 * The GIN indexes (search vector, title lexemes) stay: rebuilding them at the end took
 * at least as much CPU as keeping them up during the load, and on one core while the
 * other idled (one run each of 100,000 papers: 61.6 s of Postgres CPU, 54.9 s keeping them).
 */
const loadedTables = ["papers", "paper_authors", "paper_features"];
/**
 * Locked too: dropping a foreign key drops its triggers on the referenced table, and the
 * load inserts authors and organizations.
 */
const lockedTables = [...loadedTables, "authors", "organizations"];
/** Non-unique indexes the load itself reads (matching a paper by its normalised title). */
const keptIndexes = ["papers_title_key_idx"];
/** Memory for rebuilding the indexes (only raised for this transaction, never lowered). */
const buildMemory = "256MB";

interface SetAsideIndex {
  name: string;
  def: string;
  /** Per-column statistics targets (`ALTER INDEX … SET STATISTICS`), not part of the definition. */
  statistics: { column: number; target: number }[];
  comment: string | null;
}

interface SetAsideConstraint {
  table: string;
  name: string;
  def: string;
  comment: string | null;
}

export interface BulkLoad {
  indexes: SetAsideIndex[];
  constraints: SetAsideConstraint[];
}

/**
 * Starts a bulk load inside the caller's transaction: takes ACCESS EXCLUSIVE locks on the
 * ingest's tables (without waiting: if anyone else holds a lock on them, the run goes on
 * as usual and null is returned), then drops the loaded tables' foreign keys and the
 * B-tree indexes no lookup of the load needs, keeping their definitions as the catalog
 * states them (so they cannot drift from the migrations). Unique indexes (ON CONFLICT,
 * lookups) stay. `finishBulkLoad` puts everything back before the commit; a rollback puts it back
 * by itself, since DDL is transactional. The locks last until the end of the transaction:
 * readers of these tables wait for it.
 */
export async function beginBulkLoad(client: ClientBase): Promise<BulkLoad | null> {
  await client.query("SAVEPOINT bulk_load");
  try {
    await client.query(`LOCK TABLE ${lockedTables.join(", ")} IN ACCESS EXCLUSIVE MODE NOWAIT`);
    const { rows: indexes } = await client.query<SetAsideIndex>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def,
              obj_description(i.indexrelid, 'pg_class') AS comment,
              COALESCE((SELECT json_agg(json_build_object('column', a.attnum, 'target', a.attstattarget) ORDER BY a.attnum)
                          FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0), '[]') AS statistics
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = ANY($1::regclass[])
          AND NOT i.indisunique AND NOT i.indisprimary AND NOT i.indisexclusion
          AND i.indisvalid AND i.indisready AND NOT i.indisclustered AND NOT i.indisreplident
          AND c.reltablespace = 0 AND c.relname <> ALL($2::text[])
          AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'btree')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY i.indexrelid`,
      [loadedTables, keptIndexes],
    );
    const { rows: constraints } = await client.query<SetAsideConstraint>(
      `SELECT k.conrelid::regclass::text AS table, quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS def,
              obj_description(k.oid, 'pg_constraint') AS comment
         FROM pg_constraint k
        WHERE k.conrelid = ANY($1::regclass[]) AND k.contype = 'f'
        ORDER BY k.oid`,
      [loadedTables],
    );
    await client.query(
      [...constraints.map((k) => `ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`), ...indexes.map((i) => `DROP INDEX ${i.name}`)].join(
        ";\n",
      ),
    );
    await client.query("RELEASE SAVEPOINT bulk_load");
    return { indexes, constraints };
  } catch (err) {
    await client.query("ROLLBACK TO SAVEPOINT bulk_load; RELEASE SAVEPOINT bulk_load");
    logger.info({ err: err instanceof Error ? err.message : String(err) }, "ingest goes on without a bulk load");
    return null;
  }
}

/**
 * Rebuilds what `beginBulkLoad` set aside, in the same transaction: the indexes (with the
 * memory a build wants), their statistics targets and comments, then the foreign keys,
 * each validated in one pass over its table rather than row by row.
 */
export async function finishBulkLoad(client: ClientBase, load: BulkLoad): Promise<void> {
  await client.query(
    `SELECT set_config('maintenance_work_mem', $1, true)
      WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)`,
    [buildMemory],
  );
  for (const index of load.indexes) {
    await client.query(index.def);
    for (const s of index.statistics) await client.query(`ALTER INDEX ${index.name} ALTER COLUMN ${s.column} SET STATISTICS ${s.target}`);
    if (index.comment !== null) await client.query(`COMMENT ON INDEX ${index.name} IS ${client.escapeLiteral(index.comment)}`);
  }
  for (const k of load.constraints) {
    await client.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`);
    if (k.comment !== null) await client.query(`COMMENT ON CONSTRAINT ${k.name} ON ${k.table} IS ${client.escapeLiteral(k.comment)}`);
  }
}
