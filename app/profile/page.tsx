import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { deleteAccountAction, revokeTokenAction } from "@/app/profile/actions";
import { TokenForm } from "@/app/profile/token-form";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { currentUser } from "@/lib/auth/viewer";
import { getPapersByIds } from "@/lib/data/papers";
import { profileSummary } from "@/lib/people/account";
import { listUpvotedPaperIds } from "@/lib/people/upvotes";
import { ensureDefaultList } from "@/lib/people/viewer-state";
import { ProfileClaims } from "@/components/claims/profile-claims";
import { Pagination } from "@/components/papers/pagination";
import { PaperList } from "@/components/papers/paper-list";
import { inputClass } from "@/components/ui/styles";
import { listNotInterested, recsStatus } from "@/lib/recs/read";
import { RecsSettings } from "@/components/recs/recs-settings";

export const metadata: Metadata = { title: "Your profile", robots: { index: false } };

const PAGE_SIZE = 20;
const section = "mt-10 border-t border-gray-200 pt-6 dark:border-gray-800";
const when = (d: Date) => d.toISOString().slice(0, 10);

interface Props {
  searchParams: Promise<{ page?: string; delete?: string }>;
}

/** The signed-in person's own page: upvotes, lists, API tokens, and deleting the account. */
export default async function ProfilePage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fprofile");
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? "1", 10) || 1));
  await ensureDefaultList(user.id);
  const [summary, upvoted, tokens] = await Promise.all([
    profileSummary(user.id),
    listUpvotedPaperIds(user.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    listApiTokens(user.id),
  ]);
  const papers = await getPapersByIds(upvoted.ids);

  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">{user.name || "Your profile"}</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">{user.email}</p>

      <section aria-labelledby="lists-heading" className={section}>
        <h2 id="lists-heading" className="text-xl font-semibold">
          Reading lists
        </h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {summary.lists.map((l) => (
            <li key={l.id}>
              <Link
                href={`/lists/${l.id}`}
                className="flex items-center justify-between rounded-lg border border-gray-200 px-3 py-2 hover:bg-gray-50 dark:border-gray-800 dark:hover:bg-gray-900"
              >
                <span className="font-medium">{l.name}</span>
                <span className="text-sm text-gray-500 dark:text-gray-400">
                  {l.items} {l.items === 1 ? "paper" : "papers"}
                  {l.shared && " · shared"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="upvotes-heading" className={section}>
        <h2 id="upvotes-heading" className="text-xl font-semibold">
          Your upvotes <span className="text-base font-normal text-gray-500 dark:text-gray-400">({summary.upvoteCount})</span>
        </h2>
        {papers.length === 0 ? (
          <p className="mt-3 text-gray-600 dark:text-gray-400">
            No upvotes yet. Upvote papers from the{" "}
            <Link href="/" className="underline">
              daily list
            </Link>{" "}
            and they will gather here.
          </p>
        ) : (
          <div className="mt-3">
            <PaperList papers={papers} label="Your upvoted papers" />
            <Pagination page={page} hasMore={page * PAGE_SIZE < upvoted.total} hrefForPage={(p) => `/profile?page=${p}`} />
          </div>
        )}
      </section>

      <ProfileClaims userId={user.id} className={section} />
      <section id="recommendations" aria-labelledby="recs-heading" className={section}>
        <h2 id="recs-heading" className="text-xl font-semibold">
          For you
        </h2>
        <RecsSettings status={await recsStatus(user.id)} notInterested={await listNotInterested(user.id)} />
      </section>

      <section aria-labelledby="tokens-heading" className={section}>
        <h2 id="tokens-heading" className="text-xl font-semibold">
          Personal API tokens
        </h2>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          For scripts using Paperboy&apos;s API (upvotes, reading lists). They act as you: keep them secret, revoke the ones you no longer
          use.
        </p>
        {tokens.length > 0 && (
          <ul className="mt-3 divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{t.name}</span> <code className="text-gray-500">{t.prefix}…</code>
                  <span className="ml-2 text-gray-500 dark:text-gray-400">
                    created {when(t.createdAt)}, {t.lastUsedAt ? `last used ${when(t.lastUsedAt)}` : "never used"}
                  </span>
                </span>
                <form action={revokeTokenAction}>
                  <input type="hidden" name="id" value={t.id} />
                  <button
                    type="submit"
                    className="rounded-md border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950"
                  >
                    Revoke<span className="sr-only"> {t.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <TokenForm />
      </section>

      <section id="delete-account" aria-labelledby="delete-heading" className={section}>
        <h2 id="delete-heading" className="text-xl font-semibold text-red-800 dark:text-red-300">
          Delete your account
        </h2>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          Removes your account, upvotes, reading lists and notes, API tokens and email subscriptions, at once and for good.
        </p>
        {params.delete === "mismatch" && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
            The address you typed did not match, so nothing was deleted.
          </p>
        )}
        <form action={deleteAccountAction} className="mt-3 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="confirm-delete" className="block text-sm font-medium">
              Type your email address to confirm
            </label>
            <input id="confirm-delete" name="confirm" type="email" required autoComplete="off" className={`mt-1 ${inputClass}`} />
          </div>
          <button type="submit" className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800">
            Delete my account
          </button>
        </form>
      </section>
    </div>
  );
}
