import type { AuthorDTO, OrganizationDTO, PaperDTO, SubmitterDTO } from "@/lib/data/paper-types";

/**
 * Serializers for the Hugging Face-compatible JSON API: the same key names and nesting as
 * HF's `/api/daily_papers`, `/api/papers/search` and `/api/papers/{id}` answers (see the
 * captures in prisma/sample-feeds), so `huggingface_hub`'s `HfApi(endpoint=...)` and
 * other HF clients read ours unchanged.
 *
 * Contract, from PRODUCT.md and the client's parsing (`PaperInfo`, `PaperAuthor`, `User`,
 * `Organization` in huggingface_hub's hf_api.py):
 * - timestamps are `YYYY-MM-DDTHH:MM:SS.sssZ` (the client's `parse_datetime` accepts only
 *   that pattern);
 * - a value HF sends as an object (`paper`, `submittedBy`, `submittedOnDailyBy`,
 *   `organization`, `authors[]`, `authors[].user`) is an object here or absent, never a
 *   string or null (the client calls `User(**x)` / `Organization(**x)` on any truthy value);
 * - optional fields we do not have are left out, never null (HF sends no nulls).
 */

/** A Hugging Face user as HF nests it in `submittedOnDailyBy` and `authors[].user`. */
export interface HfUser {
  _id: string;
  avatarUrl?: string;
  fullname?: string;
  /** The handle (the client's `User.username`). */
  user: string;
  /** The handle again: HF's newest answers send both. */
  name: string;
  type: "user";
}

/** The entry-level `submittedBy`: HF names the handle `name` here, with no `user`. */
export interface HfSubmitter {
  _id: string;
  avatarUrl?: string;
  fullname?: string;
  name: string;
  type: "user";
}

export interface HfOrganization {
  _id: string;
  /** Handle, e.g. "MicrosoftResearch". */
  name: string;
  fullname?: string;
  avatar?: string;
}

export interface HfAuthor {
  _id: string;
  name: string;
  hidden: false;
  /** Only for authors who claimed the paper on Hugging Face. */
  user?: HfUser;
}

/** The `paper` object of a daily entry; also the body of `GET /api/papers/{id}`. */
export interface HfPaper {
  /** arXiv id without version. */
  id: string;
  authors: HfAuthor[];
  mediaUrls?: string[];
  publishedAt?: string;
  /** The featured day at 00:00:00.000Z. */
  submittedOnDailyAt?: string;
  title: string;
  submittedOnDailyBy?: HfUser;
  summary?: string;
  upvotes: number;
  projectPage?: string;
  githubRepo?: string;
  ai_summary?: string;
  ai_keywords?: string[];
  githubStars?: number;
  organization?: HfOrganization;
}

/** One element of `GET /api/daily_papers` and `GET /api/papers/search`. */
export interface HfDailyEntry {
  paper: HfPaper;
  /** The listing's time (the client's `PaperInfo.submitted_at`), not the paper's. */
  publishedAt?: string;
  title: string;
  summary?: string;
  mediaUrls?: string[];
  thumbnail?: string;
  numComments: number;
  submittedBy?: HfSubmitter;
  organization?: HfOrganization;
  isAuthorParticipating: false;
}

/** `GET /api/papers/{id}`: the paper fields at the top level, plus the entry's counters. */
export interface HfPaperDetail extends HfPaper {
  numComments: number;
  isAuthorParticipating: false;
}

/**
 * A daily-papers entry. The listing time is `p.feature.featuredAt`; a paper never featured
 * (a search hit) falls back to its own publication time, as HF's entries do.
 * `p.authors` must be the full list: a list truncated for cards would be served truncated.
 */
export function toDailyEntry(p: PaperDTO): HfDailyEntry {
  const paper = toPaper(p);
  return defined<HfDailyEntry>({
    paper,
    publishedAt: iso(p.feature?.featuredAt ?? p.publishedAt),
    title: paper.title,
    summary: paper.summary,
    mediaUrls: paper.mediaUrls && [...paper.mediaUrls],
    thumbnail: p.thumbnail ?? undefined,
    numComments: p.numComments,
    submittedBy: p.feature?.submitter ? toSubmitter(p.feature.submitter) : undefined,
    organization: paper.organization && { ...paper.organization },
    isAuthorParticipating: false,
  });
}

