/** Shared Tailwind classes of the reading-list pages, so their controls look alike. */
export const ui = {
  input:
    "rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-base sm:text-sm shadow-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/40 focus:outline-none dark:border-gray-700 dark:bg-gray-900",
  primary:
    "rounded-lg bg-gray-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-gray-700 disabled:opacity-60 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200",
  secondary:
    "rounded-lg border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50 disabled:opacity-60 dark:border-gray-700 dark:hover:bg-gray-900",
  danger:
    "rounded-lg border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950",
  small:
    "rounded-md border border-gray-200 px-2 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-50 dark:border-gray-700 dark:hover:bg-gray-800",
  focus: "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500",
  alert: "text-sm text-red-700 dark:text-red-300",
  section: "mt-8 border-t border-gray-200 pt-6 dark:border-gray-800",
} as const;
