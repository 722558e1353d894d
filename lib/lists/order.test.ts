import { describe, expect, it } from "vitest";
import { arrayMove, POSITION_STEP, positionAfter, positionForIndex, renumber } from "@/lib/lists/order";

describe("positionForIndex", () => {
  const others = [1024, 2048, 3072];

  it("puts an item first, last or between its new neighbours", () => {
    expect(positionForIndex(others, 0)).toBe(1024 - POSITION_STEP);
    expect(positionForIndex(others, 3)).toBe(3072 + POSITION_STEP);
    expect(positionForIndex(others, 1)).toBe(1536);
    expect(positionForIndex(others, 2)).toBe(2560);
  });

  it("clamps indexes past either end", () => {
    expect(positionForIndex(others, 99)).toBe(3072 + POSITION_STEP);
    expect(positionForIndex(others, -5)).toBe(0);
    expect(positionForIndex([], 7)).toBe(POSITION_STEP);
  });

  it("asks for a renumbering when neighbours are too close for a midpoint", () => {
    expect(positionForIndex([1, 1 + 1e-9, 5], 1)).toBeNull();
    expect(positionForIndex([3, 3], 1)).toBeNull();
  });

  it("keeps finding room for many moves into the same gap before giving up", () => {
    let lo = 1024;
    const hi = 2048;
    let moves = 0;
    for (;;) {
      const p = positionForIndex([lo, hi], 1);
      if (p === null) break;
      expect(p).toBeGreaterThan(lo);
      expect(p).toBeLessThan(hi);
      lo = p;
      moves++;
    }
    expect(moves).toBeGreaterThan(25);
  });
});

describe("renumber, positionAfter and arrayMove", () => {
  it("spaces positions evenly", () => {
    expect(renumber(3)).toEqual([1024, 2048, 3072]);
    expect(positionAfter([])).toBe(1024);
    expect(positionAfter([5, 10])).toBe(10 + 1024);
  });

  it("moves an element the way the list will look", () => {
    expect(arrayMove(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(arrayMove(["a", "b", "c", "d"], 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(arrayMove(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});
