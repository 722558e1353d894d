import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Fixed-window rate limit kept in Postgres, so every app instance counts against the same
 * budget. One upsert per call; old windows are swept now and then by the caller's traffic.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const [row] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`;
  if (Math.random() < 0.01) {
    await db().$executeRaw`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`;
  }
  if (row.count > limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000);
    throw new AppError("rate_limited", `Too many changes: try again in ${retryAfter} s`, { retryAfter });
  }
}

/** The budget for one user's mutations (upvotes, list edits): generous for people, not for scripts gone wild. */
export const MUTATIONS_PER_MINUTE = 120;
