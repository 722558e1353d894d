import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { safeFetch } from "@/lib/http/safe-fetch";
import { logger } from "@/lib/logger";
import { parseArxivAtom } from "@/lib/ingest/sources/arxiv-atom";
import type { ParsedPaper } from "@/lib/ingest/types";

/** Most an answer for one id may weigh: a real one is about 3 KB. */
export const ARXIV_MAX_BYTES = 1024 * 1024;
export const ARXIV_TIMEOUT_MS = 10_000;

export type ArxivLookup = { kind: "found"; paper: ParsedPaper; withdrawn: boolean } | { kind: "unknown" };

export interface ArxivLookupOptions {
  /** Defaults to ARXIV_API_URL. */
  apiUrl?: string;
  timeoutMs?: number;
}

/** What a person is told whenever arXiv gave no usable answer (down, slow, an error page, a broken feed). */
export const ARXIV_UNAVAILABLE = "arXiv did not answer just now, so nothing was submitted: try again in a few minutes";

/**
 * Asks arXiv's API for one paper (`?id_list=<id>`) and reads the answer with the ingest's arXiv
 * Atom parser. An answer without that id is "unknown" (arXiv answers an unknown id with an empty
 * feed). Any failure to get a readable answer is one `upstream_error` with the reason in the log.
 *
 * ARXIV_API_URL is the operator's setting, trusted like DATABASE_URL, so its host may be private
 * (a mirror, the tests' stand-in); the id is checked before it gets here, and redirects are not
 * followed, so no request can be steered anywhere else.
 */
export async function lookupArxivPaper(arxivId: string, opts: ArxivLookupOptions = {}): Promise<ArxivLookup> {
  const url = new URL(opts.apiUrl ?? env().ARXIV_API_URL);
  url.searchParams.set("id_list", arxivId);
  url.searchParams.set("max_results", "1");
  const fail = (reason: string): never => {
    logger.warn({ arxivId, reason }, "arXiv lookup failed");
    throw new AppError("upstream_error", ARXIV_UNAVAILABLE, { reason: "arxiv_unavailable" });
  };
  let text: string;
  try {
    const res = await safeFetch(url, {
      timeoutMs: opts.timeoutMs ?? ARXIV_TIMEOUT_MS,
      maxRedirects: 0,
      allowAddress: () => true,
      headers: { accept: "application/atom+xml" },
    });
    if (res.status !== 200) {
      res.body.destroy();
      return fail(`HTTP ${res.status}`);
    }
    text = await readCapped(res.body, ARXIV_MAX_BYTES);
  } catch (err) {
    if (err instanceof AppError && err.details?.reason === "arxiv_unavailable") throw err;
    return fail(err instanceof Error ? err.message : String(err));
  }
  let papers: ParsedPaper[];
  try {
    papers = [...parseArxivAtom(text)].flatMap((item) => (item.kind === "paper" ? [item.paper] : []));
  } catch (err) {
    return fail(`unreadable answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  const paper = papers.find((p) => p.arxivId === arxivId);
  if (!paper) return { kind: "unknown" };
  return { kind: "found", paper, withdrawn: isWithdrawn(paper) };
}

/**
 * Whether arXiv marks the paper withdrawn. arXiv keeps a withdrawn paper's record and writes it
 * into the text: the comment says "This paper has been withdrawn" (often "… by the author"), and
 * the abstract of the withdrawal version begins with it. Both places are checked; a paper that
 * merely discusses withdrawals (a word in the middle of its abstract) is not caught.
 */
export function isWithdrawn(paper: { comment?: string | null; abstract?: string | null }): boolean {
  const mark = /^\W{0,5}(?:this (?:paper|article|submission|manuscript|work) (?:has been|is|was) withdrawn|withdrawn\b)/i;
  const commentMark = /\b(?:has been|is|was) withdrawn\b|^\W{0,5}withdrawn\b/i;
  return commentMark.test(paper.comment ?? "") || mark.test(paper.abstract ?? "");
}

async function readCapped(body: AsyncIterable<Uint8Array | string> & { destroy(): void }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.byteLength;
    if (size > max) {
      body.destroy();
      throw new Error(`answer larger than ${max} bytes`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString("utf8");
}
