import type { Metadata } from "next";
import Link from "next/link";
import { searchPapers } from "@/lib/data/search";
import { findSearchEntities } from "@/lib/data/search-entities";
import { suggestQuery } from "@/lib/data/search-suggestions";
import { parseDay } from "@/lib/papers/dates";
import { parseSearchQuery } from "@/lib/search/query";
import { dailyFeeds, pageMetadata } from "@/lib/page-metadata";
import { first, hrefWith, PAGE_SIZE, parsePage, type SearchParams } from "@/lib/papers/list-params";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/papers/pagination";
import { SearchEntities } from "@/components/search/search-entities";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";

interface SearchPageProps {
  searchParams: Promise<SearchParams>;
}

/** The query and filters as given, trimmed and bounded, with a note for each unusable filter. */
function readSearch(sp: SearchParams) {
  const q = (first(sp.q) ?? "").trim().slice(0, 200);
  const rawFrom = (first(sp.from) ?? "").trim();
  const rawTo = (first(sp.to) ?? "").trim();
  const org = (first(sp.org) ?? "").trim().slice(0, 100);
  const errors: { from?: string; to?: string } = {};
  let from = rawFrom ? parseDay(rawFrom) : null;
  let to = rawTo ? parseDay(rawTo) : null;
  if (rawFrom && !from) errors.from = "Not a date (YYYY-MM-DD): ignored.";
  if (rawTo && !to) errors.to = "Not a date (YYYY-MM-DD): ignored.";
  if (from && to && from > to) {
    [from, to] = [to, from];
    errors.to = "Before the start date: the two were swapped.";
  }
  return { q, rawFrom, rawTo, from, to, org, errors, page: parsePage(sp.page) };
}

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const { q } = readSearch(await searchParams);
  if (!q) return pageMetadata({ title: "Search", description: "Search research papers by title, abstract and author.", path: "/search" });
  return pageMetadata({
    title: `Search: ${q}`,
    description: `Research papers matching “${q}”.`,
    path: hrefWith("/search", { q }),
    feeds: {
      ...dailyFeeds,
      "application/rss+xml": [
        { url: hrefWith("/search/feed.xml", { q }), title: `Paperboy: papers matching “${q}” (RSS)` },
        ...dailyFeeds["application/rss+xml"],
      ],
    },
  });
}

/** `/search?q=&from=&to=&org=&page=`: full-text search with highlighted matches. */
export default async function SearchPage({ searchParams }: SearchPageProps) {
  const s = readSearch(await searchParams);
  const parsed = s.q ? parseSearchQuery(s.q) : null;
  const filtered = Boolean(s.from || s.to || s.org);
  const filters = { from: s.from ?? undefined, to: s.to ?? undefined, organization: s.org || undefined };
  const [result, entities] = await Promise.all([
    parsed ? searchPapers({ tsquery: parsed.tsquery, limit: PAGE_SIZE, offset: (s.page - 1) * PAGE_SIZE, ...filters }) : null,
    // The people and organizations the query names, on the first page.
    s.q && s.page === 1 ? findSearchEntities(s.q) : [],
  ]);
  // No dead end: the query with its unknown words corrected, when that finds papers.
  const suggestion = parsed && result && result.hits.length === 0 && s.page === 1 ? await suggestQuery(s.q, parsed.terms, filters) : null;
  const hrefForPage = (page: number) => hrefWith("/search", { q: s.q, from: s.from, to: s.to, org: s.org, page });

  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <div className="mt-4">
        <SearchForm q={s.q} from={s.rawFrom} to={s.rawTo} org={s.org} errors={s.errors} />
      </div>

      {entities.length > 0 && <SearchEntities entities={entities} />}

      <section aria-labelledby="results-heading" className="mt-8">
        {!parsed || !result ? (
          <EmptyState title="Type some words to search">
            {s.q ? (
              <>
                There is nothing to search for in “{s.q}”: use letters or digits, and at least one word that is not excluded with a minus.
              </>
            ) : (
              <>
                Search the titles, abstracts and authors of every paper on this server, for example{" "}
                <Link href="/search?q=world+model" className="font-medium underline">
                  world model
                </Link>
                .
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <h2 id="results-heading" className="mb-3 text-lg font-semibold">
              {result.hits.length === 0 ? "No results" : `Results for “${s.q}”`}
              {s.page > 1 && <span className="font-normal text-gray-500 dark:text-gray-400"> (page {s.page})</span>}
            </h2>
            {result.hits.length > 0 ? (
              <>
                <SearchResults hits={result.hits} terms={parsed.terms} />
                <Pagination page={s.page} hasMore={result.hasMore} hrefForPage={hrefForPage} />
              </>
            ) : s.page > 1 ? (
              <EmptyState title="No more results">
                <Link href={hrefForPage(1)} className="font-medium underline">
                  Back to the first page
                </Link>{" "}
                of results.
              </EmptyState>
            ) : (
              <EmptyState title={`No papers match “${s.q}”`}>
                {suggestion && (
                  <>
                    Did you mean{" "}
                    <Link
                      href={hrefWith("/search", { q: suggestion, from: s.from, to: s.to, org: s.org })}
                      className="font-medium underline"
                    >
                      {suggestion}
                    </Link>
                    ?{" "}
                  </>
                )}
                Try fewer or more general words, check the spelling, or use <code>or</code> between alternatives.
                {filtered && (
                  <>
                    {" "}
                    Filters are narrowing the search:{" "}
                    <Link href={hrefWith("/search", { q: s.q })} className="font-medium underline">
                      search without them
                    </Link>
                    .
                  </>
                )}
              </EmptyState>
            )}
          </>
        )}
      </section>
    </div>
  );
}
