import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatMonthHeading, parseMonth } from "@/lib/papers/dates";
import { pageMetadata } from "@/app/_lib/metadata";
import { first, parsePage, parseSort, type SearchParams } from "@/app/_lib/params";
import { FeaturedPapers, periodHref } from "@/components/papers/featured-papers";

interface MonthlyPageProps {
  params: Promise<{ month: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: MonthlyPageProps): Promise<Metadata> {
  const { month } = await params;
  if (!parseMonth(month)) return { title: "No such month" };
  const label = formatMonthHeading(month);
  return pageMetadata({ title: `Monthly Papers: ${label}`, description: `The research papers featured in ${label}, ranked by the community.`, path: periodHref({ kind: "month", month }) });
}

/** `/papers/month/2026-06?sort=&page=&cal=`. */
export default async function MonthlyPage({ params, searchParams }: MonthlyPageProps) {
  const [{ month }, sp] = await Promise.all([params, searchParams]);
  if (!parseMonth(month)) notFound();
  const cal = first(sp.cal);
  return <FeaturedPapers period={{ kind: "month", month }} sort={parseSort(sp.sort)} page={parsePage(sp.page)} calendarMonth={cal && parseMonth(cal) ? cal : null} />;
}
