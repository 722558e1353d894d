/**
 * What every feed parser produces: one record per paper entry, already normalised
 * (arXiv ids without version, whitespace collapsed, dates as UTC `Date`s), or a
 * rejection naming the entry and why it was refused. Text is kept as given: it is
 * never interpreted as HTML here or anywhere downstream.
 */
export type FeedFormat = "hf-daily" | "arxiv-atom" | "arxiv-rss" | "hf-page-text";

export interface ParsedAuthor {
  name: string;
  /** Hugging Face user name when the author claimed the paper. */
  hfUser?: string;
}

export interface ParsedOrganization {
  /** Handle, e.g. "MicrosoftResearch". */
  name: string;
  /** Display name, e.g. "Microsoft Research". */
  fullname?: string;
  avatar?: string;
}

export interface ParsedSubmitter {
  name: string;
  fullname?: string;
  avatarUrl?: string;
}

export interface ParsedFeature {
  /** The UTC day the paper was featured on, `YYYY-MM-DD`. */
  day: string;
  /** When it was featured (HF: the entry's `publishedAt`). */
  featuredAt: Date;
  submitter?: ParsedSubmitter;
}

export interface ParsedPaper {
  /** arXiv id without version (`2406.12345`, `hep-th/9901001`); null when the feed has none. */
  arxivId: string | null;
  title: string;
  abstract: string | null;
  /** In paper order; empty when the feed only gives a count. */
  authors: ParsedAuthor[];
  /** Author count when names are unknown (copied pages: "• 6 authors"). */
  authorCount?: number;
  /** The paper's own publication date (arXiv date). */
  publishedAt: Date | null;
  /** The listing day this entry puts the paper on, if the format implies one. */
  featured: ParsedFeature | null;
  upvotes?: number;
  numComments?: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiSummary?: string;
  aiKeywords?: string[];
  thumbnail?: string;
  mediaUrls?: string[];
  organization?: ParsedOrganization;
  /** arXiv categories, primary first. */
  categories?: string[];
  /** arXiv comment ("NeurIPS 2025; 12 pages"). */
  comment?: string;
}

export interface ParsedRejection {
  /** Names the entry: its id, else its title, else its position ("entry #3"). */
  ref: string;
  reason: string;
}

export type ParseItem = { kind: "paper"; paper: ParsedPaper } | { kind: "rejected"; rejection: ParsedRejection };

/** A document that cannot be read at all: nothing from it may be written. */
export class FeedParseError extends Error {
  constructor(
    message: string,
    readonly format?: FeedFormat,
  ) {
    super(message);
    this.name = "FeedParseError";
  }
}

/**
 * Where an ingest run's time went, in milliseconds of wall time, measured by the run itself
 * (lib/ingest/run-ingest.ts) and returned with its summary, so a benchmark or an operator can
 * see which step to make faster. The phases follow one another: their sum is at most
 * `totalMs` (the rest is the small steps between them). `vectorsMs` is the exception: search
 * vectors computed on a second connection while the run parses and saves (not in the sum).
 */
export interface IngestTimings {
  /** Opening the run's connection, its row and lock, BEGIN, the staging table. */
  startMs: number;
  /** Waiting for the document's bytes (request body, file, HTTP response). */
  readMs: number;
  /** Detecting the format, parsing and checking entries (without the waits for bytes). */
  parseMs: number;
  /** Encoding each batch for COPY (prepareBatch). */
  prepareMs: number;
  /** Waiting for batches to be written (savePapers, ANALYZE, setting indexes aside), where it did not overlap parsing. */
  saveMs: number;
  /** Rebuilding indexes set aside by a bulk load, and COMMIT. */
  commitMs: number;
  /** After the commit: the new titles' words for search suggestions (add_title_words). */
  afterCommitMs: number;
  /** Writing the run's outcome and rejections to ingest_runs. */
  recordMs: number;
  /** From the run's start to its summary, recording included. */
  totalMs: number;
  /** Search vectors computed on the second connection, from asking to stored (overlaps the phases above). */
  vectorsMs: number;
  /** Set by POST /api/ingest after the run: dropping this server's cached pages and answers. */
  revalidateMs?: number;
}

/** Every phase at zero: a run's starting point, and a sum's (the cache refresh is added by the API). */
export function zeroIngestTimings(): IngestTimings {
  return {
    startMs: 0,
    readMs: 0,
    parseMs: 0,
    prepareMs: 0,
    saveMs: 0,
    commitMs: 0,
    afterCommitMs: 0,
    recordMs: 0,
    totalMs: 0,
    vectorsMs: 0,
  };
}
