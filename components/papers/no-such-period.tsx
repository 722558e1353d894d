import { getLatestFeaturedDay } from "@/lib/data/papers";
import { formatDayHeading } from "@/lib/papers/dates";
import { buttonClass } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

export interface NoSuchPeriodProps {
  /** "day", "week" or "month". */
  unit: string;
  /** How a valid one is written, e.g. "YYYY-MM-DD". */
  format: string;
}

/** The not-found UI of the list pages: an impossible date, week or month in the URL. */
export async function NoSuchPeriod({ unit, format }: NoSuchPeriodProps) {
  const latest = await getLatestFeaturedDay().catch(() => null);
  return (
    <NotFoundState
      title={`There is no such ${unit}`}
      actions={
        // A full load: a client navigation to the same path would keep this not-found state.
        <a href={latest ? `/papers?date=${latest}` : "/"} className={`inline-block ${buttonClass()}`}>
          {latest ? `Go to the latest day (${formatDayHeading(latest)})` : "Go to the home page"}
        </a>
      }
    >
      The {unit} in this address is not a real calendar {unit}. Write it as{" "}
      <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">{format}</code>, or pick one from the calendar.
    </NotFoundState>
  );
}
