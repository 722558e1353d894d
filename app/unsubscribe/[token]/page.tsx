import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribeAction } from "@/app/unsubscribe/actions";
import { db } from "@/lib/db";
import { findByUnsubscribeToken } from "@/lib/digest/subscriptions";
import { maskEmail } from "@/lib/email/text";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };
// Per-token state that changes when the button is pressed: never a cached render.
export const dynamic = "force-dynamic";

interface UnsubscribePageProps {
  params: Promise<{ token: string }>;
}

const button = buttonClass();

/**
 * The unsubscribe link of every digest. It works without signing in; opening it asks before
 * acting, because mail scanners and link previews open every link in a message (the one-click
 * `List-Unsubscribe-Post` of RFC 8058 goes to /api/unsubscribe/<token> and acts at once).
 */
export default async function UnsubscribePage({ params }: UnsubscribePageProps) {
  const { token } = await params;
  const target = await findByUnsubscribeToken(db(), token);

  if (!target) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight">This unsubscribe link does not work</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          It may have been cut short by your email program: open the link from the email once more, or sign in and change your{" "}
          <Link href="/settings/email" className="underline">
            digest settings
          </Link>
          .
        </p>
      </div>
    );
  }

  if (target.status === "unsubscribed") {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight">You are unsubscribed</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          No more digests will be sent to <strong>{maskEmail(target.email)}</strong>. Changed your mind?{" "}
          <Link href="/subscribe" className="font-medium underline">
            Subscribe again
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Unsubscribe from the digest?</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        <strong>{maskEmail(target.email)}</strong> will no longer receive the {target.frequency} digest of trending papers.
      </p>
      <form action={unsubscribeAction} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className={button}>
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
