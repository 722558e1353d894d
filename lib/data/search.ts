import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { paperRowToDto } from "@/lib/data/paper-row";
import type { AuthorDTO, PaperDTO } from "@/lib/data/paper-types";
import { featureColumns, latestFeature, paperColumns, type PaperRow } from "@/lib/data/papers";
import { hasExclusions, SEARCH_CONFIG, tsquerySql, type SearchQuery } from "@/lib/search/query";

export interface SearchOptions {
  /** The query from parseSearchQuery (its `tsquery`), compiled to a tsquery in SQL with its words bound. */
  tsquery: SearchQuery;
  limit: number;
  offset: number;
  /** Published on or after this UTC day, `YYYY-MM-DD`. */
  from?: string;
  /** Published before the end of this UTC day. */
  to?: string;
  /** Organization handle. */
  organization?: string;
  /** Leave out papers known only by title. */
  arxivOnly?: boolean;
  /**
   * How the title matches are found (see titleWalk): `auto` as searches do; tests force
   * `walk` or `index` to hold the two ways to the same answers.
   */
  titleScan?: "auto" | "walk" | "index";
}

export interface SearchHit {
  paper: PaperDTO;
  /** Title and abstract excerpt with matches between \u0001 and \u0002 (rendered as <mark>, never as HTML). */
  titleHighlight: string;
  abstractHighlight: string;
}

/**
 * How many matches a search ranks at most, among papers whose title matches the whole query
 * and among the others. Ranking a match means reading its row (and, for the others, its full
 * search vector, kept out of line in TOAST), so a broad query ranks this many of its matches
 * rather than all of them: the cost stays bounded at any size.
 */
export const titleCandidateLimit = 500;
export const candidateLimit = 500;

/** Markers ts_headline puts around matches: control characters no feed text keeps. */
export const markStart = "\u0001";
export const markEnd = "\u0002";

/** The search's filters, each bound where it is used; an option not set adds nothing. */
function filters(opts: SearchOptions): Prisma.Sql {
  const parts = [Prisma.sql`p.hidden_at IS NULL`];
  if (opts.from) parts.push(Prisma.sql`p.published_at >= ${opts.from}::date`);
  if (opts.to) parts.push(Prisma.sql`p.published_at < ${opts.to}::date + 1`);
  if (opts.organization) parts.push(Prisma.sql`p.organization_id = (SELECT id FROM organizations WHERE name = ${opts.organization})`);
  if (opts.arxivOnly) parts.push(Prisma.sql`p.arxiv_id IS NOT NULL`);
  return Prisma.sql`AND ${Prisma.join(parts, " AND ")}`;
}

/**
 * Lower-case words and numbers separated by single spaces: `GPT-4: A Report` -> `gpt 4 a report`
 * (math markup read by search_text first: `$\mathcal{B}$-Coder` -> `b coder`).
 */
const normalized = (x: string) => `btrim(regexp_replace(lower(${x}), '[^[:alnum:]]+', ' ', 'g'))`;

/**
 * search_text(x), calling the function only for text with math markup. search_text is STRICT
 * around a CASE, so Postgres cannot inline it: each call runs as a statement of its own
 * (about 0.1 ms), which for 500 candidates of a common word was most of a search's time. Its
 * first branch (text without dollar signs, backslashes or braces is returned as it is) is
 * repeated here inline.
 */
const searchTextOf = (x: string) =>
  `(CASE WHEN strpos(${x}, '$') = 0 AND strpos(${x}, '\\') = 0 AND strpos(${x}, '{') = 0 AND strpos(${x}, '}') = 0 THEN ${x} ELSE search_text(${x}) END)`;

/**
 * Known-item search: 2 when the title is the query (punctuation and case aside), 1 when it
 * starts with the query's words (a model name and the next words), else 0. While the last
 * word is being typed, any title starting with the text so far counts (`Dream` may become
 * `DreamX`, so it does not favour `DREAM`). The query's side (k) is worked out once, in q.
 */
const knownItem = (q: SearchQuery) =>
  Prisma.raw(`(SELECT CASE WHEN t = k THEN 2 WHEN k <> '' AND left(t, length(k)${q.textIsPrefix ? "" : " + 1"}) = k${q.textIsPrefix ? "" : " || ' '"} THEN 1 ELSE 0 END
      FROM (SELECT ${normalized(searchTextOf("p.title"))} AS t, q.k) n)`);

/** Table blocks the walk's probe reads to estimate how common the query is in titles. */
const probeBlocks = 64;
/**
 * The most table blocks a walk reads (16,000 to 40,000 papers). Also written as a constant in
 * the statement, so the planner sees how few blocks the TID range scan reads and never prefers
 * a (parallel) scan of the whole table, which would not keep table order either.
 */
