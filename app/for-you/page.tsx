import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { currentUser } from "@/lib/auth/viewer";
import { listFeaturedPapers } from "@/lib/data/papers";
import { formatHfDate } from "@/lib/papers/dates";
import { MIN_SIGNALS } from "@/lib/recs/compute";
import { listRecommendations, periodRange, recsStatus } from "@/lib/recs/read";
import { PaperList } from "@/components/papers/paper-list";
import { TabLinks } from "@/components/papers/tab-links";
import { RecommendationList } from "@/components/recs/recommendation-list";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "For you", robots: { index: false } };
export const dynamic = "force-dynamic";

const LIMIT = 30;

interface Props {
  searchParams: Promise<{ period?: string }>;
}

/**
 * The latest day's (or week's) papers ranked for the signed-in person, each with its reason: a
 * lookup in the scores the job worker keeps. Signed out, paused or with fewer than three signals:
 * what to do, and trending.
 */
export default async function ForYouPage({ searchParams }: Props) {
  const period = (await searchParams).period === "week" ? "week" : "day";
  const [user, range] = await Promise.all([currentUser(), periodRange(period)]);
  const status = user ? await recsStatus(user.id) : null;
  const recs = user && status?.personal && range ? await listRecommendations(user.id, range, LIMIT) : [];
  const trending =
    recs.length === 0 && range ? (await listFeaturedPapers({ range, sort: "trending", limit: LIMIT, offset: 0 })).papers : [];
  const periodLabel = range
    ? period === "day"
      ? formatHfDate(new Date(`${range.start}T00:00:00Z`))
      : `the week to ${formatHfDate(new Date(Date.parse(`${range.end}T00:00:00Z`) - 86_400_000))}`
    : null;

  return (
    <div className="mx-auto max-w-4xl">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">For you</h1>
          {periodLabel && <p className="mt-1 text-gray-600 dark:text-gray-400">Papers of {periodLabel}</p>}
        </div>
        <TabLinks
          label="Period"
          items={[
            { href: "/for-you", label: "Day", current: period === "day" },
            { href: "/for-you?period=week", label: "Week", current: period === "week" },
          ]}
        />
      </div>

      <div className="mt-6">
        {!user ? (
          <Explain title="Recommendations need an account">
            <Link href="/signin?callbackUrl=%2Ffor-you" className="underline">
              Sign in
            </Link>
            , then upvote or save a few papers: this page ranks each day&apos;s papers by how much they resemble them. Meanwhile, here is
            what is trending.
          </Explain>
        ) : status?.paused ? (
          <Explain title="Personalisation is paused">
            Resume it on your{" "}
            <Link href="/profile#recommendations" className="underline">
              profile
            </Link>
            . Meanwhile, here is what is trending.
          </Explain>
        ) : !status?.personal ? (
          <Explain
            title={`Upvote or save ${MIN_SIGNALS - (status?.signals ?? 0)} more ${MIN_SIGNALS - (status?.signals ?? 0) === 1 ? "paper" : "papers"}`}
          >
            Recommendations start from {MIN_SIGNALS} papers you upvoted or saved to a reading list; they are computed within a minute of
            each one. Meanwhile, here is what is trending.
          </Explain>
        ) : recs.length === 0 ? (
          <Explain title="Nothing recommended yet">
            Your recommendations are computed within a minute of a new upvote or save, and when new papers arrive. Here is what is trending
            meanwhile.
          </Explain>
        ) : null}
      </div>

      <div className="mt-6">
        {recs.length > 0 ? (
          <RecommendationList recs={recs} label={`Recommended papers of ${periodLabel}`} />
        ) : trending.length > 0 ? (
          <>
            <h2 className="mb-3 text-xl font-semibold">Trending</h2>
            <PaperList papers={trending} label={`Trending papers of ${periodLabel}`} />
          </>
        ) : (
          <EmptyState title="No papers yet">Papers appear here once feeds have been ingested.</EmptyState>
        )}
      </div>
    </div>
  );
}

function Explain({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      data-testid="for-you-explain"
      className="rounded-xl border border-gray-200 bg-gray-50 px-4 py-3 dark:border-gray-800 dark:bg-gray-900"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">{children}</p>
    </div>
  );
}
