import type { NextRequest } from "next/server";
import { renderFeed, xmlResponse } from "@/lib/feeds/paper-feed";
import { sharedListFeed } from "@/lib/lists/feed";
import { getSharedList } from "@/lib/lists/lists";
import { sharePath } from "@/lib/lists/serialize";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/**
 * RSS 2.0 of a shared reading list. Anyone with the link reads it; once the owner stops
 * sharing, the feed is a 404 at once (not cached by shared caches, not indexed).
 */
export async function GET(_request: NextRequest, { params }: Context) {
  const { token } = await params;
  const list = await getSharedList(token);
  const headers = { "cache-control": "private, no-cache", "x-robots-tag": "noindex, nofollow" };
  if (!list)
    return new Response("No such shared list: the link is wrong or the owner stopped sharing it.\n", {
      status: 404,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  return xmlResponse(renderFeed(await sharedListFeed(list, sharePath(token)), "rss"), "rss", headers);
}
