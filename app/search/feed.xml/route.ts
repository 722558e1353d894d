import type { NextRequest } from "next/server";
import { searchPaperList } from "@/lib/data/search";
import { buildPaperFeed, renderFeed, xmlResponse } from "@/lib/feeds/paper-feed";
import { parseSearchQuery } from "@/lib/search/query";

export const dynamic = "force-dynamic";

/** RSS (or Atom with `?format=atom`) of a search: follow a topic in a feed reader. */
export async function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 200);
  const parsed = parseSearchQuery(q);
  if (!parsed) return new Response("Give a search query: /search/feed.xml?q=words", { status: 400 });
  const { papers } = await searchPaperList({ tsquery: parsed.tsquery, limit: 50, offset: 0 });
  const format = request.nextUrl.searchParams.get("format") === "atom" ? "atom" : "rss";
  const query = `q=${encodeURIComponent(q)}`;
  const feed = buildPaperFeed({
    title: `Paperboy: papers matching “${q}”`,
    description: `Papers matching “${q}”, best match first`,
    pagePath: `/search?${query}`,
    // The self link names the format it was fetched in, as Atom's rel="self" requires.
    selfPath: `/search/feed.xml?${query}${format === "atom" ? "&format=atom" : ""}`,
    papers,
  });
  return xmlResponse(renderFeed(feed, format), format);
}
