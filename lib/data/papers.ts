import "server-only";
import { db } from "@/lib/db";
import { authorsByPaper } from "@/lib/data/authors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorDTO, FeatureDTO, PaperDTO } from "@/lib/data/paper-types";
import { isoDay, paperRowToDto, type PaperRow } from "@/lib/data/paper-row";
import { trendingSql } from "@/lib/data/trending";
import type { DayRange } from "@/lib/papers/dates";

export type { PaperRow };

/** `listed`: newest listing first (HF API's `sort=publishedAt`, the entry's own time). */
export type Sort = "trending" | "upvotes" | "newest" | "listed";

const orderBy: Record<Sort, (ref: string) => string> = {
  trending: (ref) => `${trendingSql(ref)} DESC, p.id DESC`,
  upvotes: () => `(p.upvotes + p.user_upvotes) DESC, p.id DESC`,
  newest: () => `p.published_at DESC NULLS LAST, p.id DESC`,
  listed: () => `f.featured_at DESC, p.id DESC`,
};

export const paperColumns = `p.id, p.arxiv_id, p.title, p.abstract, p.published_at, p.upvotes + p.user_upvotes AS upvotes, p.num_comments + p.user_comments AS num_comments, p.github_repo,
  p.github_stars, p.project_page, p.ai_summary, p.ai_keywords, p.thumbnail, p.media_urls, p.categories, p.comment,
  p.author_count, o.id AS org_id, o.name AS org_name, o.fullname AS org_fullname, o.avatar AS org_avatar`;
export const featureColumns = `f.day, f.featured_at, f.submitter_name, f.submitter_fullname, f.submitter_avatar`;
/** The latest featured day of each paper, for views that are not about one day. */
export const latestFeature = `LEFT JOIN LATERAL (SELECT * FROM paper_features lf WHERE lf.paper_id = p.id ORDER BY lf.day DESC LIMIT 1) f ON true`;

export interface ListFeaturedOptions {
  range: DayRange;
  sort: Sort;
  limit: number;
  offset: number;
  /** Only papers featured by this submitter (HF's `submittedBy.name`). */
  submitter?: string;
  /** Leave out papers known only by title (the HF-compatible API has no id to give them). */
  arxivOnly?: boolean;
  now?: Date;
}

/**
 * Papers featured in a range of UTC days, one page of them plus whether more follow.
 * A paper featured on two days of the range is listed once, for its later day.
 *
 * The page is chosen first on the columns its order needs (`page`), and only its rows are then
 * read in full (abstract, organization, authors). "Its later day" is one probe per feature into
 * the (paper_id, day) index: the latest day of that paper before the range's end must be this
 * one. (Written as NOT EXISTS it was planned as an anti-join reading every feature before the
 * range's end, the whole past for an old month.)
 */
export async function listFeaturedPapers(opts: ListFeaturedOptions): Promise<{ papers: PaperDTO[]; hasMore: boolean }> {
  const ref = new Date(Math.min((opts.now ?? new Date()).getTime(), Date.parse(`${opts.range.end}T00:00:00Z`)));
  const order = orderBy[opts.sort]("$6");
  const rows = await db().$queryRawUnsafe<PaperRow[]>(
    `SELECT ${paperColumns}, ${featureColumns}, ${trendingSql("$6")} AS trending_score
       FROM (SELECT f.id AS feature_id
               FROM paper_features f
               JOIN papers p ON p.id = f.paper_id
              WHERE f.day >= $1::date AND f.day < $2::date
                AND ($5::text IS NULL OR f.submitter_name = $5)
                AND (NOT $7::boolean OR p.arxiv_id IS NOT NULL)
                AND p.hidden_at IS NULL
                AND f.day = (SELECT max(later.day) FROM paper_features later
                              WHERE later.paper_id = f.paper_id AND later.day < $2::date)
              ORDER BY ${order}
              LIMIT $3 OFFSET $4) page
       JOIN paper_features f ON f.id = page.feature_id
       JOIN papers p ON p.id = f.paper_id
       LEFT JOIN organizations o ON o.id = p.organization_id
      ORDER BY ${order}`,
    opts.range.start,
    opts.range.end,
    opts.limit + 1,
    opts.offset,
    opts.submitter ?? null,
    ref,
    opts.arxivOnly ?? false,
  );
  const papers = await withAuthors(rows.slice(0, opts.limit));
  return { papers, hasMore: rows.length > opts.limit };
}

