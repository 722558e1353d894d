import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/digest/config";
import { hasFilters } from "@/lib/digest/filters";
import { periodLabel, periodPath } from "@/lib/digest/periods";
import { previewDigest } from "@/lib/digest/preview";
import { DigestContent, digestSubject } from "@/lib/email/templates/digest-email";

export const metadata: Metadata = { title: "Digest preview", robots: { index: false } };

interface PreviewPageProps {
  searchParams: Promise<{ frequency?: string | string[]; period?: string | string[] }>;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * What the signed-in person's digest holds, shown as the email shows it: for the latest day (or
 * week) with papers, or `?period=`. Rendered here as page content, not as an email document.
 */
export default async function DigestPreviewPage({ searchParams }: PreviewPageProps) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/digest/preview");
  const sp = await searchParams;
  const frequency = one(sp.frequency) === "weekly" ? "weekly" : one(sp.frequency) === "daily" ? "daily" : undefined;
  const preview = await previewDigest(db(), { userId: user.id, frequency, period: one(sp.period) });
  const site = siteUrl();
  const freq = preview.period?.frequency ?? frequency ?? "daily";

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Your digest</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-300">
        {preview.settings ? "With your settings" : "With the default settings (you are not subscribed)"}: {freq}, top {preview.limit}
        {hasFilters(preview.filters) ? ", filtered" : ""}. Papers you were already sent are left out, as in the real digest.{" "}
        <Link href="/settings/email" className="font-medium underline">
          Change settings
        </Link>
        {" · "}
        <Link href={`/digest/preview?frequency=${freq === "daily" ? "weekly" : "daily"}`} className="font-medium underline">
          See the {freq === "daily" ? "weekly" : "daily"} digest
        </Link>
      </p>
      {!preview.period || !preview.papers.length ? (
        <p
          data-testid="digest-preview-empty"
          className="mt-6 rounded-lg border border-gray-200 px-4 py-6 text-center text-gray-600 dark:border-gray-800 dark:text-gray-300"
        >
          {preview.period ? `Nothing for ${periodLabel(preview.period)} matches: no email would be sent.` : "There are no papers yet."}
        </p>
      ) : (
        <div className="mt-6 overflow-hidden rounded-xl border border-gray-200 bg-gray-100 p-4 dark:border-gray-800 dark:bg-gray-900">
          <p className="mb-3 text-sm text-gray-600 dark:text-gray-400">
            Subject:{" "}
            <strong className="text-gray-900 dark:text-gray-100">
              {digestSubject({ papers: preview.papers, periodLabel: periodLabel(preview.period), forYou: preview.forYou })}
            </strong>
          </p>
          <div data-testid="digest-preview" className="rounded-lg bg-white p-6 text-gray-900">
            <DigestContent
              siteUrl={site}
              frequency={preview.period.frequency}
              periodLabel={periodLabel(preview.period)}
              periodUrl={`${site}${periodPath(preview.period)}`}
              papers={preview.papers}
              settingsUrl={`${site}/settings/email`}
              unsubscribeUrl={`${site}/settings/email`}
              filtered={hasFilters(preview.filters)}
              forYou={preview.forYou}
            />
          </div>
        </div>
      )}
    </div>
  );
}
