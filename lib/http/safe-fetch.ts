import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { isPublicAddress } from "@/lib/http/address-policy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * The one way the server fetches a URL someone else chose (ingest by URL, admin feeds,
 * FEED_URLS, the CLI). Without it such a URL could reach what only the server can: its own
 * loopback (Postgres, the mail catcher), the cloud metadata service, the private network.
 *
 * - Only http and https.
 * - Every address a host name resolves to is checked, and the socket connects to the
 *   checked address (the check sits in the socket's own `lookup`), so a DNS answer that
 *   changes between check and connect (rebinding) cannot slip through. IP literals, which
 *   skip `lookup`, are checked before connecting.
 * - Redirects are followed here, a few hops at most, each hop checked the same way.
 * - Every failure to get an answer (refused address, DNS failure, closed port, reset,
 *   timeout, too many redirects) gives the caller the same message; the detail goes to the
 *   server log only. So the answers cannot be used to map which hosts and ports are open.
 *
 * ALLOW_PRIVATE_FEEDS=true lifts the address check (labs that mirror feeds internally).
 */

export interface SafeFetchOptions {
  headers?: Record<string, string>;
  /** Whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /**
   * Which resolved addresses may be connected to. Production callers leave it unset: public
   * addresses only, or any with ALLOW_PRIVATE_FEEDS=true. Tests pass one to stand in for
   * "the public internet" with loopback servers.
   */
  allowAddress?: (address: string) => boolean;
}

export interface SafeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decoded (gzip, deflate, br) body; destroyed when the timeout fires. */
  body: Readable;
  /** Length of the body as sent, when it was not encoded; otherwise undefined. */
  contentLength?: number;
}

/** What the caller (and so the user) is told whenever no answer could be had. */
export const UNREACHABLE_MESSAGE =
  "Could not fetch the URL: it did not answer, or it is not a public address (private addresses need ALLOW_PRIVATE_FEEDS=true)";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A refusal of ours, told apart from network errors in the log only. */
class RefusedAddress extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, which is not a public address`);
  }
}

export function defaultAddressPolicy(): (address: string) => boolean {
  return env().ALLOW_PRIVATE_FEEDS === "true" ? () => true : isPublicAddress;
}

/** A `lookup` for net.connect that resolves, refuses unless every address is allowed, and hands over only checked ones. */
export function guardedLookup(allow: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === "number" ? options.family : 0;
    dnsLookup(hostname, { all: true, family, hints: options.hints }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const refused = addresses.find((a) => !allow(a.address));
      if (refused || !addresses.length) return callback(new RefusedAddress(hostname, refused?.address ?? "nothing"), "", 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Where a URL may be logged: no query string or credentials, which can carry tokens. */
function forLog(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** GETs `url`, following redirects itself; resolves with the first non-redirect answer. */
export async function safeFetch(url: string | URL, opts: SafeFetchOptions = {}): Promise<SafeResponse> {
  const allow = opts.allowAddress ?? defaultAddressPolicy();
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
  const maxRedirects = opts.maxRedirects ?? 5;
  let current = new URL(url);
  const first = current;
  try {
    for (let hop = 0; ; hop++) {
      const res = await requestOnce(current, opts.headers ?? {}, allow, signal);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return decoded(res);
      res.resume();
      if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
      current = new URL(location, current);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    logger.warn({ url: forLog(first), at: forLog(current), reason }, "fetch of a feed URL failed");
    throw new AppError("upstream_error", UNREACHABLE_MESSAGE);
  }
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  allow: (address: string) => boolean,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(new AppError("bad_request", `Only http and https URLs are supported, not ${url.protocol}`));
  }
  // WHATWG URL parsing already turned 0x7f.1, 2130706433 and the like into dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // IP literals never reach `lookup`: check them here.
  if (isIP(host) && !allow(host)) return Promise.reject(new RefusedAddress(host, host));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: { "accept-encoding": "gzip, deflate, br", ...headers },
        lookup: guardedLookup(allow),
        // A socket of its own: no pooled connection made under another check is reused.
        agent: false,
        signal,
      },
      resolve,
    );
    req.on("error", reject);
    req.end();
  });
}

function decoded(res: IncomingMessage): SafeResponse {
  const encoding = String(res.headers["content-encoding"] ?? "identity")
    .trim()
    .toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  const length = Number(res.headers["content-length"]);
  if (!decoder) {
    return {
      status: res.statusCode ?? 0,
      headers: res.headers,
      body: res,
      contentLength: Number.isFinite(length) && length > 0 ? length : undefined,
    };
  }
  res.on("error", (err) => decoder.destroy(err));
  res.pipe(decoder);
  return { status: res.statusCode ?? 0, headers: res.headers, body: decoder };
}
