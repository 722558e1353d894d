import { getLatestFeaturedDay, listFeaturedPapers } from "@/lib/data/papers";
import type { FeedDoc } from "@/lib/feeds/feed-doc";
import { buildPaperFeed } from "@/lib/feeds/paper-feed";
import { dayRange, formatDayHeading } from "@/lib/papers/dates";

/** The latest day's papers, trending first, as a feed served at `selfPath`. */
export async function dailyFeed(selfPath: string): Promise<FeedDoc> {
  const day = await getLatestFeaturedDay();
  const { papers } = day ? await listFeaturedPapers({ range: dayRange(day), sort: "trending", limit: 50, offset: 0 }) : { papers: [] };
  return buildPaperFeed({
    title: "Paperboy: Daily Papers",
    description: day ? `Trending papers of ${formatDayHeading(day)}` : "Trending papers of the day",
    pagePath: "/",
    selfPath,
    papers,
  });
}
