import { SubscribeForm } from "@/components/email/subscribe-form";

/** The call to subscribe above the daily list: an address is enough (daily, top 10; changeable when confirming). */
export function SubscribeBanner() {
  return (
    <section
      aria-label="Email digest"
      className="mb-6 flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:bg-amber-950/40"
    >
      <p className="font-medium text-amber-950 dark:text-amber-100">Get trending papers in your email inbox!</p>
      <SubscribeForm variant="banner" />
    </section>
  );
}
