/**
 * npm run ingest -- <file or URL> [more…] [--format hf-daily|arxiv-atom|arxiv-rss|hf-page-text] [--year 2026]
 *
 * Ingests feed documents into DATABASE_URL (or the embedded database) through the same
 * code as POST /api/ingest, printing each run's counts. Exits non-zero if any failed.
 */
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestUrl } from "@/lib/ingest/ingest-url";
import { formatBytes } from "@/lib/ingest/read-document";
import { runIngest, type IngestProgress } from "@/lib/ingest/run-ingest";
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

const interactive = process.stderr.isTTY;
function progressLine(label: string, p: IngestProgress, total?: number) {
  const done = total ? ` ${Math.min(100, Math.round((p.bytes / total) * 100))}%` : "";
  const line = `${label}${done} · ${formatBytes(p.bytes)} · ${p.new} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.rejected} rejected`;
  if (interactive) process.stderr.write(`\r\x1b[K${line}`);
}

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
    const label = /^https?:\/\//.test(target) ? target : path.basename(target);
    try {
      let summary;
      if (/^https?:\/\//.test(target)) {
        const result = await ingestUrl(target, { ...common, onProgress: (p) => progressLine(label, p) });
        if (result.notModified) {
          console.log(`${label}: not modified`);
          continue;
        }
        summary = result;
      } else {
        const size = statSync(target).size;
        summary = await runIngest({ ...common, body: createReadStream(target), origin: path.resolve(target), declaredBytes: size, onProgress: (p) => progressLine(label, p, size) });
      }
      if (interactive) process.stderr.write("\r\x1b[K");
      console.log(
        `${label}: ${summary.format}, ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected (run ${summary.runId}, ${summary.durationMs} ms)`,
      );
      for (const r of summary.rejections) console.log(`  rejected ${r.ref}: ${r.reason}`);
    } catch (err) {
      failed++;
      if (interactive) process.stderr.write("\r\x1b[K");
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
