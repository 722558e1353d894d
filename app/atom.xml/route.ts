import type { NextRequest } from "next/server";
import { dailyFeed } from "@/lib/feeds/daily-feed";
import { xmlResponse } from "@/lib/feeds/paper-feed";

export const dynamic = "force-dynamic";

/** Atom of the latest day's papers. */
export async function GET(request: NextRequest) {
  const feed = await dailyFeed(request.nextUrl.origin, "/atom.xml");
  return xmlResponse(feed.atom1(), "atom");
}
