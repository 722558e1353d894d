// Day / ISO-week / month arithmetic for the daily, weekly and monthly views.
// Every "day" is a UTC calendar day written `YYYY-MM-DD`; only UTC Date methods are used,
// so results never depend on the server's TZ.

export type IsoWeek = { year: number; week: number };
export type Month = { year: number; month: number };
/** Inclusive `start`, exclusive `end`, both `YYYY-MM-DD`. */
export type DayRange = { start: string; end: string };

const DAY_MS = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
function utcMs(year: number, month0: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  return d.getTime();
}

function fromMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function dayMs(day: string): number {
  const parsed = parseDay(day);
  if (!parsed) throw new RangeError(`Invalid day: ${JSON.stringify(day)}`);
  return utcMs(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** Strict `YYYY-MM-DD` that is a real calendar date, else null. */
export function parseDay(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = utcMs(year, month - 1, day);
  return fromMs(ms) === s ? s : null;
}

/** Monday of ISO week 1: the week containing January 4th. */
function isoWeekOneMonday(year: number): number {
  const jan4 = utcMs(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

function weeksInIsoYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / DAY_MS / 7;
}

/** `YYYY-Www` (case-insensitive W) naming a week that exists in that ISO year, else null. */
export function parseIsoWeek(s: string): IsoWeek | null {
  const m = /^(\d{4})-[Ww](\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInIsoYear(year) ? { year, week } : null;
}

/** `YYYY-MM`, else null. */
export function parseMonth(s: string): Month | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : null;
}

function toWeek(week: string | IsoWeek): IsoWeek {
  const w = typeof week === "string" ? parseIsoWeek(week) : week;
  if (!w || !Number.isInteger(w.week) || w.week < 1 || w.week > weeksInIsoYear(w.year)) {
    throw new RangeError(`Invalid ISO week: ${JSON.stringify(week)}`);
  }
  return w;
}

function toMonth(month: string | Month): Month {
  const m = typeof month === "string" ? parseMonth(month) : month;
  if (!m || !Number.isInteger(m.month) || m.month < 1 || m.month > 12) {
    throw new RangeError(`Invalid month: ${JSON.stringify(month)}`);
  }
  return m;
}

const weekStartMs = (w: IsoWeek) => isoWeekOneMonday(w.year) + (w.week - 1) * 7 * DAY_MS;
const formatWeek = (w: IsoWeek) => `${pad(w.year, 4)}-W${pad(w.week)}`;
const formatMonth = (m: Month) => `${pad(m.year, 4)}-${pad(m.month)}`;

// The range functions throw RangeError on malformed input; parse user input first.
export function dayRange(day: string): DayRange {
  const ms = dayMs(day);
  return { start: fromMs(ms), end: fromMs(ms + DAY_MS) };
}

export function weekRange(week: string | IsoWeek): DayRange {
  const start = weekStartMs(toWeek(week));
  return { start: fromMs(start), end: fromMs(start + 7 * DAY_MS) };
}

export function monthRange(month: string | Month): DayRange {
  const { year, month: mo } = toMonth(month);
  return { start: fromMs(utcMs(year, mo - 1, 1)), end: fromMs(utcMs(year, mo, 1)) };
}

/** The ISO week (`YYYY-Www`) containing `day`; its year can differ from the day's year. */
export function isoWeekOf(day: string): string {
  const ms = dayMs(day);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return formatWeek({ year, week: Math.floor((thursday - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1 });
}

export function monthOf(day: string): string {
  dayMs(day);
  return day.slice(0, 7);
}

export function addDays(day: string, n: number): string {
  return fromMs(dayMs(day) + n * DAY_MS);
}

export function addWeeks(week: string | IsoWeek, n: number): string {
  return isoWeekOf(fromMs(weekStartMs(toWeek(week)) + n * 7 * DAY_MS));
}

export function addMonths(month: string | Month, n: number): string {
  const { year, month: mo } = toMonth(month);
  const index = year * 12 + (mo - 1) + n;
  return formatMonth({ year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 });
}

export function todayUtc(now: Date = new Date()): string {
  return fromMs(now.getTime());
}

function toDate(date: Date | string): Date {
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${JSON.stringify(date)}`);
  return d;
}

const shortDay = (d: Date) => `${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;

/** Hugging Face card style: `Jun 18` within the UTC year of `now`, else `Dec 8, 2025`. */
export function formatHfDate(date: Date | string, now: Date = new Date()): string {
  const d = toDate(date);
  return d.getUTCFullYear() === now.getUTCFullYear() ? shortDay(d) : `${shortDay(d)}, ${d.getUTCFullYear()}`;
}

/** `Jun 29, 2026`. */
export function formatDayHeading(day: string): string {
  const d = new Date(dayMs(day));
  return `${shortDay(d)}, ${d.getUTCFullYear()}`;
}

/**
 * `Week 26, 2026 (Jun 22 – Jun 28)`: Monday to Sunday inclusive. A bound that falls in another
 * calendar year than the ISO year gets its year: `Week 1, 2026 (Dec 29, 2025 – Jan 4)`.
 */
export function formatWeekHeading(week: string | IsoWeek): string {
  const w = toWeek(week);
  const start = weekStartMs(w);
  const label = (ms: number) => {
    const d = new Date(ms);
    return d.getUTCFullYear() === w.year ? shortDay(d) : `${shortDay(d)}, ${d.getUTCFullYear()}`;
  };
  return `Week ${w.week}, ${w.year} (${label(start)} – ${label(start + 6 * DAY_MS)})`;
}

/** `June 2026`. */
export function formatMonthHeading(month: string | Month): string {
  const { year, month: mo } = toMonth(month);
  return `${MONTHS[mo - 1]} ${year}`;
}
