import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";

/** An admin form's button: the main action form-sized, the others compact enough for table rows. */
export function adminButtonClass(variant: ButtonVariant): string {
  return buttonClass(variant, variant === "primary" ? "sm" : "xs");
}

export function PageTitle({ children, description }: { children: ReactNode; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{children}</h1>
      {description && <p className={`mt-1 max-w-prose ${ui.muted}`}>{description}</p>}
    </div>
  );
}

/**
 * A table that scrolls sideways on a phone rather than squeezing its columns. The scrolling box
 * is a named, focusable region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function DataTable({ caption, children, testId }: { caption: string; children: ReactNode; testId?: string }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="-mx-4 overflow-x-auto px-4 focus-visible:outline-2 focus-visible:outline-amber-500 sm:mx-0 sm:px-0"
    >
      <table data-testid={testId} className="w-full min-w-[40rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export const th =
  "border-b border-gray-200 px-2 py-2 text-xs font-semibold tracking-wide text-gray-500 uppercase dark:border-gray-800 dark:text-gray-400";
export const td = "border-b border-gray-100 px-2 py-2 align-top dark:border-gray-900";
export const num = "text-right tabular-nums";

/** A table's header row: column labels, numeric ones aligned right like their cells. */
export function TableHead({ columns }: { columns: (string | { label: string; numeric: true })[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const label = typeof c === "string" ? c : c.label;
          return (
            <th key={label} scope="col" className={typeof c === "string" ? th : `${th} ${num}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

const badgeColors = {
  green: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  red: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  gray: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
  blue: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
} as const;

export function Badge({ color, children }: { color: keyof typeof badgeColors; children: ReactNode }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${badgeColors[color]}`}>{children}</span>
  );
}

const runStatusColor = { succeeded: "green", failed: "red", running: "blue", not_modified: "gray" } as const;
const runStatusLabel = { succeeded: "succeeded", failed: "failed", running: "running", not_modified: "not modified" } as const;

export function RunStatusBadge({ status }: { status: string }) {
  const s = status as keyof typeof runStatusColor;
  return <Badge color={runStatusColor[s] ?? "gray"}>{runStatusLabel[s] ?? status}</Badge>;
}

/** Previous / next page links for the admin tables. */
export function Pager({ page, hasMore, href }: { page: number; hasMore: boolean; href: (page: number) => string }) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={ui.compact}>
          <span aria-hidden="true">← </span>Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-500 dark:text-gray-400">Page {page}</span>
      {hasMore ? (
        <Link href={href(page + 1)} rel="next" className={ui.compact}>
          Older<span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className={`${td} py-6 text-center text-gray-500 dark:text-gray-400`}>
        {children}
      </td>
    </tr>
  );
}

export function Notice({ kind, children }: { kind: "ok" | "error"; children: ReactNode }) {
  return kind === "ok" ? (
    <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
      {children}
    </p>
  ) : (
    <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
      {children}
    </p>
  );
}