/**
 * The first day, in `order` along the featured-day index, matching `where` and showing at
 * least one paper: a day whose papers are all hidden is skipped as an empty one. Hidden
 * papers are rare, so this reads one index entry and one paper in the usual case.
 */
const shownDay = (where: Prisma.Sql, order: "ASC" | "DESC") =>
  Prisma.sql`(SELECT f.day FROM paper_features f JOIN papers p ON p.id = f.paper_id
               WHERE ${where} AND p.hidden_at IS NULL
               ORDER BY f.day ${Prisma.raw(order)} LIMIT 1)`;

/** The most recent UTC day with featured papers, or null when there are none. */
export async function getLatestFeaturedDay(): Promise<string | null> {
  const [row] = await db().$queryRaw<{ day: Date | null }[]>`SELECT ${shownDay(Prisma.sql`true`, "DESC")} AS day`;
  return row?.day ? isoDay(row.day) : null;
}

/** The nearest days before and after `day` that have papers (empty days are skipped). */
export async function getAdjacentDays(day: string): Promise<{ previous: string | null; next: string | null }> {
  const [row] = await db().$queryRaw<{ previous: Date | null; next: Date | null }[]>`
    SELECT ${shownDay(Prisma.sql`f.day < ${day}::date`, "DESC")} AS previous,
           ${shownDay(Prisma.sql`f.day > ${day}::date`, "ASC")} AS next`;
  return { previous: row?.previous ? isoDay(row.previous) : null, next: row?.next ? isoDay(row.next) : null };
}

/** The days in a range that have papers, by index skip-scan (one probe per day, not per paper). */
export async function listDaysWithPapers(range: DayRange): Promise<string[]> {
  const rows = await db().$queryRaw<{ day: Date }[]>`
    WITH RECURSIVE d(day) AS (
      SELECT ${shownDay(Prisma.sql`f.day >= ${range.start}::date AND f.day < ${range.end}::date`, "ASC")}
      UNION ALL
      SELECT ${shownDay(Prisma.sql`f.day > d.day AND f.day < ${range.end}::date`, "ASC")}
        FROM d WHERE d.day IS NOT NULL
    )
    SELECT day FROM d WHERE day IS NOT NULL`;
  return rows.map((r) => isoDay(r.day));
}

/** One paper by arXiv id (without version) or by `local-<id>` for papers known only by title; null when hidden. */
export async function getPaper(ref: { arxivId: string } | { id: number }): Promise<PaperDTO | null> {
  const where = "arxivId" in ref ? "p.arxiv_id = $1" : "p.id = $1::int";
  const rows = await db().$queryRawUnsafe<PaperRow[]>(
    `SELECT ${paperColumns}, ${featureColumns}
       FROM papers p LEFT JOIN organizations o ON o.id = p.organization_id ${latestFeature}
      WHERE ${where} AND p.hidden_at IS NULL`,
    "arxivId" in ref ? ref.arxivId : ref.id,
  );
  const [paper] = await withAuthors(rows);
  return paper ?? null;
}

/** Papers by internal id, in the order given (a user's upvotes, a reading list); unknown and hidden ids are skipped. */
export async function getPapersByIds(ids: number[]): Promise<PaperDTO[]> {
  if (ids.length === 0) return [];
  const rows = await db().$queryRawUnsafe<PaperRow[]>(
    `SELECT ${paperColumns}, ${featureColumns}
       FROM unnest($1::int[]) WITH ORDINALITY AS wanted(id, ord)
       JOIN papers p ON p.id = wanted.id AND p.hidden_at IS NULL
       LEFT JOIN organizations o ON o.id = p.organization_id ${latestFeature}
      ORDER BY wanted.ord`,
    ids,
  );
  return withAuthors(rows);
}

/** Every day a paper was featured, latest first, with who submitted it (the paper page). */
export async function listPaperFeatures(paperId: number): Promise<FeatureDTO[]> {
  const rows = await db().paperFeature.findMany({
    where: { paperId },
    orderBy: { day: "desc" },
    take: 50,
    select: { day: true, featuredAt: true, submitterName: true, submitterFullname: true, submitterAvatar: true },
  });
  return rows.map((r) => ({
    day: isoDay(r.day),
    featuredAt: r.featuredAt,
    submitter: r.submitterName ? { name: r.submitterName, fullname: r.submitterFullname, avatarUrl: r.submitterAvatar } : null,
  }));
}

/**
 * How many of a paper's title words look for neighbours, rarest first. Enough for a whole
 * title: words found in no other title (a model's name) cost nothing but find nobody either, so
 * the shared ones after them must still get a turn.
 */
