import { dailyFeed } from "@/lib/feeds/daily-feed";
import { renderFeed, xmlResponse } from "@/lib/feeds/paper-feed";

export const dynamic = "force-dynamic";

/** Atom of the latest day's papers. Links come from AUTH_URL, never from the request's Host. */
export async function GET(_request: Request) {
  return xmlResponse(renderFeed(await dailyFeed("/atom.xml"), "atom"), "atom");
}
