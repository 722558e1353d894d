import { describe, expect, it } from "vitest";
import { duePeriod, parsePeriod, periodLabel, periodOfDay, periodSendTime } from "@/lib/digest/periods";

describe("digest periods", () => {
  it("makes yesterday due from 01:00 UTC, and the day before until then", () => {
    expect(duePeriod("daily", new Date("2026-11-25T00:59:59Z")).key).toBe("2026-11-23");
    expect(duePeriod("daily", new Date("2026-11-25T01:00:00Z")).key).toBe("2026-11-24");
    expect(duePeriod("daily", new Date("2026-11-25T23:59:00Z")).key).toBe("2026-11-24");
  });

  it("makes last ISO week due from Monday 01:00 UTC", () => {
    // 2026-11-23 is a Monday; week 48 starts then.
    expect(duePeriod("weekly", new Date("2026-11-23T00:30:00Z")).key).toBe("2026-W46");
    expect(duePeriod("weekly", new Date("2026-11-23T01:00:00Z")).key).toBe("2026-W47");
    expect(duePeriod("weekly", new Date("2026-11-29T23:00:00Z")).key).toBe("2026-W47");
    // Across a year boundary: Monday 2026-01-05 makes week 1 of 2026 due (Dec 29 – Jan 4).
    expect(duePeriod("weekly", new Date("2026-01-05T02:00:00Z")).key).toBe("2026-W01");
  });

  it("parses keys strictly and knows each period's range, label and send time", () => {
    expect(parsePeriod("daily", "2026-02-30")).toBeNull();
    expect(parsePeriod("weekly", "2026-11-24")).toBeNull();
    expect(parsePeriod("weekly", "2026-w47")?.key).toBe("2026-W47");
    const week = parsePeriod("weekly", "2026-W47")!;
    expect(week.range).toEqual({ start: "2026-11-16", end: "2026-11-23" });
    expect(periodLabel(week)).toBe("Week 47, 2026 (Nov 16 – Nov 22)");
    expect(periodSendTime(week).toISOString()).toBe("2026-11-23T01:00:00.000Z");
    expect(periodOfDay("weekly", "2026-11-22").key).toBe("2026-W47");
    expect(periodLabel(parsePeriod("daily", "2026-11-24")!)).toBe("Nov 24, 2026");
  });
});
