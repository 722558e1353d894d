import type { Metadata } from "next";
import Link from "next/link";
import { confirmAction } from "@/lib/digest/subscribe-actions";
import { db } from "@/lib/db";
import { findConfirmation } from "@/lib/digest/subscriptions";
import { maskEmail } from "@/lib/email/text";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };
// Per-token state that changes when the button is pressed: never a cached render.
export const dynamic = "force-dynamic";

interface ConfirmPageProps {
  params: Promise<{ token: string }>;
}

const button = buttonClass();

/**
 * Where the confirmation email leads. Opening the link confirms nothing by itself (mail scanners
 * open links too): the person confirms with the button, and may change the choices first.
 */
export default async function ConfirmPage({ params }: ConfirmPageProps) {
  const { token } = await params;
  const pending = await findConfirmation(db(), token);

  if (!pending) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight">This link does not work</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          It has expired, was replaced by a newer one, or was already used. Subscribe again to get a fresh link.
        </p>
        <p className="mt-6">
          <Link href="/subscribe" className={button}>
            Subscribe
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Confirm your subscription</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        Trending papers for <strong>{maskEmail(pending.email)}</strong>. Choose how often and how many, then confirm.
      </p>
      <form action={confirmAction} className="mt-6 space-y-5 rounded-xl border border-gray-200 p-5 dark:border-gray-800">
        <input type="hidden" name="token" value={token} />
        <fieldset>
          <legend className="text-sm font-medium">How often</legend>
          <div className="mt-1 flex gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="frequency" value="daily" defaultChecked={pending.frequency === "daily"} /> Daily
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="frequency" value="weekly" defaultChecked={pending.frequency === "weekly"} /> Weekly, on Mondays
            </label>
          </div>
        </fieldset>
        <div>
          <label htmlFor="confirm-limit" className="block text-sm font-medium">
            How many papers
          </label>
          <select
            id="confirm-limit"
            name="limit"
            defaultValue={String([5, 10, 25].includes(pending.limit) ? pending.limit : 10)}
            className={`mt-1 ${inputClass}`}
          >
            <option value="5">Top 5</option>
            <option value="10">Top 10</option>
            <option value="25">Top 25</option>
          </select>
        </div>
        <button type="submit" className={button}>
          Confirm subscription
        </button>
      </form>
    </div>
  );
}
