import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { logger } from "@/lib/logger";

/**
 * After papers changed (an ingest through this server, an admin's hide or merge), drops this
 * instance's cached list and paper pages and API answers so the next visitor sees the change at once. Other
 * instances, and changes made outside a request (the scheduled poller, the CLI), catch up
 * within the pages' revalidate time (60 s).
 */
export function refreshCachedPages() {
  try {
    revalidatePath("/", "layout");
    // The JSON API's cached pages of entries (app/api/daily_papers), expired at once.
    revalidateTag("papers", { expire: 0 });
  } catch (err) {
    logger.debug({ err: String(err) }, "cached pages not refreshed (outside a request)");
  }
}