const walkMaxBlocks = 8_000;
/**
 * Below this, f² · N (f the share of titles matching, N the papers), the index is cheaper than
 * a walk: reading the index costs about 0.17 µs per title that matches (f · N of them), the walk
 * 3 to 4 µs per paper read (500 / f of them: each search vector is decompressed). Measured on a
 * synthetic table of 1,000,000 rows (a word in 28% of titles: 45 ms through the index, 1 ms by
 * walking) and on 20,000 papers (walking to 500 matches: 5 ms at 28%, 15-20 ms at 10%). At a
 * million papers the walk is taken from about 12% of titles up.
 */
const walkWorth = 15_000;

/**
 * The first title matches in table order, found by reading the table from its first block, for
 * a query common in titles: the GIN index would hand over every match (a word in 30% of
 * titles is 300,000 at a million papers, 45 ms to read) when the search ranks only the first
 * 500 of them (titleCandidateLimit), and those are in the first blocks.
 *
 * `probe` reads the first 64 blocks (about 150 papers) and counts the titles that match; if f
 * of them do and f² · N reaches walkWorth, `walk` reads from block 0 up to twice the blocks
 * that should hold 500 matches (a TID range scan, in table order, stopping at the 500th).
 * The 500 it finds are the very papers the index's bitmap scan finds first, since that scan
 * also reads the table in block order: title_hits takes them when there are 500, else it asks
 * the index as before. (Within the block of the 500th, a paper updated in place may be met in
 * another order than the index's, whose entry points at the row's first version: which of that
 * block's papers is the 500th may differ. The first 500 were never a ranking either.) The walk reads at most walkMaxBlocks blocks; the probe costs about 0.5 ms.
 */
function titleWalk(where: Prisma.Sql, exclusions: Prisma.Sql, forced: boolean): Prisma.Sql {
  const matches = Prisma.raw(`(ts_filter(p.search_vector, '{a}') @@ q.q) IS TRUE`);
  const worth = forced
    ? Prisma.raw("true")
    : Prisma.raw(`(SELECT hits > 0 AND hits::float8 * hits * greatest((SELECT reltuples FROM pg_class WHERE oid = 'papers'::regclass), 0)
                             >= ${walkWorth}::float8 * n * n FROM probe)`);
  const blocks = forced
    ? Prisma.raw(String(walkMaxBlocks))
    : Prisma.raw(`least(${walkMaxBlocks}, ceil(${2 * titleCandidateLimit * probeBlocks}::float8 / greatest(hits, 1)))`);
  return Prisma.sql`
  probe AS MATERIALIZED (
    SELECT count(*) FILTER (WHERE ${matches}) AS hits, count(*) AS n
      FROM papers p, q WHERE p.ctid < '(${Prisma.raw(String(probeBlocks))},0)'::tid),
  walk AS MATERIALIZED (
    SELECT p.id FROM papers p, q
     WHERE ${worth}
       AND p.ctid < '(${Prisma.raw(String(walkMaxBlocks))},0)'::tid AND p.ctid < (SELECT format('(%s,0)', ${blocks})::tid FROM probe)
       AND ${matches} ${where} ${exclusions}
     LIMIT ${Prisma.raw(String(titleCandidateLimit))}),`;
}

/**
 * The page's paper ids in rank order. Papers whose title alone matches the query come first
 * (found through the GIN index of titles' lexemes, `papers_title_lexemes_idx`, the title part of
 * the search vector, and ranked on the title: the title that is the query, then titles starting
 * with its words (knownItem), then how close the words are, in how short a title); the other
 * matches follow, ranked by
 * ts_rank_cd over the weighted vector (title A, abstract B, authors C). They are looked up
 * only when the title matches do not fill the page. Newer papers first among equals.
 *
 * A title match is a match of the whole paper unless the query excludes words (`-survey`):
 * the abstract or the authors may hold them, so such a title match is checked against the
 * full vector too (coalesce keeps that check off the big index).
 */
