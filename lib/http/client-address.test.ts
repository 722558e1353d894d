import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }), 0)).toBe("203.0.113.7");
  });

  it("takes the address the one trusted proxy saw, not what the client prepended", () => {
    const headers = h({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.9" });
    expect(clientAddress(headers, 1)).toBe("198.51.100.9");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
  });

  it("falls back to the leftmost entry when more hops are trusted than there are", () => {
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.9" }), 5)).toBe("198.51.100.9");
  });

  it("says unknown when the server did not stamp the peer (next dev)", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });
});
