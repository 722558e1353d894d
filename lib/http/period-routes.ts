/**
 * The daily, weekly and monthly lists have public addresses with query strings
 * (`/papers?date=2026-08-14&sort=upvotes`, `/papers/week/2026-W33?page=2`). Next caches a page
 * (ISR) only when everything it depends on is in its path, so these addresses are rewritten to
 * an internal one, `/period/<kind>/<key>/<sort>/<page>/<cal>` (app/period/), whose rendered HTML
 * is cached and shared by every visitor. The home page too: a page file without a dynamic segment
 * (app/page.tsx) would be prerendered by `next build`, which has no database, so `/` is rewritten
 * like the rest and rendered on its first request. Only known values reach the path (anything else takes the default),
 * so junk parameters cannot multiply the cache.
 *
 * These are next.config rewrites, not rewrites in proxy.ts: Next serves a config rewrite inside
 * the process, while a proxy rewrite carries an absolute URL that the standalone server, bound
 * to 0.0.0.0 or 127.0.0.1, takes for another origin and proxies over HTTP to itself: twice the
 * work, and a 500 behind a TLS-terminating load balancer (https://localhost:PORT).
 *
 * Imported by next.config.ts, so plain TypeScript without path aliases.
 */

export interface QueryCondition {
  type: "query";
  key: string;
  value?: string;
}

export interface PeriodRewrite {
  source: string;
  has?: QueryCondition[];
  destination: string;
}

/** The optional list parameters, each with the values that reach the cached path. */
const options = [
  { key: "sort", value: "(?<sort>upvotes|newest)", fallback: "trending" },
  // Pages 1 to 1000 (the lists' last page); anything else is page 1.
  { key: "page", value: "(?<page>[1-9][0-9]{0,2}|1000)", fallback: "1" },
  // The calendar's month, when it is not the month shown.
  { key: "cal", value: "(?<cal>[0-9]{4}-(?:0[1-9]|1[0-2]))", fallback: "-" },
] as const;

/**
 * Every combination of the optional parameters, those with more of them first: Next takes the
 * first rule that matches, and a rule's conditions all have to hold.
 */
function combinations(): { has: QueryCondition[]; tail: string }[] {
  const out: { has: QueryCondition[]; tail: string }[] = [];
  for (let mask = 0; mask < 1 << options.length; mask++) {
    const used = options.map((_, i) => (mask & (1 << i)) !== 0);
    out.push({
      has: options.filter((_, i) => used[i]).map((o) => ({ type: "query", key: o.key, value: o.value })),
      tail: options.map((o, i) => (used[i] ? `:${o.key}` : o.fallback)).join("/"),
    });
  }
  return out.sort((a, b) => b.has.length - a.has.length);
}

/** `source` (with `has`) to `/period/<kind>/<key>/…` for every combination of the optional parameters. */
function expand(source: string, has: QueryCondition[], destination: string): PeriodRewrite[] {
  return combinations().map((c) => ({ source, has: [...has, ...c.has], destination: `${destination}/${c.tail}` }));
}

/** The rewrites, in the order Next must try them. */
export function periodRewrites(): PeriodRewrite[] {
  const rules: PeriodRewrite[] = [];
  for (const source of ["/", "/papers"]) {
    // A day that looks like a date goes to its page, which says so if it is not a real one.
    rules.push(...expand(source, [{ type: "query", key: "date", value: "(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})" }], "/period/day/:date"));
    // Any other `date` is no day at all (the page answers "There is no such day").
    rules.push({ source, has: [{ type: "query", key: "date" }], destination: "/period/day/-/trending/1/-" });
    rules.push(...expand(source, [], "/period/latest"));
  }
  for (const kind of ["week", "month"] as const) {
    const key = kind === "week" ? "[0-9]{4}-W[0-9]{2}" : "[0-9]{4}-[0-9]{2}";
    rules.push(...expand(`/papers/${kind}/:key(${key})`, [], `/period/${kind}/:key`));
    rules.push({ source: `/papers/${kind}/:key`, destination: `/period/${kind}/-/trending/1/-` });
  }
  return rules;
}