/** The flat paper object of `GET /api/papers/{id}`. Same caveat on `p.authors` as above. */
export function toPaperDetail(p: PaperDTO): HfPaperDetail {
  return defined<HfPaperDetail>({ ...toPaper(p), numComments: p.numComments, isAuthorParticipating: false });
}

function toPaper(p: PaperDTO): HfPaper {
  if (p.arxivId === null) {
    throw new Error(`Paper ${p.id} has no arXiv id: title-only papers are not served by the HF-compatible API`);
  }
  const day = p.feature && /^\d{4}-\d{2}-\d{2}$/.test(p.feature.day) ? p.feature.day : undefined;
  return defined<HfPaper>({
    id: p.arxivId,
    authors: p.authors.map(toAuthor),
    mediaUrls: p.mediaUrls.length ? [...p.mediaUrls] : undefined,
    publishedAt: iso(p.publishedAt),
    submittedOnDailyAt: day ? `${day}T00:00:00.000Z` : undefined,
    title: p.title,
    submittedOnDailyBy: p.feature?.submitter ? toUser(p.feature.submitter.name, p.feature.submitter) : undefined,
    summary: p.abstract ?? undefined,
    upvotes: p.upvotes,
    projectPage: p.projectPage ?? undefined,
    githubRepo: p.githubRepo ?? undefined,
    ai_summary: p.aiSummary ?? undefined,
    ai_keywords: p.aiKeywords.length ? [...p.aiKeywords] : undefined,
    githubStars: p.githubStars ?? undefined,
    organization: p.organization ? toOrganization(p.organization) : undefined,
  });
}

function toAuthor(a: AuthorDTO): HfAuthor {
  return defined<HfAuthor>({
    _id: objectId("author", a.id),
    name: a.name,
    hidden: false,
    user: a.hfUser ? toUser(a.hfUser) : undefined,
  });
}

function toUser(handle: string, known?: SubmitterDTO): HfUser {
  return defined<HfUser>({
    _id: userObjectId(handle),
    avatarUrl: known?.avatarUrl ?? undefined,
    fullname: known?.fullname ?? undefined,
    user: handle,
    name: handle,
    type: "user",
  });
}

function toSubmitter(s: SubmitterDTO): HfSubmitter {
  return defined<HfSubmitter>({
    _id: userObjectId(s.name),
    avatarUrl: s.avatarUrl ?? undefined,
    fullname: s.fullname ?? undefined,
    name: s.name,
    type: "user",
  });
}

function toOrganization(o: OrganizationDTO): HfOrganization {
  return defined<HfOrganization>({
    _id: objectId("organization", o.id),
    name: o.name,
    fullname: o.fullname ?? undefined,
    avatar: o.avatar ?? undefined,
  });
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** HF's timestamp format; undefined for a missing or unrepresentable date (years past 9999). */
function iso(d: Date | null | undefined): string | undefined {
  if (!d || Number.isNaN(d.getTime())) return undefined;
  const s = d.toISOString();
  return ISO_UTC.test(s) ? s : undefined;
}

/**
 * Mongo-style `_id`s (24 hex digits) derived from our ids, so the same author, user or
 * organization always gets the same one: a fixed prefix, a kind tag, then 16 hex digits
 * (the numeric id, or a 64-bit FNV-1a hash of a Hugging Face handle, which has no id here).
 * A user is keyed by handle, so a submitter who also claimed an authorship keeps one `_id`.
 */
const ID_PREFIX = "70626f";
const ID_KIND = { author: "a1", organization: "0a", user: "05" } as const;

function objectId(kind: "author" | "organization", id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new Error(`Cannot derive an _id from ${kind} id ${id}`);
  return ID_PREFIX + ID_KIND[kind] + id.toString(16).padStart(16, "0");
}

function userObjectId(handle: string): string {
  return ID_PREFIX + ID_KIND.user + fnv1a64(handle).toString(16).padStart(16, "0");
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function fnv1a64(s: string): bigint {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(s)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return h;
}

/** Drops keys whose value is undefined, so missing optional fields are absent, not null. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
