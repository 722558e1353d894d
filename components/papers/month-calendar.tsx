import Link from "next/link";
import { addMonths, formatDayHeading, formatMonthHeading, monthRange } from "@/lib/papers/dates";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";

export interface MonthCalendarProps {
  /** `YYYY-MM`. */
  month: string;
  /** Days of that month that have papers, `YYYY-MM-DD`. */
  daysWithPapers: string[];
  /** The day being shown, marked as current. */
  selected?: string;
  hrefForDay: (day: string) => string;
  /** Where the arrows lead to show another month (the page itself, with another calendar month). */
  hrefForMonth: (month: string) => string;
}

const WEEKDAYS = [
  ["Mo", "Monday"],
  ["Tu", "Tuesday"],
  ["We", "Wednesday"],
  ["Th", "Thursday"],
  ["Fr", "Friday"],
  ["Sa", "Saturday"],
  ["Su", "Sunday"],
];

/** A month grid, Monday first, where the days with papers are links. Server-rendered: no script. */
export function MonthCalendar({ month, daysWithPapers, selected, hrefForDay, hrefForMonth }: MonthCalendarProps) {
  const { start, end } = monthRange(month);
  const lead = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7;
  const length = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  const withPapers = new Set(daysWithPapers);
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= length; d++) cells.push(`${month}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const prev = addMonths(month, -1);
  const next = addMonths(month, 1);
  const heading = formatMonthHeading(month);

  return (
    <div className="w-full rounded-xl border border-gray-200 p-3 sm:max-w-xs lg:max-w-none dark:border-gray-800">
      <div className="mb-2 flex items-center justify-between">
        <Link
          href={hrefForMonth(prev)}
          className="rounded-md p-1 hover:bg-gray-100 dark:hover:bg-gray-800"
          aria-label={`Calendar for ${formatMonthHeading(prev)}`}
        >
          <ChevronLeftIcon />
        </Link>
        <p className="text-sm font-semibold" aria-hidden="true">
          {heading}
        </p>
        <Link
          href={hrefForMonth(next)}
          className="rounded-md p-1 hover:bg-gray-100 dark:hover:bg-gray-800"
          aria-label={`Calendar for ${formatMonthHeading(next)}`}
        >
          <ChevronRightIcon />
        </Link>
      </div>
      <table className="w-full table-fixed text-center text-sm">
        <caption className="sr-only">{heading}: days with papers are links</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" className="pb-1 text-xs font-medium text-gray-500 dark:text-gray-400">
                <abbr title={long} className="no-underline">
                  {short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => (
                <td key={i} className="p-0.5">
                  {day && <CalendarDay day={day} hasPapers={withPapers.has(day)} selected={day === selected} href={hrefForDay(day)} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CalendarDay({ day, hasPapers, selected, href }: { day: string; hasPapers: boolean; selected: boolean; href: string }) {
  const n = Number(day.slice(8));
  if (!hasPapers) {
    return <span className="block rounded-md py-1 text-gray-500 dark:text-gray-400">{n}</span>;
  }
  return (
    <Link
      href={href}
      aria-label={formatDayHeading(day)}
      aria-current={selected ? "date" : undefined}
      className={`block rounded-md py-1 font-semibold ${selected ? "bg-gray-900 text-white dark:bg-white dark:text-gray-900" : "bg-amber-50 text-amber-900 hover:bg-amber-100 dark:bg-amber-950 dark:text-amber-200 dark:hover:bg-amber-900"}`}
    >
      {n}
    </Link>
  );
}
