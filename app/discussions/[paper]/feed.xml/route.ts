import type { NextRequest } from "next/server";
import { discussionFeed } from "@/lib/comments/feed";
import { withErrors } from "@/lib/http/route-handler";
import { safeDecode } from "@/lib/http/safe-decode";
import { renderFeed, xmlResponse } from "@/lib/feeds/paper-feed";
import { resolvePaperId } from "@/lib/people/paper-ref";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ paper: string }> };

/** RSS 2.0 of a paper's discussion (its newest comments, as text); `/discussions/{paper id}/feed.xml`, linked from the paper page. */
export const GET = withErrors<Context, NextRequest>(async (_request, { params }) => {
  const paperId = await resolvePaperId(safeDecode((await params).paper));
  return xmlResponse(renderFeed(await discussionFeed(paperId, `/discussions/${paperId}/feed.xml`), "rss"), "rss", {
    "cache-control": "public, max-age=60",
  });
});
