import { getLatestFeaturedDay } from "@/lib/data/papers";
import { formatDayHeading } from "@/lib/papers/dates";

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
    <div className="rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700">
      <h1 className="text-2xl font-bold">There is no such {unit}</h1>
      <p className="mx-auto mt-2 max-w-prose text-gray-600 dark:text-gray-400">
        The {unit} in this address is not a real calendar {unit}. Write it as{" "}
        <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">{format}</code>, or pick one from the calendar.
      </p>
      <p className="mt-4">
        {/* A full load: a client navigation to the same path would keep this not-found state. */}
        <a
          href={latest ? `/papers?date=${latest}` : "/"}
          className="inline-block rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200"
        >
          {latest ? `Go to the latest day (${formatDayHeading(latest)})` : "Go to the home page"}
        </a>
      </p>
    </div>
  );
}