const similarTerms = 10;
/** How many neighbours are ranked at most. */
const similarCandidates = 100;
/**
 * The most titles a word may appear in and still look for neighbours: it bounds the work to ten
 * posting lists of this length (0.2% of the papers at a million). A commoner word says little
 * about a paper anyway.
 */
const similarMaxEntries = 2000;

/**
 * Papers like this one, by text, as a search engine's "more like this" finds them: the
 * paper's title words, rarest first (rarity from the statistics ANALYZE keeps on the title-lexeme
 * index; words it does not list as common count as rarest) find candidates through that
 * GIN index, and the candidates are ranked by how many of the paper's title words they
 * have, in their title (weight 1) or abstract (0.4), plus how many of the rare ones their
 * title shares. Bounded work at any size: ten short posting lists and 100 ranked rows. A
 * title made only of common words has no neighbours here.
 */
export async function listSimilarPapers(paperId: number, limit = 6): Promise<PaperDTO[]> {
  // The search itself is the SQL function similar_paper_ids (migration similar_by_title_lexemes).
  const rows = await db().$queryRawUnsafe<PaperRow[]>(
    `SELECT ${paperColumns}, ${featureColumns}
       FROM similar_paper_ids($1, $2, ${similarTerms}, ${similarCandidates}, ${similarMaxEntries}) s
       JOIN papers p ON p.id = s.similar_id
       LEFT JOIN organizations o ON o.id = p.organization_id ${latestFeature}
      ORDER BY s.score DESC, p.id DESC`,
    paperId,
    limit,
  );
  return withAuthors(rows);
}

export interface AuthorPage {
  author: AuthorDTO;
  papers: PaperDTO[];
  hasMore: boolean;
}

export async function getAuthorPapers(name: string, limit: number, offset: number): Promise<AuthorPage | null> {
  const author = await db().author.findUnique({ where: { name }, select: { id: true, name: true, hfUser: true } });
  if (!author) return null;
  // In the order of the (author_id, published_at DESC NULLS LAST, paper_id DESC) index on the
  // links, which carry their paper's date: the scan stops after the page (plus hidden papers
  // and the offset) instead of reading every paper of the author to sort them. An author
  // listed twice on a paper is listed twice, as the papers' own order listed them.
  const page = await pageNewestFirst(
    `SELECT pa.paper_id AS id FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
      WHERE pa.author_id = $1 AND p.hidden_at IS NULL
      ORDER BY pa.published_at DESC NULLS LAST, pa.paper_id DESC`,
    author.id,
    limit,
    offset,
  );
  return { author, ...page };
}

export async function getOrganizationPapers(name: string, limit: number, offset: number) {
  const organization = await db().organization.findUnique({
    where: { name },
    select: { id: true, name: true, fullname: true, avatar: true },
  });
  if (!organization) return null;
  const page = await pageNewestFirst(
    `SELECT p.id FROM papers p WHERE p.organization_id = $1 AND p.hidden_at IS NULL ORDER BY ${newestFirst}`,
    organization.id,
    limit,
    offset,
  );
  return { organization, ...page };
}

const newestFirst = `p.published_at DESC NULLS LAST, p.id DESC`;

/**
 * One page of papers, newest publication first; `ordered` selects the owner's paper ids (the
 * owner's id as $1) in that order. The page is chosen on the ordering columns alone, and only
 * its rows are then read in full with their organization and latest featured day: before, that
 * lateral lookup ran for every paper of the owner (thousands for a prolific author) ahead of
 * the sort.
 */
async function pageNewestFirst(ordered: string, ownerId: number, limit: number, offset: number) {
  const rows = await db().$queryRawUnsafe<PaperRow[]>(
    `SELECT ${paperColumns}, ${featureColumns}
       FROM (${ordered} LIMIT $2 OFFSET $3) page
       JOIN papers p ON p.id = page.id
       LEFT JOIN organizations o ON o.id = p.organization_id ${latestFeature}
      ORDER BY ${newestFirst}`,
    ownerId,
    limit + 1,
    offset,
  );
  return { papers: await withAuthors(rows.slice(0, limit)), hasMore: rows.length > limit };
}

/** Fills in each paper's full author list, in order, with one query for the whole page. */
export async function withAuthors(rows: PaperRow[]): Promise<PaperDTO[]> {
  const byPaper = await authorsByPaper(
    db(),
    rows.map((r) => r.id),
  );
  return rows.map((r) => paperRowToDto(r, byPaper.get(r.id) ?? []));
}
