import { z } from "zod";
import { addDays, parseDay, type DayRange } from "@/lib/papers/dates";

/** Longest `from`–`to` range the API accepts (the window recommendations are kept for is shorter). */
const MAX_RANGE_DAYS = 31;

/**
 * Query of GET /api/me/recommendations: `period=day|week` (the latest featured day, or the
 * 7 days ending with it), or `from=YYYY-MM-DD&to=YYYY-MM-DD` (featured days, inclusive);
 * `limit` 1–100 (default 50).
 */
export const recommendationsQuery = z
  .object({
    period: z.enum(["day", "week"]).optional(),
    from: z.string().max(20).optional(),
    to: z.string().max(20).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: "custom", message: "Give both from and to, as YYYY-MM-DD" });
    if (q.period && q.from !== undefined) ctx.addIssue({ code: "custom", message: "Give period or from/to, not both" });
    for (const key of ["from", "to"] as const) {
      const v = q[key];
      if (v !== undefined && !parseDay(v))
        ctx.addIssue({ code: "custom", path: [key], message: `Invalid ${key}: expected a real day as YYYY-MM-DD` });
    }
    if (q.from && q.to && parseDay(q.from) && parseDay(q.to)) {
      if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "to is before from" });
      else if (addDays(q.from, MAX_RANGE_DAYS - 1) < q.to)
        ctx.addIssue({ code: "custom", path: ["to"], message: `A range is at most ${MAX_RANGE_DAYS} days` });
    }
  });

export type RecommendationsQuery = z.infer<typeof recommendationsQuery>;

/** The explicit range asked for, or null for a period. */
export function explicitRange(q: RecommendationsQuery): DayRange | null {
  return q.from && q.to ? { start: q.from, end: addDays(q.to, 1) } : null;
}
