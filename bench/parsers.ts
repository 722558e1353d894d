/**
 * npx tsx bench/parsers.ts [--all] [--deadline MS]
 *
 * Regular-expression denial of service (issue 12): runs every parser of person- or
 * feed-supplied text on the worst inputs known for it (lib/test/adversarial.ts) at 100,
 * 200 and 400 KB and prints, per parser, the worst case in ms per 100 KB at each size. A
 * linear parser keeps that figure flat as the size grows; a quadratic one doubles it with
 * each step. Each parse runs in a worker that is terminated at the deadline, so a
 * regression prints "timeout" rather than hanging the bench. Exits 1 when a parse times
 * out or throws an error its parser does not throw on purpose.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { suites, type Suite, type SuiteName } from "@/lib/test/adversarial";
import { ParserWorker, type TimedParse } from "@/lib/test/parser-deadline";

const SIZES = [100_000, 200_000, 400_000];
// Best of a few runs: the figure is the parser's cost, not the machine's hiccups.
const REPEATS = 3;

const { values } = parseArgs({
  options: {
    all: { type: "boolean", default: false },
    deadline: { type: "string", default: "5000" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`Usage: npx tsx bench/parsers.ts [--all] [--deadline MS]

  --all          print every input, not only each parser's worst
  --deadline MS  give up on one parse after MS milliseconds (default 5000)`);
  process.exit(0);
}
const deadline = Number(values.deadline);

interface Row {
  suite: string;
  input: string;
  /** ms per 100 KB at each size; null after a timeout. */
  per100k: (number | null)[];
  problem?: string;
}

const worker = new ParserWorker();

async function measure(name: SuiteName, suite: Suite, input: string, make: (n: number) => string): Promise<Row> {
  const row: Row = { suite: name, input, per100k: [] };
  for (const size of SIZES) {
    const text = make(size);
    let best = Infinity;
    for (let r = 0; r < REPEATS && !row.problem; r++) {
      const result: TimedParse = await worker.parse(name, text, deadline);
      if ("timedOut" in result) row.problem = `timeout (> ${deadline} ms at ${size / 1000} KB)`;
      else if (result.error && !suite.errors.includes(result.error.name))
        row.problem = `${result.error.name}: ${result.error.message.slice(0, 80)}`;
      else best = Math.min(best, result.ms);
    }
    row.per100k.push(row.problem ? null : (best * 100_000) / text.length);
    if (row.problem) break;
  }
  return row;
}

const fmt = (ms: number | null | undefined) => (ms == null ? "-" : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
/** How much the cost per 100 KB grew from the smallest size to the largest: ~1 is linear, ~4 quadratic. */
const growth = (r: Row) =>
  r.per100k.length === SIZES.length && r.per100k[0]! > 0.5 ? `${(r.per100k.at(-1)! / r.per100k[0]!).toFixed(1)}x` : "";

console.log(
  `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}; best of ${REPEATS} runs; ms per 100 KB at ${SIZES.map((s) => `${s / 1000} KB`).join(", ")}\n`,
);
const rows: Row[] = [];
const started = performance.now();
for (const [name, suite] of Object.entries(suites) as [SuiteName, Suite][]) {
  const measured: Row[] = [];
  for (const [input, make] of Object.entries(suite.worst)) measured.push(await measure(name, suite, input, make));
  if (values.all) rows.push(...measured);
  else {
    // The worst: a failure first, else the highest cost at the largest size.
    const score = (r: Row) => (r.problem ? Infinity : r.per100k.at(-1)!);
    rows.push(measured.reduce((a, b) => (score(b) > score(a) ? b : a)));
  }
}
await worker.close();

const head = ["parser", "worst input", ...SIZES.map((s) => `${s / 1000} KB`), "growth", ""];
const cells = rows.map((r) => [r.suite, r.input, ...SIZES.map((_, i) => fmt(r.per100k[i])), growth(r), r.problem ?? ""]);
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c: string[]) =>
  c
    .map((s, i) => (i < 2 || i === c.length - 1 ? s.padEnd(widths[i]) : s.padStart(widths[i])))
    .join("  ")
    .trimEnd();
console.log(line(head));
for (const c of cells) console.log(line(c));
const failed = rows.filter((r) => r.problem);
console.log(
  `\n${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s; ${failed.length ? `${failed.length} FAILED` : "no timeouts or unexpected errors"}`,
);
process.exit(failed.length ? 1 : 0);
