import { subscribeToDigest } from "@/app/subscribe/actions";

/** The call to subscribe above the daily list. Its action leads to /subscribe, which says what this server can do. */
export function SubscribeBanner() {
  return (
    <section aria-label="Email digest" className="mb-6 flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:bg-amber-950/40">
      <p className="font-medium text-amber-950 dark:text-amber-100">Get trending papers in your email inbox!</p>
      <form action={subscribeToDigest} className="flex gap-2">
        <label htmlFor="subscribe-email" className="sr-only">
          Email address
        </label>
        <input
          id="subscribe-email"
          type="email"
          name="email"
          required
          autoComplete="email"
          placeholder="you@example.org"
          className="min-w-0 flex-1 rounded-lg border border-amber-200 bg-white px-3 py-1.5 text-sm sm:w-60 dark:border-amber-900 dark:bg-gray-950"
        />
        <button type="submit" className="rounded-lg bg-gray-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200">
          Subscribe
        </button>
      </form>
    </section>
  );
}
