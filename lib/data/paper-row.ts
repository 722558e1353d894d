import type { AuthorDTO, PaperDTO } from "@/lib/data/paper-types";

/**
 * A paper as the raw queries select it (`paperColumns`, plus `featureColumns` for views of a
 * featured day), and its mapping to the DTO. Kept apart from lib/data/papers.ts, which is
 * server-only, so the export CLI maps rows the same way the pages do.
 */
export interface PaperColumnsRow {
  id: number;
  arxiv_id: string | null;
  title: string;
  abstract: string | null;
  published_at: Date | null;
  upvotes: number;
  num_comments: number;
  github_repo: string | null;
  github_stars: number | null;
  project_page: string | null;
  ai_summary: string | null;
  ai_keywords: string[];
  thumbnail: string | null;
  media_urls: string[];
  categories: string[];
  comment: string | null;
  author_count: number | null;
  org_id: number | null;
  org_name: string | null;
  org_fullname: string | null;
  org_avatar: string | null;
}

export interface FeatureColumnsRow {
  day: Date | null;
  featured_at: Date | null;
  submitter_name: string | null;
  submitter_fullname: string | null;
  submitter_avatar: string | null;
}

export type PaperRow = PaperColumnsRow & FeatureColumnsRow;

export function paperRowToDto(r: PaperColumnsRow & Partial<FeatureColumnsRow>, authors: AuthorDTO[]): PaperDTO {
  return {
    id: r.id,
    arxivId: r.arxiv_id,
    title: r.title,
    abstract: r.abstract,
    publishedAt: r.published_at,
    upvotes: r.upvotes,
    numComments: r.num_comments,
    githubRepo: r.github_repo,
    githubStars: r.github_stars,
    projectPage: r.project_page,
    aiSummary: r.ai_summary,
    aiKeywords: r.ai_keywords,
    thumbnail: r.thumbnail,
    mediaUrls: r.media_urls,
    categories: r.categories,
    comment: r.comment,
    authors,
    authorCount: authors.length || (r.author_count ?? 0),
    organization: r.org_id ? { id: r.org_id, name: r.org_name!, fullname: r.org_fullname, avatar: r.org_avatar } : null,
    feature:
      r.day && r.featured_at
        ? {
            day: isoDay(r.day),
            featuredAt: r.featured_at,
            submitter: r.submitter_name
              ? { name: r.submitter_name, fullname: r.submitter_fullname ?? null, avatarUrl: r.submitter_avatar ?? null }
              : null,
          }
        : null,
  };
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
