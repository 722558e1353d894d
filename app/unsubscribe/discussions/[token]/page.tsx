import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribeDiscussionsAction } from "@/app/unsubscribe/discussions/[token]/actions";
import { findByDiscussionToken } from "@/lib/comments/viewer";
import { maskEmail } from "@/lib/email/text";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Stop discussion emails", robots: { index: false } };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ token: string }>;
}

/** The "Stop discussion emails" link of reply and new-comment emails: asks before acting, no sign-in needed. */
export default async function DiscussionUnsubscribePage({ params }: Props) {
  const { token } = await params;
  const target = await findByDiscussionToken(token);
  const address = target?.email ? maskEmail(target.email) : "this account";

  if (!target) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight">This link does not work</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          It may have been cut short by your email program: open it from the email once more, or sign in and change your{" "}
          <Link href="/settings/email" className="underline">
            email settings
          </Link>
          .
        </p>
      </div>
    );
  }

  if (!target.emails) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight">Discussion emails are off</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          No more emails about comments will be sent to <strong>{address}</strong>. Turn them back on in your{" "}
          <Link href="/settings/email" className="font-medium underline">
            email settings
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Stop discussion emails?</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        <strong>{address}</strong> will no longer get emails about replies to your comments and new comments in the discussions you follow.
      </p>
      <form action={unsubscribeDiscussionsAction} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className={buttonClass()}>
          Stop discussion emails
        </button>
      </form>
    </div>
  );
}
