/**
 * npm run export -- [file] [--batch-size N]
 *
 * Writes every paper of DATABASE_URL (or the embedded database) as Hugging Face daily-papers
 * JSON, which `npm run ingest -- <file>` reads back. Without a file (or with `-`) the JSON
 * goes to stdout (use `npm run -s export > papers.json`, since npm prints a banner otherwise).
 * A file is written under `<file>.partial` and renamed when complete, so a failed export never
 * leaves a truncated file behind. Counts go to stderr.
 */
import { once } from "node:events";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "batch-size": { type: "string" }, help: { type: "boolean", short: "h" } },
});

if (values.help || positionals.length > 1) {
  console.error("Usage: npm run export -- [file | -] [--batch-size N]");
  process.exit(values.help ? 0 : 2);
}

const target = positionals[0] && positionals[0] !== "-" ? path.resolve(positionals[0]) : null;
// Log lines would corrupt JSON on stdout; set before the logger is first imported.
if (!target) process.env.LOG_LEVEL = "silent";

const { db, disconnectDb } = await import("@/lib/db");
const { exportPapers } = await import("@/lib/ops/export-papers");
const { resolveDatabase } = await import("@/lib/server/database");
const { applyMigrations } = await import("@/lib/server/migrate");

async function main() {
  const database = await resolveDatabase();
  const partial = target ? `${target}.partial` : null;
  try {
    await applyMigrations(database.url);
    const out = partial ? createWriteStream(partial, { mode: 0o644 }) : process.stdout;
    const interactive = process.stderr.isTTY;
    const summary = await exportPapers({
      prisma: db(),
      out,
      batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
      onProgress: (p) => interactive && process.stderr.write(`\r\x1b[K${p.papers} papers, ${p.entries} entries`),
    });
    if (interactive) process.stderr.write("\r\x1b[K");
    if (partial && target) {
      out.end();
      await once(out, "close");
      renameSync(partial, target);
    } else {
      // Write callbacks run in order: once this one has, everything before it reached the pipe.
      await new Promise<void>((resolve, reject) => process.stdout.write("", (err) => (err ? reject(err) : resolve())));
    }
    console.error(`exported ${summary.papers} papers as ${summary.entries} entries${target ? ` to ${target}` : ""}`);
    if (summary.skippedWithoutId) console.error(`left out ${summary.skippedWithoutId} papers known only by title (no arXiv id)`);
    if (summary.skippedHidden) console.error(`left out ${summary.skippedHidden} hidden papers`);
  } catch (err) {
    if (partial) rmSync(partial, { force: true });
    throw err;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
