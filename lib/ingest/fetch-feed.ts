import { AppError } from "@/lib/errors";
import { safeFetch, type SafeFetchOptions } from "@/lib/http/safe-fetch";

export interface FetchedFeed {
  status: number;
  notModified: boolean;
  body: AsyncIterable<Uint8Array> | null;
  contentLength?: number;
  etag: string | null;
  lastModified: string | null;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/**
 * GETs a feed URL with conditional headers (ETag / Last-Modified), so an unchanged feed
 * costs a 304 and no parsing. The body is returned as a stream, not read here. Goes through
 * safeFetch (lib/http/safe-fetch.ts): the URL is someone else's choice, so private addresses
 * are refused and every failure to get an answer reads the same.
 */
export async function fetchFeed(
  url: string,
  validators: Validators = {},
  timeoutMs = 60_000,
  fetchOptions: Pick<SafeFetchOptions, "allowAddress"> = {},
): Promise<FetchedFeed> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("bad_request", `Not a valid URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AppError("bad_request", `Only http and https feed URLs are supported, not ${parsed.protocol}`);
  }
  const headers: Record<string, string> = {
    "user-agent": "Paperboy feed reader (+https://github.com/paperboy)",
    accept: "application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/*;q=0.8",
  };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;

  const res = await safeFetch(parsed, { headers, timeoutMs, ...fetchOptions });
  const etag = header(res.headers.etag);
  const lastModified = header(res.headers["last-modified"]);
  if (res.status === 304) {
    res.body.resume();
    return {
      status: 304,
      notModified: true,
      body: null,
      etag: etag ?? validators.etag ?? null,
      lastModified: lastModified ?? validators.lastModified ?? null,
    };
  }
  if (res.status < 200 || res.status > 299) {
    res.body.destroy();
    // The status is a public server's own answer (private ones are never reached unless
    // allowed): telling it helps the operator and reveals nothing of the network.
    throw new AppError("upstream_error", `Fetching ${url} answered HTTP ${res.status}`, { upstreamStatus: res.status });
  }
  return { status: res.status, notModified: false, body: res.body, contentLength: res.contentLength, etag, lastModified };
}
