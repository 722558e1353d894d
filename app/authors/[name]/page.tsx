import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAuthorPapers } from "@/lib/data/papers";
import { pageMetadata } from "@/lib/page-metadata";
import { hrefWith, PAGE_SIZE, parsePage, type SearchParams } from "@/lib/papers/list-params";
import { authorHref, hfProfileUrl } from "@/lib/papers/links";
import { AuthorClaimants } from "@/components/claims/author-claimants";
import { PaperCollection } from "@/components/papers/paper-collection";
import { safeDecode } from "@/lib/http/safe-decode";

interface AuthorPageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<SearchParams>;
}

const load = cache((name: string, page: number) => getAuthorPapers(name, PAGE_SIZE, (page - 1) * PAGE_SIZE));

export async function generateMetadata({ params, searchParams }: AuthorPageProps): Promise<Metadata> {
  const name = safeDecode((await params).name);
  const data = await load(name, parsePage((await searchParams).page));
  if (!data) return { title: "Author not found" };
  return pageMetadata({
    title: `Papers by ${data.author.name}`,
    description: `Research papers by ${data.author.name}, newest first.`,
    path: authorHref(data.author.name),
  });
}

/** `/authors/<name>?page=`: an author's papers, newest first. */
export default async function AuthorPage({ params, searchParams }: AuthorPageProps) {
  const name = safeDecode((await params).name);
  const page = parsePage((await searchParams).page);
  const data = await load(name, page);
  if (!data) notFound();
  const profile = hfProfileUrl(data.author.hfUser);
  return (
    <>
      <p className="text-sm font-medium text-gray-500 dark:text-gray-400">Author</p>
      <h1 className="text-3xl font-bold tracking-tight break-words">{data.author.name}</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        Papers on this server, newest first.{" "}
        {profile && (
          <a href={profile} rel="noopener noreferrer nofollow" className="font-medium underline">
            Hugging Face profile
          </a>
        )}{" "}
        <Link href={hrefWith("/search", { q: `"${data.author.name.replace(/"/g, "")}"` })} className="font-medium underline">
          Search for this name
        </Link>
      </p>
      <AuthorClaimants name={data.author.name} />
      <div className="mt-6">
        <PaperCollection
          papers={data.papers}
          hasMore={data.hasMore}
          page={page}
          label={`Papers by ${data.author.name}`}
          hrefForPage={(p) => hrefWith(authorHref(data.author.name), { page: p })}
        />
      </div>
    </>
  );
}
