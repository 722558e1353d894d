import { describe, expect, it } from "vitest";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas, prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { periodRewrites } from "@/lib/http/period-routes";

type Query = Record<string, string | string[]>;

/** Where Next sends `url`, matching the rules with Next's own route matcher, in order. */
function resolve(url: string): { rewrite: string } | null {
  const u = new URL(url, "http://x");
  const query: Query = {};
  for (const [k, v] of u.searchParams) query[k] = k in query ? ([] as string[]).concat(query[k], v) : v;
  const match = (rule: { source: string; has?: { type: "query"; key: string; value?: string }[]; destination: string }) => {
    const params = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(u.pathname);
    if (!params) return null;
    const hasParams = rule.has ? matchHas({ headers: {} } as never, query, rule.has) : {};
    if (!hasParams) return null;
    return prepareDestination({ appendParamsToQuery: true, destination: rule.destination, params: { ...params, ...hasParams }, query })
      .parsedDestination;
  };
  for (const rule of periodRewrites()) {
    const dest = match(rule);
    if (dest) return { rewrite: dest.pathname! };
  }
  return null;
}

describe("period routes", () => {
  it("map the public list addresses to their cacheable internal path", () => {
    expect(resolve("/")).toEqual({ rewrite: "/period/latest/trending/1/-" });
    expect(resolve("/papers")).toEqual({ rewrite: "/period/latest/trending/1/-" });
    expect(resolve("/?sort=upvotes")).toEqual({ rewrite: "/period/latest/upvotes/1/-" });
    expect(resolve("/papers?date=2026-08-14")).toEqual({ rewrite: "/period/day/2026-08-14/trending/1/-" });
    expect(resolve("/papers?date=2026-08-14&sort=upvotes&page=3&cal=2026-07")).toEqual({
      rewrite: "/period/day/2026-08-14/upvotes/3/2026-07",
    });
    expect(resolve("/papers?cal=2026-07&date=2026-08-14&page=12")).toEqual({ rewrite: "/period/day/2026-08-14/trending/12/2026-07" });
    expect(resolve("/papers/week/2026-W33?sort=newest")).toEqual({ rewrite: "/period/week/2026-W33/newest/1/-" });
    // Next matches routes ignoring case: the page answers a lower-case week, naming the canonical address.
    expect(resolve("/papers/week/2026-w33?sort=upvotes")).toEqual({ rewrite: "/period/week/2026-w33/upvotes/1/-" });
    expect(resolve("/papers/month/2026-08?page=2")).toEqual({ rewrite: "/period/month/2026-08/trending/2/-" });
    expect(resolve("/papers/month/2026-08?page=1000")).toEqual({ rewrite: "/period/month/2026-08/trending/1000/-" });
  });

  it("normalise what they do not understand instead of caching every variant", () => {
    expect(resolve("/papers?date=2026-08-14&sort=bogus&page=-4&cal=2026-13&utm_source=x")).toEqual({
      rewrite: "/period/day/2026-08-14/trending/1/-",
    });
    expect(resolve("/papers?date=2026-08-14&page=0&cal=nope")).toEqual({ rewrite: "/period/day/2026-08-14/trending/1/-" });
    expect(resolve("/papers?date=2026-08-14&page=1001")).toEqual({ rewrite: "/period/day/2026-08-14/trending/1/-" });
    // A date-shaped impossible date goes to its page, which answers 404; anything else is "no such day".
    expect(resolve("/papers?date=2025-13-40")).toEqual({ rewrite: "/period/day/2025-13-40/trending/1/-" });
    expect(resolve("/papers?date=a/b%3Cscript%3E")).toEqual({ rewrite: "/period/day/-/trending/1/-" });
    expect(resolve("/papers?date=")).toEqual({ rewrite: "/period/latest/trending/1/-" });
    expect(resolve("/papers/week/last-week")).toEqual({ rewrite: "/period/week/-/trending/1/-" });
    expect(resolve("/papers/month/2026-8")).toEqual({ rewrite: "/period/month/-/trending/1/-" });
  });

  it("leave other addresses alone", () => {
    for (const path of [
      "/papers/2406.12345",
      "/papers/week",
      "/papers/month",
      "/search?q=x",
      "/api/daily_papers?date=2026-08-14",
      "/papers/week/2026-W33/extra",
    ]) {
      expect(resolve(path)).toBeNull();
    }
  });
});
