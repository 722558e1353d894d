/**
 * What the data layer hands to pages, API serializers and feeds: plain objects, never
 * Prisma rows, so a column added later cannot leak by accident.
 */
export interface AuthorDTO {
  id: number;
  name: string;
  /** Hugging Face user name, when the author claimed the paper there. */
  hfUser: string | null;
}

export interface OrganizationDTO {
  id: number;
  /** Handle, e.g. "MicrosoftResearch". */
  name: string;
  fullname: string | null;
  avatar: string | null;
}

export interface SubmitterDTO {
  name: string;
  fullname: string | null;
  avatarUrl: string | null;
}

/** One day a paper was featured (HF's `submittedOnDailyAt`). */
export interface FeatureDTO {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  /** The listing's own time (HF's entry `publishedAt`). */
  featuredAt: Date;
  submitter: SubmitterDTO | null;
}

export interface PaperDTO {
  id: number;
  /** arXiv id without version; null for papers known only by title. */
  arxivId: string | null;
  title: string;
  abstract: string | null;
  publishedAt: Date | null;
  /** Upvotes shown: imported from feeds plus this server's users' upvotes. */
  upvotes: number;
  numComments: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  aiSummary: string | null;
  aiKeywords: string[];
  thumbnail: string | null;
  mediaUrls: string[];
  categories: string[];
  comment: string | null;
  /** In order. Lists may carry only the first few; `authorCount` is the full count. */
  authors: AuthorDTO[];
  authorCount: number;
  organization: OrganizationDTO | null;
  /** The listing this paper is shown for: the day of a daily list, else its latest featured day. */
  feature: FeatureDTO | null;
}
