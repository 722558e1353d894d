import type { Metadata } from "next";
import { PeriodPage, periodMetadata, type PeriodParams } from "@/components/papers/period-page";

// Cached and shared by every visitor, re-rendered in the background at most once a minute.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): PeriodParams[] {
  return [];
}

interface Props {
  params: Promise<PeriodParams>;
}

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return periodMetadata("day", params);
}

export default function DayListPage({ params }: Props) {
  return <PeriodPage kind="day" params={params} />;
}
