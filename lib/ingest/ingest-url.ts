import { fetchFeed, type Validators } from "@/lib/ingest/fetch-feed";
import { runIngest, type IngestOptions, type IngestSummary } from "@/lib/ingest/run-ingest";

export type UrlIngestResult =
  | ({ notModified: false; etag: string | null; lastModified: string | null; httpStatus: number } & IngestSummary)
  | { notModified: true; etag: string | null; lastModified: string | null; httpStatus: 304 };

/** Fetches a feed URL (conditionally, when validators are given) and ingests it. */
export async function ingestUrl(
  url: string,
  opts: Omit<IngestOptions, "body" | "origin" | "declaredBytes"> & { validators?: Validators },
): Promise<UrlIngestResult> {
  const fetched = await fetchFeed(url, opts.validators);
  if (fetched.notModified || !fetched.body) {
    return { notModified: true, etag: fetched.etag, lastModified: fetched.lastModified, httpStatus: 304 };
  }
  const summary = await runIngest({ ...opts, body: fetched.body, origin: url, declaredBytes: fetched.contentLength });
  return { ...summary, notModified: false, etag: fetched.etag, lastModified: fetched.lastModified, httpStatus: fetched.status };
}