function rankedHits(opts: SearchOptions): Prisma.Sql {
  const query = opts.tsquery;
  // The query's words are bound once, as one array (qw.w); tsquerySql reads them from there.
  const tsquery = tsquerySql(query, "qw.w");
  const where = filters(opts);
  const exclusions = hasExclusions(query) ? Prisma.sql`AND coalesce(p.search_vector @@ q.q, false)` : Prisma.empty;
  // The walk keeps the index's order of candidates only without filters that an index could serve.
  const walk = (opts.titleScan ?? "auto") !== "index" && !opts.from && !opts.to && !opts.organization;
  const wanted = opts.limit + 1;
  return Prisma.sql`
  q AS MATERIALIZED (
    SELECT ${Prisma.raw(tsquery.sql)} AS q, ${Prisma.raw(normalized("search_text(qw.text)"))} AS k
      FROM (SELECT ${tsquery.params}::text[] AS w, ${query.text}::text AS text) qw),
${walk ? titleWalk(where, exclusions, opts.titleScan === "walk") : Prisma.empty}
  title_hits AS MATERIALIZED (${
    walk
      ? Prisma.sql`
    SELECT p.id, p.published_at, ${knownItem(query)} AS known, ts_rank_cd(ts_filter(p.search_vector, '{a}'), q.q, 1) AS rank
      FROM walk JOIN papers p ON p.id = walk.id, q
     WHERE (SELECT count(*) FROM walk) = ${Prisma.raw(String(titleCandidateLimit))}
     UNION ALL (`
      : Prisma.empty
  }
    SELECT p.id, p.published_at, ${knownItem(query)} AS known, ts_rank_cd(ts_filter(p.search_vector, '{a}'), q.q, 1) AS rank
      FROM papers p, q
     WHERE ts_filter(p.search_vector, '{a}') @@ q.q ${where} ${exclusions}
       ${walk ? Prisma.sql`AND (SELECT count(*) FROM walk) < ${Prisma.raw(String(titleCandidateLimit))}` : Prisma.empty}
     LIMIT ${Prisma.raw(String(titleCandidateLimit))}${walk ? Prisma.raw(")") : Prisma.empty}),
  other_hits AS MATERIALIZED (
    SELECT p.id, p.published_at, ts_rank_cd(p.search_vector, q.q) AS rank
      FROM papers p, q
     WHERE (SELECT count(*) FROM title_hits) < ${wanted + opts.offset}::int
       AND p.search_vector @@ q.q ${where}
       AND NOT EXISTS (SELECT 1 FROM title_hits t WHERE t.id = p.id)
     LIMIT ${Prisma.raw(String(candidateLimit))}),
  hits AS (
    SELECT id, 0 AS tier, known, rank, published_at FROM title_hits
     UNION ALL
    SELECT id, 1 AS tier, 0 AS known, rank, published_at FROM other_hits
     ORDER BY tier, known DESC, rank DESC, published_at DESC NULLS LAST, id DESC
     LIMIT ${wanted}::int OFFSET ${opts.offset}::int)`;
}

const hitOrder = `hits.tier, hits.known DESC, hits.rank DESC, hits.published_at DESC NULLS LAST, hits.id DESC`;

/** The paper's authors in order, as JSON text: one statement per search instead of two. */
const authorsJson = `(SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'hfUser', a.hf_user) ORDER BY pa.position), '[]')::text
                        FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = p.id) AS authors_json`;

type SearchRow = PaperRow & { authors_json: string };
const toDto = (r: SearchRow) => paperRowToDto(r, JSON.parse(r.authors_json) as AuthorDTO[]);

/** The matches of the title and of an abstract excerpt, marked (for the returned page only). */
const highlightColumns = `
            ts_headline('${SEARCH_CONFIG}', p.title, q.q, 'StartSel=${markStart}, StopSel=${markEnd}, HighlightAll=true') AS title_hl,
            ts_headline('${SEARCH_CONFIG}', coalesce(p.abstract, ''), q.q,
                        'StartSel=${markStart}, StopSel=${markEnd}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS abstract_hl`;

/** One more row than the page asks for (so the caller knows whether there is more), in rank order. */
function searchRows<R extends SearchRow>(opts: SearchOptions, highlights: boolean): Promise<R[]> {
  return db().$queryRaw<R[]>`
    WITH ${rankedHits(opts)}
    SELECT ${Prisma.raw(`${paperColumns}, ${featureColumns}, ${authorsJson}${highlights ? `,${highlightColumns}` : ""}`)}
      FROM hits JOIN papers p ON p.id = hits.id${highlights ? Prisma.sql` CROSS JOIN q` : Prisma.empty}
      LEFT JOIN organizations o ON o.id = p.organization_id ${Prisma.raw(latestFeature)}
     ORDER BY ${Prisma.raw(hitOrder)}`;
}

/**
 * Full-text search over titles, abstracts and author names, best match first (see rankedHits),
 * with the matches of the title and of an abstract excerpt marked, for the returned page only.
 */
export async function searchPapers(opts: SearchOptions): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const rows = await searchRows<SearchRow & { title_hl: string; abstract_hl: string }>(opts, true);
  return {
    hits: rows.slice(0, opts.limit).map((r) => ({ paper: toDto(r), titleHighlight: r.title_hl, abstractHighlight: r.abstract_hl })),
    hasMore: rows.length > opts.limit,
  };
}

/** The same search and order as searchPapers, without highlights: for the JSON API and feeds. */
export async function searchPaperList(opts: SearchOptions): Promise<{ papers: PaperDTO[]; hasMore: boolean }> {
  const rows = await searchRows<SearchRow>(opts, false);
  return { papers: rows.slice(0, opts.limit).map(toDto), hasMore: rows.length > opts.limit };
}

/** Splits a highlighted string into plain and matched parts, for rendering as text and <mark>. */
export function highlightParts(s: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const [i, chunk] of s.split(markStart).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    const [match, rest = ""] = chunk.split(markEnd);
    if (match) parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
