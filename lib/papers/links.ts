import type { PaperDTO } from "@/lib/data/paper-types";

/** The canonical page of a paper: its arXiv id, or `local-<id>` for papers known only by title. */
export function paperHref(paper: Pick<PaperDTO, "id" | "arxivId">): string {
  return paper.arxivId ? `/papers/${paper.arxivId}` : `/papers/local-${paper.id}`;
}

export function authorHref(name: string): string {
  return `/authors/${encodeURIComponent(name)}`;
}

export function orgHref(name: string): string {
  return `/orgs/${encodeURIComponent(name)}`;
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

export function arxivPdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${arxivId}`;
}

/**
 * A feed-supplied URL that may go in an href: absolute http(s) only, so `javascript:`,
 * `data:` and relative tricks never do. Returns the normalised URL or null.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A feed-supplied image URL that may go in a src: https only. Hugging Face sends some avatars
 * as site-relative paths (`/avatars/x.svg`), which are relative to https://huggingface.co.
 */
export function safeImageUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (/^\/(?![/\\])/.test(value)) return safeImageUrl(`https://huggingface.co${value}`);
  if (!value.startsWith("https://")) return null;
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}

/** `owner/name` of a GitHub repository URL, for its link text; null for other hosts. */
export function githubRepoName(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/i.exec(url);
  return m ? m[1] : null;
}

/** A Hugging Face handle safe to put in a huggingface.co URL, else null. */
export function hfProfileUrl(handle: string | null | undefined): string | null {
  return handle && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/.test(handle) ? `https://huggingface.co/${handle}` : null;
}

/** 1234 -> "1.2k", as GitHub shows stars. */
export function compactNumber(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1).replace(/\.0$/, "")}k` : String(n);
}
