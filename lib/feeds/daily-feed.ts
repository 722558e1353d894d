import { getLatestFeaturedDay, listFeaturedPapers } from "@/lib/data/papers";
import { buildPaperFeed } from "@/lib/feeds/paper-feed";
import { dayRange, formatDayHeading } from "@/lib/papers/dates";

/** The latest day's papers, trending first, as a feed. */
export async function dailyFeed(origin: string, selfPath: string) {
  const day = await getLatestFeaturedDay();
  const { papers } = day ? await listFeaturedPapers({ range: dayRange(day), sort: "trending", limit: 50, offset: 0 }) : { papers: [] };
  return buildPaperFeed({
    title: "Paperboy: Daily Papers",
    description: day ? `Trending papers of ${formatDayHeading(day)}` : "Trending papers of the day",
    pageUrl: `${origin}/`,
    selfUrl: `${origin}${selfPath}`,
    origin,
    papers,
  });
}
