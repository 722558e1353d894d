import type { NextRequest } from "next/server";
import { dailyFeed } from "@/lib/feeds/daily-feed";
import { xmlResponse } from "@/lib/feeds/paper-feed";

export const dynamic = "force-dynamic";

/** RSS 2.0 of the latest day's papers. */
export async function GET(request: NextRequest) {
  const feed = await dailyFeed(request.nextUrl.origin, "/feed.xml");
  return xmlResponse(feed.rss2(), "rss");
}
