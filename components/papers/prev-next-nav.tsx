import Link from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";

export interface PrevNextTarget {
  href: string;
  /** What the link leads to, e.g. "Mar 4, 2026". */
  label: string;
}

export interface PrevNextNavProps {
  /** Landmark name, e.g. "Days". */
  label: string;
  /** "day", "week" or "month", for the links' accessible names. */
  unit: string;
  previous: PrevNextTarget | null;
  next: PrevNextTarget | null;
}

const linkClass =
  "inline-flex items-center gap-1 rounded-lg border border-gray-200 px-2.5 py-1.5 text-sm font-medium hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900";
const disabledClass =
  "inline-flex cursor-not-allowed items-center gap-1 rounded-lg border border-gray-100 px-2.5 py-1.5 text-sm text-gray-400 dark:border-gray-800 dark:text-gray-600";

/** Previous / next links; a side with nowhere to go is shown disabled. */
export function PrevNextNav({ label, unit, previous, next }: PrevNextNavProps) {
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      {previous ? (
        <Link href={previous.href} rel="prev" className={linkClass} aria-label={`Previous ${unit}: ${previous.label}`}>
          <ChevronLeftIcon />
          <span className="hidden sm:inline">{previous.label}</span>
          <span className="sm:hidden">Previous</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          <ChevronLeftIcon />
          <span>No earlier {unit}</span>
        </span>
      )}
      {next ? (
        <Link href={next.href} rel="next" className={linkClass} aria-label={`Next ${unit}: ${next.label}`}>
          <span className="hidden sm:inline">{next.label}</span>
          <span className="sm:hidden">Next</span>
          <ChevronRightIcon />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          <span>No later {unit}</span>
          <ChevronRightIcon />
        </span>
      )}
    </nav>
  );
}
