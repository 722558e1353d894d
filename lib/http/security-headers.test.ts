import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the Content-Security-Policy", () => {
  it("allows no eval, no plugins, no framing and no other origin's scripts in production", () => {
    const csp = directives(contentSecurityPolicy(false));
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("never upgrades requests, since the same build serves plain http on localhost", () => {
    expect(contentSecurityPolicy(false)).not.toContain("upgrade-insecure-requests");
  });

  it("lets next dev eval and reload over its WebSocket", () => {
    const csp = directives(contentSecurityPolicy(true));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toContain("ws:");
  });

  it("comes with the other headers", () => {
    expect(Object.fromEntries(securityHeaders(false).map((h) => [h.key, h.value]))).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});
