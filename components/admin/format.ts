/** "2026-11-25 20:35 UTC": admins compare times across servers and logs, so UTC, to the minute. */
export function formatUtc(d: Date | null | undefined): string {
  if (!d) return "—";
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "in 12 min", "3 h ago": relative to `now`, coarse. */
export function formatRelative(d: Date | null | undefined, now = new Date()): string {
  if (!d) return "";
  const diff = d.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const text =
    abs < 60_000
      ? "less than a minute"
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 172_800_000
          ? `${Math.round(abs / 3_600_000)} h`
          : `${Math.round(abs / 86_400_000)} days`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

export function formatInterval(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "daily" : `every ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "hourly" : `every ${minutes / 60} h`;
  return `every ${minutes} min`;
}

/** The page number from a search param: 1 when absent or nonsense, capped. */
export function pageParam(raw: string | string[] | undefined): number {
  const n = Number.parseInt(Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? ""), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}
