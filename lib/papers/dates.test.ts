import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addWeeks,
  dayRange,
  formatDayHeading,
  formatHfDate,
  formatMonthHeading,
  formatWeekHeading,
  isoWeekOf,
  monthOf,
  monthRange,
  parseDay,
  parseIsoWeek,
  parseMonth,
  todayUtc,
  weekRange,
} from "@/lib/papers/dates";

describe("parseDay", () => {
  it("accepts real calendar dates", () => {
    for (const d of ["2026-06-29", "2024-02-29", "2000-02-29", "1999-12-31", "2025-01-01"]) {
      expect(parseDay(d)).toBe(d);
    }
  });

  it("rejects impossible dates, loose formats and junk", () => {
    for (const d of [
      "2025-13-40",
      "2025-02-29",
      "1900-02-29",
      "2025-04-31",
      "2025-00-10",
      "2025-01-00",
      "2024-2-1",
      "24-02-01",
      "2024-02-01T00:00:00Z",
      " 2024-02-01",
      "2024/02/01",
      "",
      "today",
      "２０２４-02-01",
    ]) {
      expect(parseDay(d), d).toBeNull();
    }
  });
});

describe("parseIsoWeek", () => {
  it("parses upper and lower case", () => {
    expect(parseIsoWeek("2026-W26")).toEqual({ year: 2026, week: 26 });
    expect(parseIsoWeek("2026-w01")).toEqual({ year: 2026, week: 1 });
  });

  it("rejects weeks that do not exist", () => {
    for (const w of ["2026-W00", "2026-W54", "2021-W53", "2025-W53", "2026-W1", "2026W26", "2026-26", "x"]) {
      expect(parseIsoWeek(w), w).toBeNull();
    }
  });

  it("knows which years have 53 ISO weeks", () => {
    const long: number[] = [];
    for (let y = 2000; y <= 2040; y++) if (parseIsoWeek(`${y}-W53`)) long.push(y);
    expect(long).toEqual([2004, 2009, 2015, 2020, 2026, 2032, 2037]);
  });
});

describe("parseMonth", () => {
  it("parses YYYY-MM only", () => {
    expect(parseMonth("2026-06")).toEqual({ year: 2026, month: 6 });
    expect(parseMonth("2026-12")).toEqual({ year: 2026, month: 12 });
    for (const m of ["2026-13", "2026-00", "2026-6", "2026-06-01", "June"]) expect(parseMonth(m), m).toBeNull();
  });
});

describe("ranges", () => {
  it("dayRange spans one day, across month and year ends", () => {
    expect(dayRange("2026-06-29")).toEqual({ start: "2026-06-29", end: "2026-06-30" });
    expect(dayRange("2024-02-28")).toEqual({ start: "2024-02-28", end: "2024-02-29" });
    expect(dayRange("2025-02-28")).toEqual({ start: "2025-02-28", end: "2025-03-01" });
    expect(dayRange("2025-12-31")).toEqual({ start: "2025-12-31", end: "2026-01-01" });
  });

  it("weekRange runs Monday to the next Monday", () => {
    expect(weekRange("2026-W01")).toEqual({ start: "2025-12-29", end: "2026-01-05" });
    expect(weekRange("2026-W26")).toEqual({ start: "2026-06-22", end: "2026-06-29" });
    expect(weekRange("2020-W53")).toEqual({ start: "2020-12-28", end: "2021-01-04" });
    expect(weekRange("2024-W01")).toEqual({ start: "2024-01-01", end: "2024-01-08" });
    expect(weekRange("2009-W01")).toEqual({ start: "2008-12-29", end: "2009-01-05" });
    expect(weekRange({ year: 2026, week: 53 })).toEqual({ start: "2026-12-28", end: "2027-01-04" });
    for (let y = 1990; y <= 2040; y++) {
      expect(new Date(`${weekRange(`${y}-W10`).start}T00:00:00Z`).getUTCDay()).toBe(1);
    }
  });

  it("monthRange handles leap February and December", () => {
    expect(monthRange("2024-02")).toEqual({ start: "2024-02-01", end: "2024-03-01" });
    expect(monthRange("2025-02")).toEqual({ start: "2025-02-01", end: "2025-03-01" });
    expect(monthRange("2025-12")).toEqual({ start: "2025-12-01", end: "2026-01-01" });
    expect(monthRange({ year: 2026, month: 6 })).toEqual({ start: "2026-06-01", end: "2026-07-01" });
  });

  it("throws on malformed input", () => {
    expect(() => dayRange("2025-02-29")).toThrow(RangeError);
    expect(() => weekRange("2021-W53")).toThrow(RangeError);
    expect(() => weekRange({ year: 2021, week: 53 })).toThrow(RangeError);
    expect(() => monthRange("2025-13")).toThrow(RangeError);
  });
});

