import { isIP } from "node:net";

/**
 * Which IP addresses a server-side fetch of a user- or admin-supplied URL may connect to.
 * Public unicast only: loopback, private (RFC 1918, ULA), link-local (cloud metadata at
 * 169.254.169.254), CGNAT, unspecified, multicast, documentation and reserved ranges are
 * refused, also when written in an IPv6 form that embeds an IPv4 address (mapped, NAT64,
 * 6to4), since the kernel or a gateway would route those to the IPv4 address.
 *
 * The check is on the resolved address the socket connects to, never on the host name, so
 * `localhost.`, `0x7f.1`, `2130706433` or a DNS name pointing inside are all caught.
 */

type Range = readonly [base: number[], bits: number];

// IANA IPv4 special-purpose registry, less the few ranges that are globally reachable.
const blockedV4: Range[] = [
  [[0, 0, 0, 0], 8], // "this network", includes 0.0.0.0
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // CGNAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local, cloud metadata
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // TEST-NET-1
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // TEST-NET-2
  [[203, 0, 113, 0], 24], // TEST-NET-3
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, includes 255.255.255.255
];

function inRange(bytes: number[], [base, bits]: Range): boolean {
  for (let i = 0; i < base.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (base[i] & mask)) return false;
  }
  return true;
}

function v4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

/** The 16 bytes of a valid IPv6 address (with or without a trailing dotted quad). */
export function v6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = v4Bytes(dotted[1]);
    text = text.slice(0, -dotted[1].length) + "0:0";
  }
  const [head, rest] = text.split("::");
  const groups = (s: string | undefined) => (s ? s.split(":").filter((g) => g !== "") : []);
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  const all = [...left, ...Array(Math.max(0, missing)).fill("0"), ...right].map((g) => parseInt(g, 16));
  const bytes = all.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function publicV4(bytes: number[]): boolean {
  return !blockedV4.some((r) => inRange(bytes, r));
}

function publicV6(bytes: number[]): boolean {
  const embedded = bytes.slice(12);
  const prefixIs = (base: number[], bits: number) => inRange(bytes, [base, bits]);
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach the embedded IPv4 address.
  if (prefixIs([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96)) return publicV4(embedded);
  if (prefixIs([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return publicV4(embedded);
  // 6to4 carries its IPv4 address in bytes 2–5.
  if (prefixIs([0x20, 0x02], 16)) return publicV4(bytes.slice(2, 6));
  // Global unicast is 2000::/3; everything else (::, ::1, ::/96 IPv4-compatible, fc00::/7
  // ULA, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast, 64:ff9b:1::/48
  // local NAT64, 100::/64 discard) is refused.
  if (!prefixIs([0x20], 3)) return false;
  // Inside 2000::/3: IETF protocol assignments incl. Teredo (2001::/23), documentation.
  if (prefixIs([0x20, 0x01, 0x00], 23)) return false;
  if (prefixIs([0x20, 0x01, 0x0d, 0xb8], 32)) return false;
  if (prefixIs([0x3f, 0xff, 0x00], 20)) return false;
  return true;
}

/** Whether a fetch may connect to this address (IPv4 or IPv6 text); anything unparsable is refused. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 4) return publicV4(v4Bytes(bare));
  if (family === 6) return publicV6(v6Bytes(bare));
  return false;
}
