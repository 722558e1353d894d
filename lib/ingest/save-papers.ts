import type { ClientBase, QueryResult } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyArray, copyDate, copyInt, copyText } from "@/lib/ingest/copy-text";
import { cleanText, titleKey } from "@/lib/ingest/normalize";
import type { SearchVectorWorker, VectorText } from "@/lib/ingest/search-vectors";
import type { ParsedFeature, ParsedPaper } from "@/lib/ingest/types";

export interface SaveCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface SaveResult extends SaveCounts {
  /** The ids of the papers this batch inserted (for their title words, after the commit). */
  newIds: number[];
}

/** A stored paper's identity, as matching needs it. */
interface StoredKey {
  id: number;
  key: string;
  arxiv_id: string | null;
  title_key: string;
  /** Set when an admin merged this record into another (it is hidden). */
  merged_into_id: number | null;
}

interface Incoming {
  paper: ParsedPaper;
  key: string;
  titleKey: string;
  features: ParsedFeature[];
}

/**
 * The batch as the feed gives it, one row per paper. A NULL means "this feed does not
 * say", and the stored value is kept. `paper_id` is the matched row, or an id drawn for
 * a new one (`is_new`).
 */
const batchColumns = [
  ["ord", "int"],
  ["paper_id", "int"],
  ["is_new", "bool"],
  ["key", "text"],
  ["arxiv_id", "text"],
  ["title_key", "text"],
  ["title", "text"],
  ["abstract", "text"],
  ["published_at", "timestamptz(3)"],
  ["upvotes", "int"],
  ["num_comments", "int"],
  ["github_repo", "text"],
  ["github_stars", "int"],
  ["project_page", "text"],
  ["ai_summary", "text"],
  ["ai_keywords", "text[]"],
  ["thumbnail", "text"],
  ["media_urls", "text[]"],
  ["categories", "text[]"],
  ["comment", "text"],
  ["author_count", "int"],
  ["authors", "text[]"],
  ["hf_users", "text[]"],
  ["org_name", "text"],
  ["org_fullname", "text"],
  ["org_avatar", "text"],
  ["f_days", "date[]"],
  ["f_ats", "timestamptz(3)[]"],
  ["f_submitters", "text[]"],
  ["f_fullnames", "text[]"],
  ["f_avatars", "text[]"],
] as const;

/**
 * Creates the run's staging tables (dropped at commit). Call once per transaction,
 * before the first `savePapers`. Staged rows (about 2.5 KB) stay inline and
 * uncompressed: compressing them only to read them back once costs more than it saves.
 */
