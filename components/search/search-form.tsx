import { SearchIcon } from "@/components/ui/icons";

export interface SearchFormProps {
  q: string;
  from: string;
  to: string;
  org: string;
  /** Problems with the filters, shown next to them. */
  errors?: { from?: string; to?: string };
}

const inputClass =
  "w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm dark:border-gray-700 dark:bg-gray-900 aria-invalid:border-red-500";

/** The search page's GET form: query and filters (published date range, organization). */
export function SearchForm({ q, from, to, org, errors = {} }: SearchFormProps) {
  return (
    <form action="/search" method="get" className="space-y-3" role="search" aria-label="Search papers and filter">
      <div className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search query
        </label>
        <div className="relative flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400" />
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            autoComplete="off"
            placeholder="Titles, abstracts, authors"
            aria-describedby="search-help"
            className={`${inputClass} pl-9`}
          />
        </div>
        <button
          type="submit"
          className="rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200"
        >
          Search
        </button>
      </div>
      <p id="search-help" className="text-sm text-gray-600 dark:text-gray-400">
        Searches titles, abstracts and authors. Use{" "}
        <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">&quot;exact phrase&quot;</code>,{" "}
        <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">-exclude</code> to leave a word out, and{" "}
        <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">or</code> between words for either.
      </p>
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-[10rem_10rem_minmax(0,1fr)]">
        <legend className="sr-only">Filters</legend>
        <div>
          <label htmlFor="search-from" className="block text-xs font-medium text-gray-600 dark:text-gray-400">
            Published from
          </label>
          <input
            id="search-from"
            type="date"
            name="from"
            defaultValue={from}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? "search-from-error" : undefined}
            className={inputClass}
          />
          {errors.from && (
            <p id="search-from-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
              {errors.from}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="search-to" className="block text-xs font-medium text-gray-600 dark:text-gray-400">
            Published until
          </label>
          <input
            id="search-to"
            type="date"
            name="to"
            defaultValue={to}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? "search-to-error" : undefined}
            className={inputClass}
          />
          {errors.to && (
            <p id="search-to-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
              {errors.to}
            </p>
          )}
        </div>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="search-org" className="block text-xs font-medium text-gray-600 dark:text-gray-400">
            Organization <span className="font-normal">(handle, e.g. nvidia)</span>
          </label>
          <input id="search-org" type="text" name="org" defaultValue={org} maxLength={100} autoComplete="off" className={inputClass} />
        </div>
      </fieldset>
    </form>
  );
}
