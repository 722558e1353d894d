import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { discussionEmailsAction, unsubscribeAccountAction } from "@/app/settings/email/actions";
import { SettingsForm } from "@/app/settings/email/settings-form";
import { currentUser } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NO_FILTERS } from "@/lib/digest/filters";
import { getDigestOrder, getEmailSettings, type EmailSettings } from "@/lib/digest/subscriptions";

export const metadata: Metadata = { title: "Email digests", robots: { index: false } };

const statusLine: Record<EmailSettings["status"], string> = {
  active: "The digest is on.",
  pending: "Waiting for you to confirm: follow the link we emailed you.",
  unsubscribed: "The digest is off: you unsubscribed.",
  paused: "The digest is paused: mail to your address was refused.",
};

/** The signed-in person's digest: frequency, size, filters, on or off. */
export default async function EmailSettingsPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/settings/email");
  const [settings, account] = await Promise.all([
    getEmailSettings(db(), { userId: user.id }),
    db().user.findUnique({ where: { id: user.id }, select: { discussionEmails: true } }),
  ]);
  const discussionEmails = account?.discussionEmails ?? true;
  const status = settings?.status ?? null;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">Email digests</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-300">
        Trending papers sent to <strong>{settings?.email ?? user.email ?? "your address"}</strong>, daily (01:00 UTC, for the day before) or
        weekly (Mondays).{" "}
        <Link href="/digest/preview" className="font-medium underline">
          Preview your digest
        </Link>
        .
      </p>
      <p data-testid="digest-status" className="mt-4 rounded-lg border border-gray-200 px-3 py-2 text-sm dark:border-gray-800">
        {status ? statusLine[status] : "You are not subscribed yet."}
        {status === "paused" && settings?.pausedReason ? (
          <span className="mt-1 block text-xs text-gray-500">{settings.pausedReason}</span>
        ) : null}
      </p>
      <div className="mt-6 rounded-xl border border-gray-200 p-5 dark:border-gray-800">
        <SettingsForm
          frequency={settings?.frequency ?? "daily"}
          limit={settings?.limit ?? 10}
          order={await getDigestOrder(db(), user.id)}
          {...(settings?.filters ?? NO_FILTERS)}
          intent={status === "active" ? "save" : "subscribe"}
          submitLabel={
            status === "active"
              ? "Save settings"
              : status === "paused" || status === "unsubscribed"
                ? "Save and resume the digest"
                : "Save and subscribe"
          }
        />
      </div>
      {(status === "active" || status === "pending") && (
        <form action={unsubscribeAccountAction} className="mt-6">
          <button type="submit" className="text-sm font-medium text-red-700 underline hover:text-red-900 dark:text-red-300">
            Unsubscribe
          </button>
        </form>
      )}
      <section aria-labelledby="discussion-emails" className="mt-10 border-t border-gray-200 pt-6 dark:border-gray-800">
        <h2 id="discussion-emails" className="text-xl font-semibold">
          Discussion emails
        </h2>
        <p data-testid="discussion-emails-status" className="mt-2 text-gray-600 dark:text-gray-300">
          {discussionEmails
            ? "On: you get an email when someone replies to your comment or comments in a discussion you follow."
            : "Off: you get no emails about comments."}
        </p>
        <form action={discussionEmailsAction} className="mt-3">
          <input type="hidden" name="on" value={discussionEmails ? "false" : "true"} />
          <button type="submit" className="text-sm font-medium underline">
            {discussionEmails ? "Turn discussion emails off" : "Turn discussion emails on"}
          </button>
        </form>
      </section>
    </div>
  );
}
