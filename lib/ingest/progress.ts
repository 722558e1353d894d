import { formatBytes } from "@/lib/ingest/read-document";
import type { IngestProgress } from "@/lib/ingest/run-ingest";

export interface ProgressReporterOptions {
  /** Names the document: a file name or URL. */
  label: string;
  /** Size of the whole document, when known (a file): gives a percentage and a bar. */
  totalBytes?: number;
  out: { write(text: string): unknown };
  /** A terminal: one bar redrawn in place. Otherwise a plain line now and then. */
  interactive: boolean;
  /** Least time between two plain lines (default 5 s) or two redraws (100 ms). */
  intervalMs?: number;
  now?: () => number;
}

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  /** Clears the bar (a terminal), so the summary line takes its place. */
  done(): void;
}

/**
 * Shows a long ingest's progress for `npm run ingest`: papers done, bytes read and the
 * rate, as a bar on a terminal or as periodic lines in a log.
 */
export function createProgressReporter(opts: ProgressReporterOptions): ProgressReporter {
  const now = opts.now ?? Date.now;
  const started = now();
  const interval = opts.intervalMs ?? (opts.interactive ? 100 : 5000);
  let shownAt = started;
  let drawn = false;
  return {
    update(progress) {
      const t = now();
      if (t - shownAt < interval) return;
      shownAt = t;
      const view = { ...progress, label: opts.label, totalBytes: opts.totalBytes, elapsedMs: t - started };
      if (opts.interactive) {
        opts.out.write(`\r\x1b[K${progressBar(view)}`);
        drawn = true;
      } else opts.out.write(`${progressLine(view)}\n`);
    },
    done() {
      if (drawn) opts.out.write("\r\x1b[K");
      drawn = false;
    },
  };
}

export interface ProgressView extends IngestProgress {
  label: string;
  totalBytes?: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

/** `feed.json [#########...............] 38% 135.2 MB/356 MB · 38,000 papers · 5,120 papers/s` */
export function progressBar(p: ProgressView): string {
  const fraction = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : undefined;
  const bar =
    fraction === undefined
      ? ""
      : ` [${"#".repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, ".")}] ${Math.floor(fraction * 100)}%`;
  return `${p.label}${bar} ${details(p)}`;
}

/** `feed.json: 38,000 papers, 135.2 MB of 356 MB read (38%), 5,120 papers/s, 12 rejected` */
export function progressLine(p: ProgressView): string {
  const read = p.totalBytes
    ? `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)} read (${Math.floor(Math.min(1, p.bytes / p.totalBytes) * 100)}%)`
    : `${formatBytes(p.bytes)} read`;
  const rejected = p.rejected ? `, ${count(p.rejected)} rejected` : "";
  return `${p.label}: ${count(papersDone(p))} papers, ${read}, ${count(rate(p))} papers/s${rejected}`;
}

function details(p: ProgressView): string {
  const bytes = p.totalBytes ? `${formatBytes(p.bytes)}/${formatBytes(p.totalBytes)}` : formatBytes(p.bytes);
  const rejected = p.rejected ? ` · ${count(p.rejected)} rejected` : "";
  return `${bytes} · ${count(papersDone(p))} papers · ${count(rate(p))} papers/s${rejected}`;
}

function papersDone(p: IngestProgress): number {
  return p.new + p.updated + p.unchanged;
}

function rate(p: ProgressView): number {
  return p.elapsedMs > 0 ? Math.round(papersDone(p) / (p.elapsedMs / 1000)) : 0;
}

function count(n: number): string {
  return n.toLocaleString("en");
}
