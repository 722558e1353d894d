import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { REQUEST_ID_HEADER, requestIdOf, saneRequestId } from "@/lib/ops/request-id";
import { requestLogger } from "@/lib/ops/request-logger";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("saneRequestId", () => {
  it.each(["abc", "9f1c2d3e-0000-4000-8000-000000000000", "Root=1-67891233-abcdef012345678912345678", "req_01HZX.7:a/b+c="])(
    "keeps %s",
    (id) => expect(saneRequestId(id)).toBe(id),
  );

  it.each([null, "", "   ", "has space", "new\nline", "<script>", "a".repeat(129), "-leading-dash", "ünïcode"])("refuses %j", (id) =>
    expect(saneRequestId(id)).toBeNull(),
  );

  it("generates a UUID when the header is missing or not sane", () => {
    expect(requestIdOf(new Headers())).toMatch(UUID);
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "bad id; x-evil=1" }))).toMatch(UUID);
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "lb-1234" }))).toBe("lb-1234");
  });
});

describe("proxy", () => {
  // Next hands headers set with NextResponse.next({ request }) to the route as x-middleware-request-*.
  const forwarded = (res: Response) => res.headers.get(`x-middleware-request-${REQUEST_ID_HEADER}`);

  it("keeps a sane incoming id, on the response and on the request the route sees", () => {
    const res = proxy(new NextRequest("http://localhost/api/health", { headers: { [REQUEST_ID_HEADER]: "from-the-lb-42" } }));
    expect(res.headers.get(REQUEST_ID_HEADER)).toBe("from-the-lb-42");
    expect(forwarded(res)).toBe("from-the-lb-42");
  });

  it("replaces a missing or unsafe id with a new one, the same on both sides", () => {
    for (const headers of [{}, { [REQUEST_ID_HEADER]: "x".repeat(500) }] as Record<string, string>[]) {
      const res = proxy(new NextRequest("http://localhost/papers", { headers }));
      const id = res.headers.get(REQUEST_ID_HEADER);
      expect(id).toMatch(UUID);
      expect(forwarded(res)).toBe(id);
    }
    const a = proxy(new NextRequest("http://localhost/")).headers.get(REQUEST_ID_HEADER);
    const b = proxy(new NextRequest("http://localhost/")).headers.get(REQUEST_ID_HEADER);
    expect(a).not.toBe(b);
  });

  it("rewrites and redirects nothing: next.config does (see lib/http/period-routes.ts)", () => {
    for (const path of ["/", "/papers?date=2026-08-14", "/papers/week/2026-W33", "/papers/week/2026-w33"]) {
      const next = proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(next.status).toBe(200);
      expect(next.headers.get("x-middleware-rewrite")).toBeNull();
      expect(next.headers.get("x-middleware-next")).toBe("1");
    }
  });
});

describe("requestLogger", () => {
  it("binds the request id, method and path, never the query string", () => {
    const request = new Request("http://localhost/api/ingest?token=abc", { method: "POST", headers: { [REQUEST_ID_HEADER]: "req-77" } });
    const bindings = requestLogger(request).bindings();
    expect(bindings).toMatchObject({ requestId: "req-77", method: "POST", path: "/api/ingest" });
    expect(JSON.stringify(bindings)).not.toContain("token=abc");
  });
});