describe("isoWeekOf", () => {
  it("matches known ISO week facts at year boundaries", () => {
    const facts: Record<string, string> = {
      "2026-01-01": "2026-W01",
      "2025-12-29": "2026-W01",
      "2025-12-28": "2025-W52",
      "2027-01-01": "2026-W53",
      "2027-01-03": "2026-W53",
      "2027-01-04": "2027-W01",
      "2021-01-03": "2020-W53",
      "2021-01-04": "2021-W01",
      "2005-01-01": "2004-W53",
      "2007-01-01": "2007-W01",
      "2008-12-28": "2008-W52",
      "2008-12-29": "2009-W01",
      "2010-01-03": "2009-W53",
      "2016-01-03": "2015-W53",
      "2024-12-30": "2025-W01",
      "2026-06-29": "2026-W27",
      "2026-06-28": "2026-W26",
    };
    for (const [day, week] of Object.entries(facts)) expect(isoWeekOf(day), day).toBe(week);
  });

  it("round-trips with weekRange for every day of several years", () => {
    for (let day = "2019-12-20"; day < "2028-01-10"; day = addDays(day, 1)) {
      const { start, end } = weekRange(isoWeekOf(day));
      expect(start <= day && day < end, day).toBe(true);
    }
  });
});

describe("arithmetic", () => {
  it("monthOf and todayUtc", () => {
    expect(monthOf("2026-06-29")).toBe("2026-06");
    expect(todayUtc(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(todayUtc(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31");
  });

  it("addDays crosses leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
    expect(addDays("2026-06-29", 0)).toBe("2026-06-29");
  });

  it("addWeeks steps through long and short ISO years", () => {
    expect(addWeeks("2026-W52", 1)).toBe("2026-W53");
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2025-W52", 1)).toBe("2026-W01");
    expect(addWeeks("2021-W01", -1)).toBe("2020-W53");
    expect(addWeeks("2026-w26", -26)).toBe("2025-W52");
    expect(addWeeks("2026-W26", 0)).toBe("2026-W26");
  });

  it("addMonths wraps years both ways", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-06", -18)).toBe("2024-12");
    expect(addMonths("2026-06", 30)).toBe("2028-12");
  });
});

describe("formatting", () => {
  const now = new Date("2026-06-30T12:00:00Z");

  it("formatHfDate drops the year only within the current UTC year", () => {
    expect(formatHfDate(new Date("2026-06-18T10:00:00Z"), now)).toBe("Jun 18");
    expect(formatHfDate("2025-12-08", now)).toBe("Dec 8, 2025");
    expect(formatHfDate("2026-01-01T00:00:00Z", now)).toBe("Jan 1");
    expect(formatHfDate("2027-01-01", now)).toBe("Jan 1, 2027");
    // 2025-12-31T23:00-05:00 is already 2026 in UTC.
    expect(formatHfDate("2025-12-31T23:00:00-05:00", now)).toBe("Jan 1");
    expect(() => formatHfDate("not a date", now)).toThrow(RangeError);
  });

  it("headings", () => {
    expect(formatDayHeading("2026-06-29")).toBe("Jun 29, 2026");
    expect(formatDayHeading("2024-02-09")).toBe("Feb 9, 2024");
    expect(formatWeekHeading("2026-W26")).toBe("Week 26, 2026 (Jun 22 – Jun 28)");
    expect(formatWeekHeading("2026-W01")).toBe("Week 1, 2026 (Dec 29, 2025 – Jan 4)");
    expect(formatWeekHeading("2026-W53")).toBe("Week 53, 2026 (Dec 28 – Jan 3, 2027)");
    expect(formatMonthHeading("2026-06")).toBe("June 2026");
    expect(formatMonthHeading("2025-12")).toBe("December 2025");
  });
});

describe("time zone independence", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  for (const tz of ["America/New_York", "Pacific/Kiritimati", "Asia/Kolkata", "UTC"]) {
    it(`gives UTC answers with TZ=${tz}`, () => {
      process.env.TZ = tz;
      const d = new Date("2026-03-01T23:30:00-05:00");
      // Proves the TZ switch took effect, so the UTC assertions below are not vacuous.
      if (tz === "America/New_York") expect(d.getDate()).toBe(1);
      expect(formatHfDate(d, new Date("2026-06-30T00:00:00Z"))).toBe("Mar 2");
      expect(todayUtc(d)).toBe("2026-03-02");
      expect(weekRange("2026-W01")).toEqual({ start: "2025-12-29", end: "2026-01-05" });
      expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
      expect(addDays("2026-03-07", 1)).toBe("2026-03-08"); // US DST starts 2026-03-08
      expect(monthRange("2026-03")).toEqual({ start: "2026-03-01", end: "2026-04-01" });
    });
  }
});
