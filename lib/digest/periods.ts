import {
  addDays,
  addWeeks,
  dayRange,
  formatDayHeading,
  formatWeekHeading,
  isoWeekOf,
  parseDay,
  parseIsoWeek,
  todayUtc,
  weekRange,
  type DayRange,
} from "@/lib/papers/dates";
import { digestRules } from "@/lib/digest/config";

export type Frequency = "daily" | "weekly";
export const FREQUENCIES: readonly Frequency[] = ["daily", "weekly"];

/** A digest period: a UTC day (`2026-11-24`) for daily digests, an ISO week (`2026-W47`) for weekly ones. */
export interface Period {
  frequency: Frequency;
  /** `YYYY-MM-DD` or `YYYY-Www`, as stored in digest_runs and digest_sends. */
  key: string;
  range: DayRange;
}

/** A period from its key, or null when the key is not one of that frequency. */
export function parsePeriod(frequency: Frequency, key: string): Period | null {
  if (frequency === "daily") {
    const day = parseDay(key);
    return day ? { frequency, key: day, range: dayRange(day) } : null;
  }
  const week = parseIsoWeek(key);
  if (!week) return null;
  const normalized = `${String(week.year).padStart(4, "0")}-W${String(week.week).padStart(2, "0")}`;
  return { frequency, key: normalized, range: weekRange(week) };
}

/** The period that contains `day`. */
export function periodOfDay(frequency: Frequency, day: string): Period {
  return parsePeriod(frequency, frequency === "daily" ? day : isoWeekOf(day))!;
}

/**
 * The latest period whose digest is due at `now`: yesterday from 01:00 UTC on (before that, the
 * day before), and last week from Monday 01:00 UTC on. Only the latest one is sent: after an
 * outage, older digests would be stale news.
 */
export function duePeriod(frequency: Frequency, now: Date = new Date()): Period {
  const sendTime = digestRules.sendHourUtc * 3_600_000;
  // Shift the clock back by the send hour: "today" then starts at 01:00 UTC.
  const shiftedDay = todayUtc(new Date(now.getTime() - sendTime));
  if (frequency === "daily") return parsePeriod("daily", addDays(shiftedDay, -1))!;
  return parsePeriod("weekly", addWeeks(isoWeekOf(shiftedDay), -1))!;
}

/** When a period's digest goes out: the end of the period plus the send hour. */
export function periodSendTime(period: Period): Date {
  return new Date(Date.parse(`${period.range.end}T00:00:00Z`) + digestRules.sendHourUtc * 3_600_000);
}

/** `Nov 24, 2026` or `Week 47, 2026 (Nov 16 – Nov 22)`. */
export function periodLabel(period: Period): string {
  return period.frequency === "daily" ? formatDayHeading(period.key) : formatWeekHeading(period.key);
}

/** The site page listing the period's papers. */
export function periodPath(period: Period): string {
  return period.frequency === "daily" ? `/papers?date=${period.key}` : `/papers/week/${period.key}`;
}
