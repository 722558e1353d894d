import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { SubmitForm } from "@/components/submissions/submit-form";
import { ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Submit a paper", robots: { index: false } };
export const dynamic = "force-dynamic";

/** `/submit`: put a paper on today's list by its arXiv id or URL; the rules, as the server applies them. */
export default async function SubmitPage() {
  const user = await currentUser();
  const { SUBMISSION_MAX_AGE_DAYS: maxAge, SUBMISSIONS_PER_DAY: perDay } = env();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">Submit a paper</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-300">
        Found a paper others here should read? Give its arXiv id or link: it goes on today&apos;s list with your name.
      </p>
      <section aria-labelledby="rules" className="mt-6 rounded-lg border border-gray-200 p-4 dark:border-gray-800">
        <h2 id="rules" className="font-semibold">
          The rules
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-gray-700 dark:text-gray-300">
          <li>The paper must be on arXiv, published in the last {maxAge === 1 ? "day" : `${maxAge} days`}, and not withdrawn.</li>
          <li>A paper already on today&apos;s list is not added twice: you are shown where it is.</li>
          <li>You can submit {perDay === 1 ? "one paper" : `${perDay} papers`} a day (UTC). Admins may take a submission off the list.</li>
        </ul>
      </section>
      <div className="mt-6">
        {user ? (
          <SubmitForm name={user.name} />
        ) : (
          <p className={ui.muted}>
            <Link href="/signin?callbackUrl=%2Fsubmit" className={ui.link}>
              Sign in
            </Link>{" "}
            to submit a paper.
          </p>
        )}
      </div>
    </div>
  );
}
