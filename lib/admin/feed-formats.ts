import type { FeedFormat } from "@/lib/ingest/types";

/** The formats a feed can be forced to (else it is detected at each poll); safe for client components. */
export const feedFormats = ["hf-daily", "arxiv-atom", "arxiv-rss", "hf-page-text"] as const satisfies readonly FeedFormat[];

export const feedFormatLabels: Record<FeedFormat, string> = {
  "hf-daily": "Hugging Face daily papers (JSON)",
  "arxiv-atom": "arXiv API (Atom)",
  "arxiv-rss": "arXiv RSS",
  "hf-page-text": "Copied Hugging Face page (text)",
};
