import "server-only";
import { db } from "@/lib/db";
import type { PaperDTO } from "@/lib/data/paper-types";
import { featureColumns, latestFeature, paperColumns, withAuthors, type PaperRow } from "@/lib/data/papers";

export interface SearchOptions {
  /** A to_tsquery string from parseSearchQuery: quoted lexemes and operators only. */
  tsquery: string;
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
}

export interface SearchHit {
  paper: PaperDTO;
  /** Title and abstract excerpt with matches between \u0001 and \u0002 (rendered as <mark>, never as HTML). */
  titleHighlight: string;
  abstractHighlight: string;
}

/** How many matches a search ranks at most (see the query). */
export const candidateLimit = 2000;

/** Markers ts_headline puts around matches: control characters no feed text keeps. */
export const markStart = "\u0001";
export const markEnd = "\u0002";

/**
 * Full-text search over titles (weight A), abstracts (B) and author names (C), ranked by
 * ts_rank_cd with those weights, newest first among equals. Highlights are computed for the
 * returned page only.
 */
export async function searchPapers(opts: SearchOptions): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const rows = await db().$queryRawUnsafe<(PaperRow & { title_hl: string; abstract_hl: string })[]>(
    `WITH q AS (SELECT to_tsquery('english', $1) AS q),
          -- Ranking reads every candidate's stored vector, so a very broad query ranks its first
          -- ${candidateLimit} matches rather than all of them: the cost stays bounded at any size.
          candidates AS (
            SELECT p.id, p.search_vector
              FROM papers p, q
             WHERE p.search_vector @@ q.q
               AND ($4::date IS NULL OR p.published_at >= $4::date)
               AND ($5::date IS NULL OR p.published_at < $5::date + 1)
               AND ($6::text IS NULL OR p.organization_id = (SELECT id FROM organizations WHERE name = $6))
               AND (NOT $7::boolean OR p.arxiv_id IS NOT NULL)
               AND p.hidden_at IS NULL
             LIMIT ${candidateLimit}),
          hits AS (
            SELECT c.id, ts_rank_cd(c.search_vector, q.q) AS rank
              FROM candidates c, q
             ORDER BY rank DESC, c.id DESC
             LIMIT $2 OFFSET $3)
     SELECT ${paperColumns}, ${featureColumns},
            ts_headline('english', p.title, q.q, 'StartSel=${markStart}, StopSel=${markEnd}, HighlightAll=true') AS title_hl,
            ts_headline('english', coalesce(p.abstract, ''), q.q,
                        'StartSel=${markStart}, StopSel=${markEnd}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS abstract_hl
       FROM hits JOIN papers p ON p.id = hits.id CROSS JOIN q
       LEFT JOIN organizations o ON o.id = p.organization_id ${latestFeature}
      ORDER BY hits.rank DESC, p.id DESC`,
    opts.tsquery,
    opts.limit + 1,
    opts.offset,
    opts.from ?? null,
    opts.to ?? null,
    opts.organization ?? null,
    opts.arxivOnly ?? false,
  );
  const page = rows.slice(0, opts.limit);
  const papers = await withAuthors(page);
  return {
    hits: papers.map((paper, i) => ({ paper, titleHighlight: page[i].title_hl, abstractHighlight: page[i].abstract_hl })),
    hasMore: rows.length > opts.limit,
  };
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
