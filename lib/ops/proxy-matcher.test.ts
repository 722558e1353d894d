import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { config, UNPROXIED_ROUTES } from "@/proxy";

/**
 * proxy.ts's matcher, compiled as `next build` compiles it. The upload routes must stay out
 * of it: for a matched request Next reads the whole body before the route and keeps only its
 * first 10 MB (see proxy.ts; proven end to end in e2e/ingest-bodies.spec.ts).
 */
// Next's own compiler of matchers (not in its published types).
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matcher: string[], nextConfig: object) => { regexp: string }[];
};
const matchers = getMiddlewareMatchers(config.matcher, {});
const proxied = (path: string) => matchers.some((m) => new RegExp(m.regexp).test(path));

describe("proxy matcher", () => {
  it("leaves the upload routes to stream their bodies", () => {
    expect(UNPROXIED_ROUTES).toEqual(["/api/ingest", "/api/admin/ingest"]);
    for (const path of UNPROXIED_ROUTES) expect(proxied(path), path).toBe(false);
  });

  it("still runs for pages and the other API routes", () => {
    for (const path of [
      "/",
      "/papers/2401.00001",
      "/api/daily_papers",
      "/api/ingestion",
      "/api/ingest-x",
      "/api/admin/ingests",
      "/admin/feeds",
      "/api/me/state",
    ]) {
      expect(proxied(path), path).toBe(true);
    }
  });

  it("skips static assets", () => {
    for (const path of ["/_next/static/chunks/a.js", "/favicon.ico"]) expect(proxied(path), path).toBe(false);
  });
});