export async function createStaging(client: ClientBase): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE ingest_batch (${batchColumns.map(([name, type]) => `${name} ${type}`).join(", ")})
      WITH (toast_tuple_target = 8160) ON COMMIT DROP;
    CREATE TEMP TABLE ingest_rewrite (paper_id int PRIMARY KEY, ord int NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE ingest_names (name text NOT NULL, hf_user text, author_id int, stored_hf_user text) ON COMMIT DROP;`);
}

/** The columns ingestion owns, compared to decide whether a stored paper changed. */
const owned = [
  "key",
  "arxiv_id",
  "title_key",
  "title",
  "abstract",
  "published_at",
  "upvotes",
  "num_comments",
  "github_repo",
  "github_stars",
  "project_page",
  "ai_summary",
  "ai_keywords",
  "thumbnail",
  "media_urls",
  "categories",
  "comment",
  "author_count",
  "author_names",
  "organization_id",
];
// Arrays the feed did not give compare as empty, as they are stored.
const storedValue = (c: string) => (["ai_keywords", "media_urls", "categories"].includes(c) ? `COALESCE(p.${c}, '{}')` : `p.${c}`);

// New papers, with the search vectors stored for this batch (NULL, computed by the
// trigger, when there are none): one lookup on the vectors' primary key per paper. A
// concurrent run may have inserted some of them first: those rows leave the batch (and
// come back from this statement) to go round once more as existing papers.
const insertPapers = (vectors: number | null) => `
  WITH inserted AS (
    INSERT INTO papers (id, search_vector, ${owned.join(", ")})
    SELECT b.paper_id,
           ${vectors === null ? "NULL::tsvector" : `(SELECT v.vector FROM ingest_search_vectors v WHERE v.batch = ${vectors} AND v.ord = b.ord)`},
           b.key, b.arxiv_id, b.title_key, b.title, b.abstract, b.published_at, COALESCE(b.upvotes, 0),
           COALESCE(b.num_comments, 0), b.github_repo, b.github_stars, b.project_page, b.ai_summary,
           COALESCE(b.ai_keywords, '{}'), b.thumbnail, COALESCE(b.media_urls, '{}'), COALESCE(b.categories, '{}'), b.comment,
           CASE WHEN b.authors IS NULL THEN b.author_count END, COALESCE(array_to_string(b.authors, ', '), ''), o.id
      FROM ingest_batch b LEFT JOIN organizations o ON o.name = b.org_name
     WHERE b.is_new
     ORDER BY b.key
    ON CONFLICT DO NOTHING
    RETURNING id)
  DELETE FROM ingest_batch b WHERE b.is_new AND b.paper_id NOT IN (SELECT id FROM inserted)
  RETURNING b.paper_id`;

// The feed's fields over the stored ones it does not know. A title-only entry keeps the
// arXiv id (and key) of the paper it matched.
const updatePapers = `
  WITH next AS (
    SELECT p.id,
           CASE WHEN p.arxiv_id IS NOT NULL AND b.arxiv_id IS NULL THEN p.key ELSE b.key END AS key,
           COALESCE(b.arxiv_id, p.arxiv_id) AS arxiv_id, b.title_key, b.title,
           COALESCE(b.abstract, p.abstract) AS abstract, COALESCE(b.published_at, p.published_at) AS published_at,
           COALESCE(b.upvotes, p.upvotes) AS upvotes, COALESCE(b.num_comments, p.num_comments) AS num_comments,
           COALESCE(b.github_repo, p.github_repo) AS github_repo, COALESCE(b.github_stars, p.github_stars) AS github_stars,
           COALESCE(b.project_page, p.project_page) AS project_page, COALESCE(b.ai_summary, p.ai_summary) AS ai_summary,
           COALESCE(b.ai_keywords, p.ai_keywords, '{}') AS ai_keywords, COALESCE(b.thumbnail, p.thumbnail) AS thumbnail,
           COALESCE(b.media_urls, p.media_urls, '{}') AS media_urls, COALESCE(b.categories, p.categories, '{}') AS categories,
           COALESCE(b.comment, p.comment) AS comment,
           CASE WHEN b.authors IS NULL AND NOT EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = p.id)
                THEN COALESCE(b.author_count, p.author_count) END AS author_count,
           COALESCE(array_to_string(b.authors, ', '), p.author_names) AS author_names,
           COALESCE(o.id, p.organization_id) AS organization_id
      FROM ingest_batch b JOIN papers p ON p.id = b.paper_id LEFT JOIN organizations o ON o.name = b.org_name
     WHERE NOT b.is_new
  )
  UPDATE papers p SET ${owned.map((c) => `${c} = n.${c}`).join(", ")}, updated_at = now()
    FROM next n
   WHERE p.id = n.id AND (${owned.map(storedValue).join(", ")}) IS DISTINCT FROM (${owned.map((c) => `n.${c}`).join(", ")})
  RETURNING p.id`;

// Papers whose author list the feed gives and that is new or differs from the stored one.
// Runs before the papers are updated, to compare with the stored author_names (the names
// joined with ", "): equal strings and equal counts mean equal lists unless a name itself
// holds ", ", and only then are the stored names read. A subquery, not a join: each batch
// row is one index lookup, where a join may be planned as a scan of the whole papers
// table for every batch.
const chooseRewrites = `
  INSERT INTO ingest_rewrite (paper_id, ord)
  SELECT b.paper_id, b.ord
    FROM ingest_batch b
   WHERE cardinality(b.authors) > 0
     AND CASE WHEN b.is_new THEN true
              ELSE (SELECT CASE WHEN array_to_string(b.authors, ', ') IS DISTINCT FROM p.author_names THEN true
                                WHEN strpos(array_to_string(b.authors, '|'), ', ') > 0
                                  THEN b.authors IS DISTINCT FROM (SELECT array_agg(a.name ORDER BY pa.position)
                                                                     FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
                                                                    WHERE pa.paper_id = b.paper_id)
                                ELSE cardinality(b.authors) <> COALESCE((SELECT max(pa.position) + 1 FROM paper_authors pa
                                                                           WHERE pa.paper_id = b.paper_id), 0) END
                      FROM papers p WHERE p.id = b.paper_id) END
  RETURNING paper_id`;

// The distinct names of the author lists being written, each with the stored author of
// that name if there is one: one lookup on authors' unique index per name (a lateral
// subquery kept apart with OFFSET 0, so it cannot be planned as a join that reads the
// whole authors table). For a name given twice, a mention with a Hugging Face user wins,
// then the last.
const stageNames = `
  INSERT INTO ingest_names (name, hf_user, author_id, stored_hf_user)
  SELECT x.name, x.hf_user, a.id, a.hf_user
    FROM (SELECT DISTINCT ON (x.name) x.name, x.hf_user
            FROM ingest_rewrite r JOIN ingest_batch b ON b.ord = r.ord,
                 unnest(b.authors, b.hf_users) WITH ORDINALITY AS x(name, hf_user, position)
           ORDER BY x.name, x.hf_user IS NULL, b.ord DESC, x.position DESC) x
    LEFT JOIN LATERAL (SELECT a.id, a.hf_user FROM authors a WHERE a.name = x.name OFFSET 0) a ON true`;

// New names, and Hugging Face users newly known for stored ones; authors already stored
// as they are stay untouched (not even locked by ON CONFLICT). A name a concurrent run
// stored meanwhile comes back from ON CONFLICT only if it is updated: the next statement
// looks those up.
const upsertAuthors = `
  WITH upserted AS (
    INSERT INTO authors (name, hf_user)
    SELECT name, hf_user FROM ingest_names
     WHERE author_id IS NULL OR (hf_user IS NOT NULL AND stored_hf_user IS DISTINCT FROM hf_user)
     ORDER BY name
    ON CONFLICT (name) DO UPDATE SET hf_user = EXCLUDED.hf_user
     WHERE EXCLUDED.hf_user IS NOT NULL AND authors.hf_user IS DISTINCT FROM EXCLUDED.hf_user
    RETURNING id, name)
  UPDATE ingest_names n SET author_id = u.id FROM upserted u WHERE n.name = u.name AND n.author_id IS NULL`;

const resolveNames = `
  UPDATE ingest_names n SET author_id = (SELECT a.id FROM authors a WHERE a.name = n.name) WHERE n.author_id IS NULL`;

// The stored papers' ids as one array, so the delete is a primary-key lookup per paper (none at
// all on a first load). As a join with the staging tables (which have no statistics) it was
// planned as a scan of every author link: 35 ms a batch at 100,000 papers, deleting nothing.
// Exported for its plan's test.
export const deleteLinks = `
  DELETE FROM paper_authors
   WHERE paper_id = ANY(ARRAY(SELECT r.paper_id FROM ingest_rewrite r JOIN ingest_batch b ON b.ord = r.ord WHERE NOT b.is_new))`;

// The paper's published_at goes with each link (the author page's index): the batch's date
// is the stored one when the feed gives it; when not, a trigger looks the paper's up.
const insertLinks = `
  INSERT INTO paper_authors (paper_id, author_id, position, published_at)
  SELECT r.paper_id, n.author_id, x.position - 1, b.published_at
    FROM ingest_rewrite r JOIN ingest_batch b ON b.ord = r.ord,
         unnest(b.authors) WITH ORDINALITY AS x(name, position)
    JOIN ingest_names n ON n.name = x.name`;

const insertFeatures = `
  INSERT INTO paper_features (paper_id, day, featured_at, submitter_name, submitter_fullname, submitter_avatar)
  SELECT b.paper_id, f.day, f.featured_at, f.submitter, f.fullname, f.avatar
    FROM ingest_batch b, unnest(b.f_days, b.f_ats, b.f_submitters, b.f_fullnames, b.f_avatars) AS f(day, featured_at, submitter, fullname, avatar)
   WHERE b.f_days IS NOT NULL
     AND (b.is_new OR NOT EXISTS (SELECT 1 FROM paper_features pf WHERE pf.paper_id = b.paper_id AND pf.day = f.day))
     -- A day an admin removed the paper from (a removed submission) stays without it.
     AND (b.is_new OR NOT EXISTS (SELECT 1 FROM paper_submissions s WHERE s.paper_id = b.paper_id AND s.day = f.day AND s.removed_at IS NOT NULL))
  ON CONFLICT (paper_id, day) DO NOTHING
  RETURNING paper_id, id`;

// The batch's organizations, the last mention of each winning.
const upsertOrganizations = `
  INSERT INTO organizations (name, fullname, avatar)
  SELECT x.name, x.fullname, x.avatar
    FROM (SELECT DISTINCT ON (org_name) org_name AS name, org_fullname AS fullname, org_avatar AS avatar
            FROM ingest_batch WHERE org_name IS NOT NULL ORDER BY org_name, ord DESC) x
   WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.name = x.name
                        AND (x.fullname IS NULL OR o.fullname = x.fullname) AND (x.avatar IS NULL OR o.avatar = x.avatar))
  ON CONFLICT (name) DO UPDATE SET fullname = COALESCE(EXCLUDED.fullname, organizations.fullname),
                                   avatar = COALESCE(EXCLUDED.avatar, organizations.avatar)`;

/**
 * The whole merge as one round trip, in this order (results are read by position); it
 * ends by emptying the staging tables for the next batch.
 */
const merge = (vectors: number | null) =>
  [
    upsertOrganizations,
    insertPapers(vectors),
    chooseRewrites,
    updatePapers,
    stageNames,
    upsertAuthors,
    resolveNames,
    deleteLinks,
    insertLinks,
    insertFeatures,
    "TRUNCATE ingest_batch, ingest_rewrite, ingest_names",
  ].join(";\n");
const at = { lost: 1, rewritten: 2, updated: 3, featured: 9 } as const;

/** A batch ready to stage: deduplicated, with its rows encoded except for the row's id. */
export interface PreparedBatch {
  incoming: Incoming[];
  /** COPY text of each row after `ord, paper_id, is_new` (the search vectors are not staged). */
  rows: string[];
  /** The batch number of search vectors stored beside the transaction, one per row (used for new rows). */
  vectors?: Promise<number | null>;
}

/**
 * The CPU-only part of saving a batch, done while the previous batch is being written;
 * with a worker, its search vectors are computed meanwhile too.
 */
export function prepareBatch(batch: ParsedPaper[], vectors?: SearchVectorWorker): PreparedBatch {
  const incoming = dedupe(batch);
  return { incoming, rows: incoming.map(encodeRow), vectors: vectors?.compute(incoming.map(vectorText)) };
}

/** The texts the search vector of a new row is made of, exactly as they are inserted. */
function vectorText({ paper, titleKey }: Incoming): VectorText {
  return {
    title: cleanText(paper.title),
    abstract: cleanText(paper.abstract),
    authorNames: paper.authors.map((a) => cleanText(a.name)).join(", "),
    arxivId: paper.arxivId ?? null,
    titleKey,
  };
}

/**
 * Upserts one batch of parsed papers inside the caller's transaction: the batch is
 * staged with COPY, then merged with a handful of set-based statements whatever its size.
 * A paper already stored (by arXiv id, or by normalised title for papers that arrived
 * without one) gets the fields this feed knows; fields it does not know are kept.
 * Nothing is written for a paper that did not change, so re-ingesting a feed writes
 * nothing.
 */
export async function savePapers(client: ClientBase, prepared: PreparedBatch, depth = 0): Promise<SaveResult> {
  const counts: SaveResult = { new: 0, updated: 0, unchanged: 0, newIds: [] };
  const { incoming, rows } = prepared;
  if (!incoming.length) return counts;

  // By arXiv id first; by normalised title only for the papers that found no row that
  // way (a re-ingest needs just the first lookup). Separate lookups, not one OR: each
  // stays on its index even before the tables have statistics.
  const arxivIds = incoming.flatMap((i) => (i.paper.arxivId ? [i.paper.arxivId] : []));
  const { rows: stored } = arxivIds.length
    ? await client.query<StoredKey>("SELECT id, key, arxiv_id, title_key, merged_into_id FROM papers WHERE arxiv_id = ANY($1::text[])", [
        arxivIds,
      ])
    : { rows: [] as StoredKey[] };
  const found = new Set(stored.map((r) => r.arxiv_id));
  const titleKeys = incoming.flatMap((i) => (i.paper.arxivId && found.has(i.paper.arxivId) ? [] : [i.titleKey]));
  if (titleKeys.length) {
    const byTitle = await client.query<StoredKey>(
      "SELECT id, key, arxiv_id, title_key, merged_into_id FROM papers WHERE title_key = ANY($1::text[])",
      [titleKeys],
    );
    stored.push(...byTitle.rows);
  }
  const byId = new Map(stored.map((r) => [r.id, r]));
  const matches = matchExisting(
    incoming,
    [...byId.values()].sort((a, b) => a.id - b.id),
  );

  const fresh = incoming.length - matches.size;
  const ids = fresh
    ? (
        await client.query<{ id: number }>(
          `SELECT nextval(pg_get_serial_sequence('papers', 'id'))::int AS id FROM generate_series(1, $1)`,
          [fresh],
        )
      ).rows.map((r) => r.id)
    : [];
  const vectors = (await prepared.vectors) ?? null;
  if (vectors !== null && !Number.isSafeInteger(vectors)) throw new Error(`bad search vector batch ${vectors}`);
  let next = 0;
  // Row by row into bytes: one string of the whole batch would be a rope of thousands of
  // pieces, several times slower to flatten and encode.
  const copy: Buffer[] = [];
  const newIds = new Map<number, Incoming>();
  for (let ord = 0; ord < incoming.length; ord++) {
    const row = matches.get(incoming[ord]);
    const id = row ? row.id : ids[next++];
    if (!row) newIds.set(id, incoming[ord]);
    copy.push(Buffer.from(`${ord}\t${id}\t${row ? "f" : "t"}\t${rows[ord]}\n`));
  }

  // The COPY and the merge are sent together: the merge waits in the client's queue, and
  // Node wakes once, for its results.
  const [, results] = await Promise.all([
    copyInto(client, `COPY ingest_batch (${batchColumns.map(([name]) => name).join(", ")}) FROM STDIN`, Buffer.concat(copy)),
    client.query(merge(vectors)) as unknown as Promise<QueryResult[]>,
  ]);
  const lost = (results[at.lost].rows as { paper_id: number }[]).map((r) => ({ id: r.paper_id, item: newIds.get(r.paper_id)! }));
  const changed = new Set<number>();
  for (const result of [results[at.rewritten], results[at.updated], results[at.featured]]) {
    for (const row of result.rows as { paper_id?: number; id?: number }[]) {
      const id = (row.paper_id ?? row.id)!;
      if (!newIds.has(id)) changed.add(id);
    }
  }

  const merged = new Set([...matches.values()].filter((r) => r.merged_into_id !== null).map((r) => r.id));
  if (merged.size) {
    const featured = results[at.featured].rows as { paper_id: number; id: number }[];
    await followMerges(
      client,
      featured.filter((f) => merged.has(f.paper_id)).map((f) => f.id),
    );
  }

  counts.new += newIds.size - lost.length;
  counts.updated += changed.size;
  counts.unchanged += matches.size - changed.size;
  const lostIds = new Set(lost.map((l) => l.id));
  for (const id of newIds.keys()) if (!lostIds.has(id)) counts.newIds.push(id);

  if (lost.length && depth < 2) {
    const again = await savePapers(client, prepareBatch(lost.map((l) => l.item.paper)), depth + 1);
    counts.new += again.new;
    counts.updated += again.updated;
    counts.unchanged += again.unchanged;
    counts.newIds.push(...again.newIds);
  }
  return counts;
}

function copyInto(client: ClientBase, sql: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(sql));
    stream.on("error", reject);
    stream.on("finish", () => resolve());
    stream.end(data);
  });
}

/** COPY text of a paper's columns after `ord, paper_id, is_new`. */
function encodeRow(item: Incoming): string {
  const p = item.paper;
  const names = p.authors.length ? p.authors.map((a) => a.name) : null;
  const f = item.features;
  return [
    copyText(item.key),
    copyText(p.arxivId),
    copyText(item.titleKey),
    copyText(p.title),
    copyText(p.abstract),
    copyDate(p.publishedAt),
    copyInt(p.upvotes),
    copyInt(p.numComments),
    copyText(p.githubRepo),
    copyInt(p.githubStars),
    copyText(p.projectPage),
    copyText(p.aiSummary),
    copyArray(p.aiKeywords),
    copyText(p.thumbnail),
    copyArray(p.mediaUrls),
    copyArray(p.categories),
    copyText(p.comment),
    copyInt(p.authorCount),
    copyArray(names?.map(cleanText)),
    copyArray(names && p.authors.map((a) => a.hfUser)),
    copyText(p.organization?.name),
    copyText(p.organization?.fullname),
    copyText(p.organization?.avatar),
    copyArray(f.length ? f.map((x) => x.day) : null),
    copyArray(f.length ? f.map((x) => x.featuredAt.toISOString()) : null),
    copyArray(f.length ? f.map((x) => x.submitter?.name) : null),
    copyArray(f.length ? f.map((x) => x.submitter?.fullname) : null),
    copyArray(f.length ? f.map((x) => x.submitter?.avatarUrl) : null),
  ].join("\t");
}

/** One entry per paper: a feed listing a paper twice merges into one (the later wins). */
function dedupe(batch: ParsedPaper[]): Incoming[] {
  const byKey = new Map<string, Incoming>();
  for (const paper of batch) {
    const tk = titleKey(paper.title);
    const key = paper.arxivId ?? `title:${tk}`;
    const prev = byKey.get(key);
    const features = paper.featured ? [paper.featured] : [];
    if (!prev) {
      byKey.set(key, { paper, key, titleKey: tk, features });
      continue;
    }
    prev.paper = mergeParsed(prev.paper, paper);
    for (const f of features) if (!prev.features.some((p) => p.day === f.day)) prev.features.push(f);
  }
  // A title-only entry whose title matches an arXiv paper of the same batch is that paper.
  const withId = new Map<string, Incoming>();
  for (const i of byKey.values()) if (i.paper.arxivId) withId.set(i.titleKey, i);
  for (const i of [...byKey.values()]) {
    if (i.paper.arxivId) continue;
    const twin = withId.get(i.titleKey);
    if (!twin) continue;
    twin.paper = mergeParsed(i.paper, twin.paper);
    for (const f of i.features) if (!twin.features.some((p) => p.day === f.day)) twin.features.push(f);
    byKey.delete(i.key);
  }
  return [...byKey.values()];
}

function mergeParsed(older: ParsedPaper, newer: ParsedPaper): ParsedPaper {
  const merged = { ...older } as Record<string, unknown>;
  for (const [k, v] of Object.entries(newer)) if (v !== undefined && v !== null) merged[k] = v;
  if (!newer.authors.length) merged.authors = older.authors;
  return merged as unknown as ParsedPaper;
}

/**
 * A feed can go on naming a record an admin merged into another (a copied page's title, a
 * duplicate's arXiv id): the days it features that record move to the paper kept, as the merge
 * moved the earlier ones, and are noted on the merge so that undoing it moves them back. One
 * hop at a time, as merges chain (a paper kept may itself be merged later). A day the paper
 * finally kept has already is dropped, so a re-ingest leaves nothing behind on hidden records.
 */
async function followMerges(client: ClientBase, featureIds: number[]) {
  const { rows: dropped } = await client.query<{ id: number }>(
    `WITH RECURSIVE chain AS (
       SELECT f.id, f.day, p.merged_into_id AS holder, 1 AS depth
         FROM paper_features f JOIN papers p ON p.id = f.paper_id
        WHERE f.id = ANY($1::int[]) AND p.merged_into_id IS NOT NULL
       UNION ALL
       SELECT c.id, c.day, p.merged_into_id, c.depth + 1
         FROM chain c JOIN papers p ON p.id = c.holder
        WHERE p.merged_into_id IS NOT NULL AND c.depth < 10),
     kept AS (SELECT DISTINCT ON (id) id, day, holder FROM chain ORDER BY id, depth DESC)
     DELETE FROM paper_features f USING kept
      WHERE f.id = kept.id AND EXISTS (SELECT 1 FROM paper_features x WHERE x.paper_id = kept.holder AND x.day = kept.day)
     RETURNING f.id`,
    [featureIds],
  );
  const gone = new Set(dropped.map((r) => r.id));
  featureIds = featureIds.filter((id) => !gone.has(id));
  for (let hop = 0; featureIds.length && hop < 10; hop++) {
    const { rows } = await client.query<{ id: number }>(
      `WITH hop AS (
         SELECT f.id, p.merged_into_id AS target, m.id AS merge_id
           FROM paper_features f
           JOIN papers p ON p.id = f.paper_id
           JOIN paper_merges m ON m.source_id = p.id AND m.target_id = p.merged_into_id AND m.undone_at IS NULL
          WHERE f.id = ANY($1::int[])
            AND NOT EXISTS (SELECT 1 FROM paper_features x WHERE x.paper_id = p.merged_into_id AND x.day = f.day)),
       moved AS (
         UPDATE paper_features f SET paper_id = hop.target FROM hop WHERE f.id = hop.id RETURNING f.id, hop.merge_id),
       noted AS (
         UPDATE paper_merges m SET moved_feature_ids = m.moved_feature_ids || ARRAY(SELECT id FROM moved WHERE moved.merge_id = m.id)
          WHERE m.id IN (SELECT merge_id FROM moved))
       SELECT id FROM moved`,
      [featureIds],
    );
    featureIds = rows.map((r) => r.id);
  }
}

/**
 * Finds each incoming paper's stored row: by arXiv id; else a title-only row with the
 * same normalised title (which the arXiv id now adopts); a title-only entry matches any
 * row with its title, preferring one that already has an arXiv id.
 */
function matchExisting(incoming: Incoming[], rows: StoredKey[]): Map<Incoming, StoredKey> {
  const byArxiv = new Map(rows.filter((r) => r.arxiv_id).map((r) => [r.arxiv_id!, r]));
  const byTitle = new Map<string, StoredKey[]>();
  for (const r of rows) byTitle.set(r.title_key, [...(byTitle.get(r.title_key) ?? []), r]);
  const taken = new Set<number>();
  const result = new Map<Incoming, StoredKey>();
  const claim = (i: Incoming, r: StoredKey | undefined) => {
    if (!r || taken.has(r.id)) return false;
    taken.add(r.id);
    result.set(i, r);
    return true;
  };
  for (const i of incoming) if (i.paper.arxivId) claim(i, byArxiv.get(i.paper.arxivId));
  for (const i of incoming) {
    if (result.has(i)) continue;
    const sameTitle = byTitle.get(i.titleKey) ?? [];
    if (i.paper.arxivId)
      claim(
        i,
        sameTitle.find((r) => !r.arxiv_id && !taken.has(r.id)),
      );
    else claim(i, sameTitle.find((r) => r.arxiv_id && !taken.has(r.id)) ?? sameTitle.find((r) => !taken.has(r.id)));
  }
  return result;
}
