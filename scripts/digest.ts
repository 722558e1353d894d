/**
 * npm run digest -- --now [--frequency daily|weekly] [--period 2026-11-24 | 2026-W47] [--concurrency 4]
 *
 * Sends the digests that are due now (yesterday's daily digest, last week's weekly one), the
 * retries that are due, and gives up sends left behind by a crash: what the every-minute job
 * does, by hand and without waiting for the schedule. `--period` sends another period instead.
 * Running it again is safe: each subscription gets each period's digest once.
 *
 * Reads DATABASE_URL (or starts the embedded database), SMTP_URL (or uses the mail catcher of a
 * running `npm run dev`, on MAILDEV_SMTP_PORT), and AUTH_SECRET, which signs the unsubscribe
 * links and must be the server's (unset: the one the server generated into DATA_DIR).
 */
import { parseArgs } from "node:util";
import { disconnectDb, db } from "@/lib/db";
import { FREQUENCIES, parsePeriod, type Frequency, type Period } from "@/lib/digest/periods";
import { runDueDigests } from "@/lib/digest/schedule";
import { env } from "@/lib/env";
import { resolveDatabase } from "@/lib/server/database";
import { applyMigrations } from "@/lib/server/migrate";
import { settleSecrets } from "@/lib/server/secrets";

const usage = "Usage: npm run digest -- --now [--frequency daily|weekly] [--period YYYY-MM-DD|YYYY-Www] [--concurrency N]";
const { values } = parseArgs({
  options: {
    now: { type: "boolean", default: false },
    frequency: { type: "string" },
    period: { type: "string" },
    concurrency: { type: "string", default: "4" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help || !values.now) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

function fail(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(2);
}

const frequencies: readonly Frequency[] = values.frequency ? [values.frequency as Frequency] : FREQUENCIES;
if (values.frequency && !FREQUENCIES.includes(values.frequency as Frequency))
  fail(`--frequency must be daily or weekly, not ${JSON.stringify(values.frequency)}`);
let periods: Period[] | undefined;
if (values.period) {
  if (!values.frequency) fail("--period needs --frequency");
  const period = parsePeriod(frequencies[0], values.period);
  if (!period)
    fail(`--period ${JSON.stringify(values.period)} is not a ${frequencies[0] === "daily" ? "day (YYYY-MM-DD)" : "week (YYYY-Www)"}`);
  periods = [period];
}
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) fail("--concurrency must be between 1 and 64");

async function main() {
  const database = await resolveDatabase();
  await applyMigrations(database.url);
  if (!env().AUTH_SECRET) settleSecrets({ embedded: database.embedded });
  if (!env().SMTP_URL) {
    process.env.SMTP_URL = `smtp://127.0.0.1:${env().MAILDEV_SMTP_PORT}`;
    console.error(`SMTP_URL is not set: sending to the mail catcher at ${process.env.SMTP_URL}`);
  }
  try {
    const summary = await runDueDigests({ prisma: db(), force: true, frequencies, periods, concurrency });
    if (summary.stale) console.log(`${summary.stale} send(s) interrupted by an earlier crash given up (outcome unknown, not resent)`);
    for (const r of summary.runs) {
      console.log(
        `${r.frequency} ${r.period}: ${r.sent} sent, ${r.empty} with nothing new, ${r.failed} to retry, ${r.gaveUp} given up, ${r.unknown} of unknown outcome, ${r.skipped} already sent (run ${r.runId}, ${r.ms} ms)`,
      );
    }
    const t = summary.retries;
    if (t.sent + t.failed + t.gaveUp + t.unknown)
      console.log(`retries: ${t.sent} sent, ${t.failed} to retry again, ${t.gaveUp} given up, ${t.unknown} of unknown outcome`);
    return summary.runs.some((r) => r.failed || r.gaveUp) ? 1 : 0;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
