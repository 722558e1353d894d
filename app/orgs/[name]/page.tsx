import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getOrganizationPapers } from "@/lib/data/papers";
import { pageMetadata } from "@/lib/page-metadata";
import { hrefWith, PAGE_SIZE, parsePage, type SearchParams } from "@/lib/papers/list-params";
import { hfProfileUrl, orgHref, safeImageUrl } from "@/lib/papers/links";
import { PaperCollection } from "@/components/papers/paper-collection";
import { safeDecode } from "@/lib/http/safe-decode";

interface OrgPageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<SearchParams>;
}

const load = cache((name: string, page: number) => getOrganizationPapers(name, PAGE_SIZE, (page - 1) * PAGE_SIZE));

export async function generateMetadata({ params, searchParams }: OrgPageProps): Promise<Metadata> {
  const data = await load(safeDecode((await params).name), parsePage((await searchParams).page));
  if (!data) return { title: "Organization not found" };
  const label = data.organization.fullname || data.organization.name;
  return pageMetadata({
    title: `Papers from ${label}`,
    description: `Research papers from ${label}, newest first.`,
    path: orgHref(data.organization.name),
    image: safeImageUrl(data.organization.avatar),
  });
}

/** `/orgs/<handle>?page=`: an organization's papers, newest first. */
export default async function OrgPage({ params, searchParams }: OrgPageProps) {
  const page = parsePage((await searchParams).page);
  const data = await load(safeDecode((await params).name), page);
  if (!data) notFound();
  const org = data.organization;
  const avatar = safeImageUrl(org.avatar);
  const profile = hfProfileUrl(org.name);
  return (
    <>
      <div className="flex items-center gap-4">
        {avatar && (
          <img
            src={avatar}
            alt=""
            width={56}
            height={56}
            referrerPolicy="no-referrer"
            className="size-14 rounded-xl border border-gray-200 dark:border-gray-800"
          />
        )}
        <div className="min-w-0">
          <p className="text-sm font-medium text-gray-500 dark:text-gray-400">Organization · {org.name}</p>
          <h1 className="text-3xl font-bold tracking-tight break-words">{org.fullname || org.name}</h1>
        </div>
      </div>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        Papers on this server, newest first.{" "}
        {profile && (
          <a href={profile} rel="noopener noreferrer nofollow" className="font-medium underline">
            Hugging Face page
          </a>
        )}
      </p>
      <div className="mt-6">
        <PaperCollection
          papers={data.papers}
          hasMore={data.hasMore}
          page={page}
          label={`Papers from ${org.fullname || org.name}`}
          hrefForPage={(p) => hrefWith(orgHref(org.name), { page: p })}
        />
      </div>
    </>
  );
}
