/**
 * Manual order of a reading list. Items carry a float `position`, ascending; moving one item
 * rewrites only that item's position (the midpoint of its new neighbours). When two
 * neighbours get too close for a midpoint, the whole list is renumbered.
 */
export const POSITION_STEP = 1024;

/** Smallest gap kept between neighbours before the list is renumbered. */
const MIN_GAP = 1e-6;

/** The position after the last of `positions` (sorted ascending), for a new item at the end. */
export function positionAfter(positions: readonly number[]): number {
  return positions.length ? positions[positions.length - 1] + POSITION_STEP : POSITION_STEP;
}

/**
 * The position that puts an item at `index` (0-based) among `others`: the positions of the
 * list's other items, sorted ascending. Indexes past the end mean "last". Returns null when
 * there is no room between the neighbours: renumber with `renumber()` instead.
 */
export function positionForIndex(others: readonly number[], index: number): number | null {
  const at = Math.max(0, Math.min(Math.trunc(index), others.length));
  if (others.length === 0) return POSITION_STEP;
  if (at === 0) return others[0] - POSITION_STEP;
  if (at === others.length) return others[others.length - 1] + POSITION_STEP;
  const before = others[at - 1];
  const after = others[at];
  const mid = (before + after) / 2;
  return after - before > MIN_GAP && mid > before && mid < after ? mid : null;
}

/** Evenly spaced positions for `count` items in their new order. */
export function renumber(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * POSITION_STEP);
}

/** Moves the element at `from` to `to` (both clamped), as the list will look after a move. */
export function arrayMove<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = items.slice();
  if (from < 0 || from >= copy.length) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, moved);
  return copy;
}
