import Link from "next/link";
import type { Sort } from "@/lib/data/papers";
import { getAdjacentDays, getLatestFeaturedDay, listDaysWithPapers, listFeaturedPapers } from "@/lib/data/papers";
import {
  addDays,
  dayRange,
  formatDayHeading,
  formatMonthHeading,
  formatWeekHeading,
  isoWeekOf,
  monthOf,
  monthRange,
  weekRange,
} from "@/lib/papers/dates";
import { hrefWith, PAGE_SIZE, SORTS } from "@/lib/papers/list-params";
import { CalendarIcon } from "@/components/ui/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { MonthCalendar } from "@/components/papers/month-calendar";
import { NoPapersYet } from "@/components/papers/no-papers-yet";
import { Pagination } from "@/components/papers/pagination";
import { PaperList } from "@/components/papers/paper-list";
import { PrevNextNav, type PrevNextTarget } from "@/components/papers/prev-next-nav";
import { SubscribeBanner } from "@/components/papers/subscribe-banner";
import { TabLinks } from "@/components/papers/tab-links";

/** The listing shown: one UTC day, one ISO week (`2026-W26`) or one month (`2026-06`). */
export type Period = { kind: "day"; day: string } | { kind: "week"; week: string } | { kind: "month"; month: string };

export interface FeaturedPapersProps {
  /** Null when no paper was ever featured. */
  period: Period | null;
  sort: Sort;
  page: number;
  /** Month the calendar shows (`?cal=`), else the period's own month. */
  calendarMonth?: string | null;
}

const TITLES = { day: "Daily Papers", week: "Weekly Papers", month: "Monthly Papers" };

/** Where a period's page lives, with its sort, page and calendar month. */
export function periodHref(period: Period, params: { sort?: Sort; page?: number; cal?: string | null } = {}): string {
  if (period.kind === "day") return hrefWith("/papers", { date: period.day, ...params });
  if (period.kind === "week") return hrefWith(`/papers/week/${period.week}`, params);
  return hrefWith(`/papers/month/${period.month}`, params);
}

export function periodLabel(period: Period): string {
  if (period.kind === "day") return formatDayHeading(period.day);
  if (period.kind === "week") return formatWeekHeading(period.week);
  return formatMonthHeading(period.month);
}

function rangeOf(period: Period) {
  return period.kind === "day" ? dayRange(period.day) : period.kind === "week" ? weekRange(period.week) : monthRange(period.month);
}

function periodOfDay(kind: Period["kind"], day: string): Period {
  return kind === "day" ? { kind, day } : kind === "week" ? { kind, week: isoWeekOf(day) } : { kind, month: monthOf(day) };
}

/**
 * The daily, weekly or monthly list: heading, previous / next (skipping empty periods),
 * Daily / Weekly / Monthly switch, sort tabs, one page of cards and a calendar.
 */
export async function FeaturedPapers({ period, sort, page, calendarMonth }: FeaturedPapersProps) {
  if (!period) {
    return (
      <>
        <PageTitle kind="day" />
        <NoPapersYet />
      </>
    );
  }
  const range = rangeOf(period);
  const lastDay = addDays(range.end, -1);
  const calMonth = calendarMonth ?? monthOf(period.kind === "day" ? period.day : range.start);
  const [before, after, { papers, hasMore }, calendarDays, periodDays, latest] = await Promise.all([
    getAdjacentDays(range.start),
    getAdjacentDays(lastDay),
    listFeaturedPapers({ range: { start: range.start, end: range.end }, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    listDaysWithPapers(monthRange(calMonth)),
    period.kind === "day" ? Promise.resolve([period.day]) : listDaysWithPapers(range),
    getLatestFeaturedDay(),
  ]);

  const label = periodLabel(period);
  const target = (day: string | null): PrevNextTarget | null => {
    if (!day) return null;
    const p = periodOfDay(period.kind, day);
    return { href: periodHref(p, { sort }), label: shortLabel(p) };
  };
  // The day to show when switching to the daily view: the latest one with papers in this period.
  const anchorDay = periodDays.at(-1) ?? range.start;

  return (
    <>
      {period.kind === "day" && <SubscribeBanner />}
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <PageTitle kind={period.kind} />
        <TabLinks
          label="Period"
          items={(["day", "week", "month"] as const).map((kind) => ({
            href: periodHref(periodOfDay(kind, anchorDay), { sort }),
            label: kind === "day" ? "Daily" : kind === "week" ? "Weekly" : "Monthly",
            current: kind === period.kind,
          }))}
        />
      </div>

      <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-4 dark:border-gray-800">
        <h2 id="period-heading" className="text-xl font-semibold">
          <time dateTime={period.kind === "day" ? period.day : period.kind === "week" ? period.week : period.month}>{label}</time>
        </h2>
        <PrevNextNav
          label={period.kind === "day" ? "Days" : period.kind === "week" ? "Weeks" : "Months"}
          unit={period.kind}
          previous={target(before.previous)}
          next={target(after.next)}
        />
      </div>

      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <TabLinks
          label="Sort papers"
          items={SORTS.map((s) => ({
            href: periodHref(period, { sort: s.value, cal: calendarMonth }),
            label: s.label,
            current: s.value === sort,
          }))}
        />
        <a
          href="#calendar"
          className="inline-flex items-center gap-1.5 text-sm font-medium text-gray-600 hover:underline lg:hidden dark:text-gray-300"
        >
          <CalendarIcon /> Calendar
        </a>
      </div>

      <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="period-heading">
          {papers.length > 0 ? (
            <>
              <PaperList papers={papers} label={`Papers of ${label}`} />
              <Pagination page={page} hasMore={hasMore} hrefForPage={(p) => periodHref(period, { sort, page: p, cal: calendarMonth })} />
            </>
          ) : page > 1 ? (
            <EmptyState title="No more papers">
              This list has fewer pages.{" "}
              <Link href={periodHref(period, { sort })} className="font-medium underline">
                Back to the first page
              </Link>
              .
            </EmptyState>
          ) : (
            <EmptyState title={`No papers for ${label}`}>
              Nothing was featured {period.kind === "day" ? "on this day" : `in this ${period.kind}`}. Use the previous / next links or the
              calendar
              {latest && (
                <>
                  , or go to{" "}
                  <Link href={periodHref({ kind: "day", day: latest })} className="font-medium underline">
                    the latest day with papers ({formatDayHeading(latest)})
                  </Link>
                </>
              )}
              .
            </EmptyState>
          )}
        </section>
        <aside id="calendar" aria-label="Calendar" className="scroll-mt-4 lg:pt-0">
          <MonthCalendar
            month={calMonth}
            daysWithPapers={calendarDays}
            selected={period.kind === "day" ? period.day : undefined}
            hrefForDay={(day) => periodHref({ kind: "day", day }, { sort })}
            hrefForMonth={(month) => `${periodHref(period, { sort, cal: month })}#calendar`}
          />
        </aside>
      </div>
    </>
  );
}

/** "Aug 14, 2026", "Week 33, 2026", "August 2026". */
function shortLabel(p: Period): string {
  if (p.kind === "day") return formatDayHeading(p.day);
  if (p.kind === "week") return `Week ${Number(p.week.slice(6))}, ${p.week.slice(0, 4)}`;
  return formatMonthHeading(p.month);
}

function PageTitle({ kind }: { kind: Period["kind"] }) {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">{TITLES[kind]}</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">by the research community</p>
    </div>
  );
}
