/** Small helpers shared by the feed parsers: whitespace, calendar dates, arXiv ids. */

export function collapseWhitespace(s: string): string {
  // The same as replacing every run of whitespace with a space, but a lone space (most of them)
  // is not a match: three times cheaper on an abstract, the largest cost of reading an RSS item.
  return s.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** 1-12 for "Jun", "June", "Sept"; undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower);
  if (i >= 0) return i + 1;
  return lower === "sept" ? 9 : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * UTC instant for a calendar date and time, or null when any part is impossible
 * ("2025-13-40", "Feb 30"). Years are limited to 1000-9999 so `Date.UTC` never
 * reinterprets two-digit years.
 */
export function utcDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date | null {
  const ints = [year, month, day, hour, minute, second, ms];
  if (!ints.every(Number.isInteger)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || ms > 999) return null;
  if (hour < 0 || minute < 0 || second < 0 || ms < 0) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

/** `YYYY-MM-DD` of the instant, in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Strict ISO 8601 (date, or date-time with optional zone; no zone means UTC). */
export function parseIsoDateTime(s: string): Date | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "", zone = "Z"] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  const local = utcDateTime(+y, +mo, +d, +h, +mi, +sec, ms);
  if (!local) return null;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  return new Date(local.getTime() - offset * 60_000);
}

const ZONES: Record<string, number> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

function zoneOffsetMinutes(zone: string): number | null {
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m || +m[2] > 23 || +m[3] > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

const RFC822 = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3,9})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[a-z]{1,3}))?$/i;

/**
 * An RFC 822 date ("Mon, 27 Apr 2026 00:00:00 -0400"): the instant, and the calendar
 * day as written (2026-04-27, not shifted to UTC). No zone means UTC.
 */
export function parseRfc822(s: string): { instant: Date; day: string } | null {
  const m = RFC822.exec(collapseWhitespace(s));
  if (!m) return null;
  const [, d, monthName, y, h, mi, sec = "0", zone = "Z"] = m;
  const month = monthNumber(monthName);
  if (!month) return null;
  const local = utcDateTime(+y, month, +d, +h, +mi, +sec);
  const offset = zoneOffsetMinutes(zone);
  if (!local || offset === null) return null;
  return { instant: new Date(local.getTime() - offset * 60_000), day: utcDay(local) };
}

const NEW_STYLE = /^(\d{2})(\d{2})\.\d{4,5}$/;
const OLD_STYLE = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/;

/** `2406.12345v2` -> `2406.12345`, `hep-th/9901001v1` -> `hep-th/9901001`; null if not an arXiv id. */
export function normalizeArxivId(raw: string): string | null {
  const id = raw
    .trim()
    .replace(/^arxiv:/i, "")
    .replace(/v\d+$/, "");
  const newStyle = NEW_STYLE.exec(id);
  if (newStyle) return +newStyle[2] >= 1 && +newStyle[2] <= 12 ? id : null;
  return OLD_STYLE.test(id) ? id : null;
}
