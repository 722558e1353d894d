import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { formatWeekHeading, parseIsoWeek, parseMonth } from "@/lib/papers/dates";
import { pageMetadata } from "@/app/_lib/metadata";
import { first, hrefWith, parsePage, parseSort, type SearchParams } from "@/app/_lib/params";
import { FeaturedPapers, periodHref } from "@/components/papers/featured-papers";

interface WeeklyPageProps {
  params: Promise<{ week: string }>;
  searchParams: Promise<SearchParams>;
}

/** `2026-W26` as given, or null; lower-case `w` is accepted and redirected. */
function canonicalWeek(raw: string): string | null {
  const w = parseIsoWeek(raw);
  return w ? `${w.year}-W${String(w.week).padStart(2, "0")}` : null;
}

export async function generateMetadata({ params }: WeeklyPageProps): Promise<Metadata> {
  const week = canonicalWeek((await params).week);
  if (!week) return { title: "No such week" };
  const label = formatWeekHeading(week);
  return pageMetadata({ title: `Weekly Papers: ${label}`, description: `The research papers featured in ${label}, ranked by the community.`, path: periodHref({ kind: "week", week }) });
}

/** `/papers/week/2026-W26?sort=&page=&cal=`. */
export default async function WeeklyPage({ params, searchParams }: WeeklyPageProps) {
  const [{ week: raw }, sp] = await Promise.all([params, searchParams]);
  const week = canonicalWeek(raw) ?? notFound();
  if (week !== raw) redirect(hrefWith(`/papers/week/${week}`, { sort: first(sp.sort), page: first(sp.page) }));
  const cal = first(sp.cal);
  return <FeaturedPapers period={{ kind: "week", week }} sort={parseSort(sp.sort)} page={parsePage(sp.page)} calendarMonth={cal && parseMonth(cal) ? cal : null} />;
}
