import { normalizeArxivId } from "@/lib/ingest/sources/text";

/** Longest input looked at: an arXiv URL with a version and `.pdf` is well under 100 characters. */
export const MAX_ARXIV_INPUT = 300;

// Each a fixed shape with bounded repetition, anchored at both ends: linear on any input.
const BARE = /^(?:arxiv:\s*)?([a-z-]{1,20}(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d{1,3})?$/i;
const URL =
  /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/([a-z-]{1,20}(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d{1,3})?(?:\.pdf)?\/?(?:[?#][^\s]{0,200})?$/i;

/**
 * The arXiv id (without version) a person typed: `2406.12345`, `arXiv:2406.12345v2`,
 * `arxiv.org/abs/2406.12345v2`, `https://arxiv.org/pdf/2406.12345v1.pdf`, old-style
 * `hep-th/9901001`. Null for anything else, including other hosts that merely mention arXiv.
 */
export function parseArxivInput(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > MAX_ARXIV_INPUT) return null;
  const match = BARE.exec(text) ?? URL.exec(text);
  if (!match) return null;
  // Old-style archive names are lower case (`hep-th`), with an upper-case subject class (`math.AG`).
  const [archive, rest] = match[1].includes("/") ? match[1].split("/") : [null, match[1]];
  const id = archive
    ? `${archive.replace(/^([a-z-]+)(\.[a-z]{2})?$/i, (_m, a: string, c = "") => a.toLowerCase() + c.toUpperCase())}/${rest}`
    : rest;
  return normalizeArxivId(id);
}
