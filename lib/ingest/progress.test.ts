import { describe, expect, it } from "vitest";
import { createProgressReporter, progressBar, progressLine } from "@/lib/ingest/progress";

const MB = 1024 * 1024;
const at = (papers: number, bytes: number, rejected = 0) => ({ new: papers, updated: 0, unchanged: 0, rejected, bytes });

describe("progress display", () => {
  it("draws a bar with the share of the file read, papers and rate", () => {
    const line = progressBar({ label: "feed.json", totalBytes: 100 * MB, elapsedMs: 10_000, ...at(50_000, 40 * MB) });
    expect(line).toBe("feed.json [##########..............] 40% 40 MB/100 MB · 50,000 papers · 5,000 papers/s");
  });

  it("writes plain lines, with rejections, and without a total for a URL", () => {
    expect(progressLine({ label: "feed.json", totalBytes: 100 * MB, elapsedMs: 4000, ...at(2000, 25 * MB, 3) })).toBe(
      "feed.json: 2,000 papers, 25 MB of 100 MB read (25%), 500 papers/s, 3 rejected",
    );
    expect(progressLine({ label: "https://example.org/feed", elapsedMs: 2000, ...at(100, 512 * 1024) })).toBe(
      "https://example.org/feed: 100 papers, 512 KB read, 50 papers/s",
    );
  });

  it("prints a line every interval when not on a terminal", () => {
    let clock = 0;
    const out: string[] = [];
    const reporter = createProgressReporter({
      label: "f",
      out: { write: (s: string) => out.push(s) },
      interactive: false,
      now: () => clock,
    });
    for (let s = 1; s <= 12; s++) {
      clock = s * 1000;
      reporter.update(at(s * 1000, s * MB));
    }
    reporter.done();
    expect(out).toEqual(["f: 5,000 papers, 5 MB read, 1,000 papers/s\n", "f: 10,000 papers, 10 MB read, 1,000 papers/s\n"]);
  });

  it("redraws one bar in place on a terminal and clears it at the end", () => {
    let clock = 0;
    const out: string[] = [];
    const reporter = createProgressReporter({
      label: "f",
      totalBytes: 4 * MB,
      out: { write: (s: string) => out.push(s) },
      interactive: true,
      now: () => clock,
    });
    for (let s = 1; s <= 4; s++) {
      clock = s * 1000;
      reporter.update(at(s * 1000, s * MB));
    }
    reporter.done();
    expect(out).toHaveLength(5);
    expect(out[0]).toMatch(/^\r\x1b\[Kf \[#{6}\.{18}\] 25% /);
    expect(out[3]).toMatch(/^\r\x1b\[Kf \[#{24}\] 100% 4 MB\/4 MB · 4,000 papers/);
    expect(out[4]).toBe("\r\x1b[K");
  });
});
