import { z } from "zod";
import { parseDay, parseIsoWeek, parseMonth, dayRange, weekRange, monthRange, type DayRange } from "@/lib/papers/dates";

/**
 * Query parameters of GET /api/daily_papers, as Hugging Face names them: at most one of
 * `date` (YYYY-MM-DD, the day papers were featured), `week` (YYYY-Www) or `month` (YYYY-MM);
 * `sort` publishedAt | trending; `p` page from 0; `limit` 1–100 (default 50); `submitter`.
 */
export const dailyPapersQuery = z
  .object({
    date: z.string().optional(),
    week: z.string().optional(),
    month: z.string().optional(),
    sort: z.enum(["publishedAt", "trending"]).default("publishedAt"),
    p: z.coerce.number().int().min(0).max(10_000).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    submitter: z.string().min(1).max(100).optional(),
  })
  .superRefine((q, ctx) => {
    const given = [q.date, q.week, q.month].filter((v) => v !== undefined);
    if (given.length > 1) ctx.addIssue({ code: "custom", message: "Give at most one of date, week and month" });
    if (q.date !== undefined && !parseDay(q.date))
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: `Invalid date ${JSON.stringify(q.date)}: expected a real day as YYYY-MM-DD`,
      });
    if (q.week !== undefined && !parseIsoWeek(q.week))
      ctx.addIssue({ code: "custom", path: ["week"], message: `Invalid week ${JSON.stringify(q.week)}: expected an ISO week as YYYY-Www` });
    if (q.month !== undefined && !parseMonth(q.month))
      ctx.addIssue({ code: "custom", path: ["month"], message: `Invalid month ${JSON.stringify(q.month)}: expected YYYY-MM` });
  });

export type DailyPapersQuery = z.infer<typeof dailyPapersQuery>;

/** The day range a query asks for; null means "the latest day with papers". */
export function requestedRange(q: DailyPapersQuery): DayRange | null {
  if (q.date) return dayRange(parseDay(q.date)!);
  if (q.week) return weekRange(parseIsoWeek(q.week)!);
  if (q.month) return monthRange(parseMonth(q.month)!);
  return null;
}

export const searchQuery = z.object({
  q: z.string().trim().min(1, "Missing search query q").max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  p: z.coerce.number().int().min(0).max(1000).default(0),
  /** Search-as-you-type: the last word also matches as a prefix. */
  prefix: z.enum(["0", "1", "true", "false"]).optional(),
});

/** First problem of a failed parse, as one sentence. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue?.message ?? "invalid request"}`;
}
