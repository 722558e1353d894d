import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";

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

/**
 * GETs a feed URL with conditional headers (ETag / Last-Modified), so an unchanged feed
 * costs a 304 and no parsing. The body is returned as a stream, not read here.
 */
export async function fetchFeed(url: string, validators: Validators = {}, timeoutMs = 60_000): Promise<FetchedFeed> {
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

  let res: Response;
  try {
    res = await fetch(parsed, { headers, redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new AppError("upstream_error", `Could not fetch ${url}: ${reason}`);
  }
  const etag = res.headers.get("etag");
  const lastModified = res.headers.get("last-modified");
  if (res.status === 304) return { status: 304, notModified: true, body: null, etag: etag ?? validators.etag ?? null, lastModified: lastModified ?? validators.lastModified ?? null };
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new AppError("upstream_error", `Fetching ${url} answered HTTP ${res.status}`, { upstreamStatus: res.status });
  }
  const length = Number(res.headers.get("content-length"));
  return {
    status: res.status,
    notModified: false,
    body: Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>),
    contentLength: Number.isFinite(length) && length > 0 ? length : undefined,
    etag,
    lastModified,
  };
}
