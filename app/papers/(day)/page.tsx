import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLatestFeaturedDay } from "@/lib/data/papers";
import { formatDayHeading, parseDay, parseMonth } from "@/lib/papers/dates";
import { pageMetadata } from "@/app/_lib/metadata";
import { first, parsePage, parseSort, type SearchParams } from "@/app/_lib/params";
import { FeaturedPapers, periodHref } from "@/components/papers/featured-papers";

interface DailyPageProps {
  searchParams: Promise<SearchParams>;
}

/** `?date=` when given (an impossible date is a 404), else the latest day with papers. */
async function resolveDay(sp: SearchParams): Promise<string | null> {
  const raw = first(sp.date);
  if (raw) return parseDay(raw) ?? notFound();
  return getLatestFeaturedDay();
}

export async function generateMetadata({ searchParams }: DailyPageProps): Promise<Metadata> {
  const sp = await searchParams;
  const raw = first(sp.date);
  if (raw && !parseDay(raw)) return { title: "No such day" };
  const day = await resolveDay(sp);
  if (!day) return pageMetadata({ title: "Daily Papers", description: "Trending research papers, day by day.", path: "/" });
  const label = formatDayHeading(day);
  return pageMetadata({
    title: `Daily Papers: ${label}`,
    description: `The research papers featured on ${label}, ranked by the community's upvotes.`,
    path: periodHref({ kind: "day", day }),
  });
}

/** `/papers?date=YYYY-MM-DD&sort=&page=&cal=`, and the home page. */
export default async function DailyPage({ searchParams }: DailyPageProps) {
  const sp = await searchParams;
  const day = await resolveDay(sp);
  const cal = first(sp.cal);
  return (
    <FeaturedPapers
      period={day ? { kind: "day", day } : null}
      sort={parseSort(sp.sort)}
      page={parsePage(sp.page)}
      calendarMonth={cal && parseMonth(cal) ? cal : null}
    />
  );
}
