/**
 * npm run ingest -- <file or URL> [more…] [--format hf-daily|arxiv-atom|arxiv-rss|hf-page-text] [--year 2026]
 *
 * Ingests feed documents into DATABASE_URL (or the embedded database) through the same
 * code as POST /api/ingest, printing each run's counts. Exits non-zero if any failed.
 * Long runs show their progress on stderr: a bar on a terminal, a line every 5 s otherwise.
 */
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestUrl } from "@/lib/ingest/ingest-url";
import { createProgressReporter } from "@/lib/ingest/progress";
import { runIngest } from "@/lib/ingest/run-ingest";
import type { FeedFormat } from "@/lib/ingest/types";
import { resolveDatabase } from "@/lib/server/database";
import { applyMigrations } from "@/lib/server/migrate";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: "string" }, year: { type: "string" }, "max-bytes": { type: "string" }, help: { type: "boolean", short: "h" } },
});

if (values.help || !positionals.length) {
  console.log("Usage: npm run ingest -- <file or URL> [...] [--format F] [--year YYYY] [--max-bytes N]");
  process.exit(values.help ? 0 : 2);
}

// Progress goes to stderr: a bar redrawn in place on a terminal, a line every few
// seconds otherwise (logs, CI); the summaries stay on stdout.
const interactive = Boolean(process.stderr.isTTY);

async function main() {
  const database = await resolveDatabase();
  await applyMigrations(database.url);
  const common = {
    trigger: "cli" as const,
    format: values.format as FeedFormat | undefined,
    year: values.year ? Number(values.year) : undefined,
    maxBytes: values["max-bytes"] ? Number(values["max-bytes"]) : undefined,
  };
  let failed = 0;
  for (const target of positionals) {
    const isUrl = /^https?:\/\//.test(target);
    const label = isUrl ? target : path.basename(target);
    let progress = createProgressReporter({ label, out: process.stderr, interactive });
    try {
      let summary;
      if (isUrl) {
        const result = await ingestUrl(target, { ...common, onProgress: progress.update });
        progress.done();
        if (result.notModified) {
          console.log(`${label}: not modified`);
          continue;
        }
        summary = result;
      } else {
        const size = statSync(target).size;
        progress = createProgressReporter({ label, totalBytes: size, out: process.stderr, interactive });
        summary = await runIngest({
          ...common,
          body: createReadStream(target, { highWaterMark: 1 << 20 }),
          origin: path.resolve(target),
          declaredBytes: size,
          onProgress: progress.update,
        });
        progress.done();
      }
      console.log(
        `${label}: ${summary.format}, ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected (run ${summary.runId}, ${summary.durationMs} ms)`,
      );
      for (const r of summary.rejections) console.log(`  rejected ${r.ref}: ${r.reason}`);
    } catch (err) {
      failed++;
      progress.done();
      const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
      console.error(`${label}: ${message}`);
    }
  }
  await disconnectDb();
  await database.stop();
  return failed;
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
