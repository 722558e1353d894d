import { env } from "@/lib/env";

/**
 * The header `npm start` (scripts/start.mjs) sets on every request to the address of the TCP
 * peer, replacing whatever the client sent under that name. Next passes a client's own
 * X-Forwarded-For through untouched, so without this the peer's address is lost.
 */
export const PEER_ADDRESS_HEADER = "x-paperboy-peer-address";

/**
 * The address a request came from, for per-client limits. X-Forwarded-For is only believed as
 * far as the operator says proxies stand in front (TRUSTED_PROXY_HOPS): each trusted proxy
 * appends the address it saw, so the client is the entry that many places from the right of
 * "X-Forwarded-For, peer". With no proxy trusted, the TCP peer is the client and a forged
 * header changes nothing. "unknown" when the server was not started by `npm start` (next dev).
 */
export function clientAddress(headers: Headers, trustedHops = env().TRUSTED_PROXY_HOPS): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  chain.push(peer);
  // More hops trusted than the chain holds: the leftmost entry is the best we know.
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}
