import { describe, expect, it } from "vitest";
import { periodRewrite } from "@/lib/http/period-rewrite";

const r = (url: string) => {
  const u = new URL(url, "http://x");
  return periodRewrite(u.pathname, u.searchParams);
};

describe("periodRewrite", () => {
  it("maps the public list addresses to their cacheable internal path", () => {
    expect(r("/")).toEqual({ rewrite: "/pp/latest/trending/1/-" });
    expect(r("/papers")).toEqual({ rewrite: "/pp/latest/trending/1/-" });
    expect(r("/papers?date=2026-08-14")).toEqual({ rewrite: "/pp/day/2026-08-14/trending/1/-" });
    expect(r("/papers?date=2026-08-14&sort=upvotes&page=3&cal=2026-07")).toEqual({ rewrite: "/pp/day/2026-08-14/upvotes/3/2026-07" });
    expect(r("/papers/week/2026-W33?sort=newest")).toEqual({ rewrite: "/pp/week/2026-W33/newest/1/-" });
    expect(r("/papers/month/2026-08?page=2")).toEqual({ rewrite: "/pp/month/2026-08/trending/2/-" });
  });

  it("normalises what it does not understand instead of caching every variant", () => {
    expect(r("/papers?date=2026-08-14&sort=bogus&page=-4&cal=nope&utm_source=x")).toEqual({ rewrite: "/pp/day/2026-08-14/trending/1/-" });
    // An impossible date still goes to the page, which answers 404.
    expect(r("/papers?date=2025-13-40")).toEqual({ rewrite: "/pp/day/2025-13-40/trending/1/-" });
    expect(r("/papers?date=a/b")).toEqual({ rewrite: "/pp/day/a%2Fb/trending/1/-" });
  });

  it("redirects a lower-case week to its one address", () => {
    expect(r("/papers/week/2026-w33?sort=upvotes")).toEqual({ redirect: "/papers/week/2026-W33?sort=upvotes" });
  });

  it("leaves other addresses alone", () => {
    for (const path of ["/papers/2406.12345", "/papers/week", "/papers/month", "/search?q=x", "/api/daily_papers", "/papers/week/2026-W33/extra"]) {
      expect(r(path)).toBeNull();
    }
  });
});
