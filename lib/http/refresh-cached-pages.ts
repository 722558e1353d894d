import "server-only";
import { revalidatePath } from "next/cache";
import { clearCachedAnswers } from "@/lib/http/encoded-cache";
import { logger } from "@/lib/logger";

/**
 * After papers changed (an ingest through this server, an admin's hide or merge), drops this
 * instance's cached list and paper pages and API answers so the next visitor sees the change at once. Other
 * instances, and changes made outside a request (the scheduled poller, the CLI), catch up
 * within the pages' revalidate time (60 s; monthly lists 5 minutes).
 */
export function refreshCachedPages() {
  clearCachedAnswers();
  try {
    revalidatePath("/", "layout");
  } catch (err) {
    logger.debug({ err: String(err) }, "cached pages not refreshed (outside a request)");
  }
}
