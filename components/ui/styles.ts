import { buttonClass } from "@/components/ui/button";

/** A text input, select or textarea (16px on phones, so iOS does not zoom into it). */
export const inputClass =
  "rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-base sm:text-sm shadow-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/40 focus:outline-none dark:border-gray-700 dark:bg-gray-900";

/** Class names shared by the forms and tables of the admin and reading-list pages, so they look alike. */
export const ui = {
  input: inputClass,
  /** An input under its label, as wide as its column. */
  field: `mt-1 w-full ${inputClass}`,
  label: "block text-sm font-medium",
  primary: buttonClass("primary", "sm"),
  secondary: buttonClass("secondary", "sm"),
  danger: buttonClass("danger", "sm"),
  /** A secondary action inside a table row or a pager. */
  compact: buttonClass("secondary", "xs"),
  small:
    "rounded-md border border-gray-200 px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-50 dark:border-gray-700 dark:hover:bg-gray-800",
  focus: "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500",
  link: "font-medium text-amber-700 underline-offset-2 hover:underline dark:text-amber-400",
  muted: "text-sm text-gray-600 dark:text-gray-400",
  alert: "text-sm text-red-700 dark:text-red-300",
  section: "mt-8 border-t border-gray-200 pt-6 dark:border-gray-800",
  card: "rounded-lg border border-gray-200 p-4 dark:border-gray-800",
} as const;
