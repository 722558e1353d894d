import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLatestFeaturedDay } from "@/lib/data/papers";
import { formatDayHeading, formatMonthHeading, formatWeekHeading, parseDay, parseIsoWeek, parseMonth } from "@/lib/papers/dates";
import { pageMetadata } from "@/lib/page-metadata";
import { parsePage, parseSort } from "@/lib/papers/list-params";
import { FeaturedPapers, periodHref, type Period } from "./featured-papers";
import { safeDecode } from "@/lib/http/safe-decode";

/**
 * The home, daily, weekly and monthly lists, rendered from their internal cacheable paths
 * `/period/<kind>/<key>/<sort>/<page>/<cal>` (app/period/; next.config rewrites the public
 * addresses there, see lib/http/period-routes.ts). Each page file sets `revalidate`, so a rendered list is served
 * from the cache and re-rendered in the background at most once a minute. The viewer's own
 * state and live upvote counts are filled in after load (/api/me/state).
 */
export interface PeriodParams {
  key?: string;
  sort: string;
  page: string;
  cal: string;
}

export type PeriodKind = "latest" | Period["kind"];

/** The period an internal path names; an impossible date, week or month is a 404. */
async function resolvePeriod(kind: PeriodKind, rawKey: string | undefined): Promise<Period | null> {
  const key = rawKey ? safeDecode(rawKey) : "";
  if (kind === "latest") {
    const day = await getLatestFeaturedDay();
    return day ? { kind: "day", day } : null;
  }
  if (kind === "day") return { kind, day: parseDay(key) ?? notFound() };
  if (kind === "week") {
    const w = parseIsoWeek(key);
    const week = w ? `${w.year}-W${String(w.week).padStart(2, "0")}` : null;
    // `2026-w26` is understood too (route matching ignores case): its page names `2026-W26` as
    // the canonical address. Not a redirect: Next answered one with its Location header twice.
    return week === key.toUpperCase() ? { kind, week } : notFound();
  }
  return parseMonth(key) ? { kind, month: key } : notFound();
}

export async function periodMetadata(kind: PeriodKind, params: Promise<PeriodParams>): Promise<Metadata> {
  const p = await params;
  const period = await resolvePeriod(kind, p.key).catch(() => undefined);
  if (period === undefined) return { title: `No such ${kind}`, robots: { index: false } };
  if (!period) return pageMetadata({ title: "Daily Papers", description: "Trending research papers, day by day.", path: "/" });
  const path = periodHref(period);
  if (period.kind === "day") {
    const label = formatDayHeading(period.day);
    return pageMetadata({
      title: `Daily Papers: ${label}`,
      description: `The research papers featured on ${label}, ranked by the community's upvotes.`,
      path,
    });
  }
  const label = period.kind === "week" ? formatWeekHeading(period.week) : formatMonthHeading(period.month);
  const title = period.kind === "week" ? "Weekly Papers" : "Monthly Papers";
  return pageMetadata({
    title: `${title}: ${label}`,
    description: `The research papers featured in ${label}, ranked by the community.`,
    path,
  });
}

export async function PeriodPage({ kind, params }: { kind: PeriodKind; params: Promise<PeriodParams> }) {
  const p = await params;
  const period = await resolvePeriod(kind, p.key);
  return (
    <FeaturedPapers
      period={period}
      sort={parseSort(p.sort)}
      page={parsePage(p.page)}
      calendarMonth={p.cal !== "-" && parseMonth(p.cal) ? p.cal : null}
    />
  );
}

interface RouteProps {
  params: Promise<PeriodParams>;
}

/** The page component of app/period/<kind>/…/page.tsx: one list kind, its options from the path. */
export function periodRoutePage(kind: PeriodKind) {
  return function PeriodRoutePage({ params }: RouteProps) {
    return <PeriodPage kind={kind} params={params} />;
  };
}

/** generateMetadata for app/period/<kind>/…/page.tsx. */
export function periodRouteMetadata(kind: PeriodKind) {
  return ({ params }: RouteProps): Promise<Metadata> => periodMetadata(kind, params);
}

/** No list is built ahead of time; each is rendered on its first request and then cached (ISR). */
export function generateStaticParams(): PeriodParams[] {
  return [];
}
