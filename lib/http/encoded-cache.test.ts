import { beforeEach, describe, expect, it, vi } from "vitest";
import { cachedAnswer, clearCachedAnswers, jsonAnswer } from "@/lib/http/encoded-cache";

const text = (a: { body: Uint8Array }) => new TextDecoder().decode(a.body);

describe("cachedAnswer", () => {
  beforeEach(() => clearCachedAnswers());

  it("computes once for concurrent requests and answers from the cache until it expires", async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const produce = async () => jsonAnswer({ run: ++runs });
      const [a, b] = await Promise.all([cachedAnswer("k", 60_000, produce), cachedAnswer("k", 60_000, produce)]);
      expect([text(a), text(b)]).toEqual(['{"run":1}', '{"run":1}']);
      expect(text(await cachedAnswer("k", 60_000, produce))).toBe('{"run":1}');
      vi.advanceTimersByTime(60_001);
      expect(text(await cachedAnswer("k", 60_000, produce))).toBe('{"run":2}');
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets everything when papers change, including an answer being computed", async () => {
    let runs = 0;
    const produce = async () => jsonAnswer({ run: ++runs });
    await cachedAnswer("k", 60_000, produce);
    clearCachedAnswers();
    expect(text(await cachedAnswer("k", 60_000, produce))).toBe('{"run":2}');

    let release!: () => void;
    const slow = cachedAnswer("slow", 60_000, async () => {
      await new Promise<void>((r) => (release = r));
      return jsonAnswer("before the change");
    });
    await Promise.resolve();
    clearCachedAnswers();
    release();
    expect(text(await slow)).toBe('"before the change"');
    expect(text(await cachedAnswer("slow", 60_000, async () => jsonAnswer("after")))).toBe('"after"');
  });

  it("after papers change, a finished older computation does not drop the newer one's place", async () => {
    const gates: (() => void)[] = [];
    let runs = 0;
    const slow = () =>
      cachedAnswer("k", 60_000, async () => {
        const run = ++runs;
        await new Promise<void>((r) => gates.push(r));
        return jsonAnswer({ run });
      });
    const older = slow();
    await Promise.resolve();
    clearCachedAnswers();
    const newer = slow();
    await Promise.resolve();
    gates[0]();
    await older;
    // A request now joins the newer computation instead of starting a third.
    const joined = slow();
    gates[1]();
    expect([text(await newer), text(await joined)]).toEqual(['{"run":2}', '{"run":2}']);
    expect(runs).toBe(2);
  });

  it("does not keep a failed computation", async () => {
    await expect(cachedAnswer("f", 60_000, async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(text(await cachedAnswer("f", 60_000, async () => jsonAnswer("ok")))).toBe('"ok"');
  });
});
