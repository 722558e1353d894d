/**
 * `npm test`: every test, on a clean machine with only Node.js.
 *   0. type check, lint and format check,
 *   1. unit and integration tests (vitest; its global setup starts a throwaway Postgres),
 *   2. the production build,
 *   3. end-to-end tests in Chromium (Debian's, installed with apt when missing and we are root)
 *      against that build, on a fresh database in another throwaway Postgres.
 * Ends with one line "N passed, N failed" and a non-zero exit code if anything failed.
 * `npm test -- --unit` or `-- --e2e` runs one half; other arguments go to Playwright
 * (`npm test -- --e2e e2e/lists.spec.ts`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseFromTemplate, freePort, startTestPostgres } from "@/lib/test/postgres";

const args = new Set(process.argv.slice(2));
const playwrightArgs = process.argv.slice(2).filter((a) => a !== "--e2e" && a !== "--unit");
const runUnit = !args.has("--e2e");
const runE2e = !args.has("--unit");
const resultsDir = path.resolve(".test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command: string, argv: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${command} ${argv.join(" ")}`);
  return spawnSync(command, argv, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function ensureChromium(): string {
  const wanted = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(wanted)) return wanted;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${wanted}: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (
    run("apt-get", ["update", "-qq"], env) !== 0 ||
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], env) !== 0
  ) {
    throw new Error("Could not install chromium with apt-get");
  }
  return wanted;
}

/**
 * Type check, lint (with the layering rule) and format check: each counts as one test, so a
 * red one fails the run like any other.
 */
function staticChecks() {
  for (const [name, argv] of [
    ["typecheck", ["run", "-s", "typecheck"]],
    ["lint", ["run", "-s", "lint"]],
    ["format", ["run", "-s", "format:check"]],
  ] as const) {
    if (run("npm", [...argv]) === 0) totals.passed += 1;
    else {
      totals.failed += 1;
      console.error(`${name} failed`);
    }
  }
}

async function unitAndIntegration() {
  const report = path.join(resultsDir, "vitest.json");
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) {
    totals.failed += 1;
    console.error("vitest produced no report");
    return;
  }
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0);
  totals.skipped += json.numPendingTests + json.numTodoTests;
}

async function endToEnd() {
  const chromium = ensureChromium();
  if (run("npm", ["run", "build"]) !== 0) {
    totals.failed += 1;
    console.error("the production build failed: end-to-end tests not run");
    return;
  }
  const pg = await startTestPostgres();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "paperboy-e2e-"));
  try {
    const report = path.join(resultsDir, "playwright.json");
    const env = {
      DATABASE_URL: await createDatabaseFromTemplate(pg.adminUrl, "paperboy_e2e"),
      DATA_DIR: dataDir,
      INGEST_TOKEN: "e2e-ingest-token-0123456789",
      // The production server refuses to start without it when DATABASE_URL is set.
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef",
      MAILDEV_SMTP_PORT: String(await freePort()),
      MAILDEV_WEB_PORT: String(await freePort()),
      E2E_PORT: String(await freePort()),
      // The arXiv API stand-in e2e/community-submit.spec.ts starts; the app is pointed at it.
      E2E_ARXIV_PORT: String(await freePort()),
      E2E_JSON_REPORT: report,
      CHROMIUM_PATH: chromium,
      LOG_LEVEL: "warn",
    };
    const status = run("npx", ["playwright", "test", ...playwrightArgs], env);
    const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
    if (!json) {
      totals.failed += 1;
      console.error("playwright produced no report");
      return;
    }
    totals.passed += json.stats.expected + json.stats.flaky;
    totals.failed += json.stats.unexpected + (status !== 0 && json.stats.unexpected === 0 ? 1 : 0);
    totals.skipped += json.stats.skipped;
  } finally {
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (runUnit) staticChecks();
  if (runUnit) await unitAndIntegration();
  if (runE2e) await endToEnd();
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
    process.exit(1);
  },
);
