/**
 * `npm run bench:js -- [--skip-build] [--verbose]`: the JavaScript each page loads, gzipped,
 * against its budget (READ_BUDGET_KB for pages that only read, PAGE_BUDGET_KB for the rest: e2e/js-budget.ts).
 *
 * It builds the app (`npm run build`; `--skip-build` reuses .next), starts the production server
 * on a throwaway Postgres with the sample papers, and runs e2e/js-budget.spec.ts in Chromium,
 * which records every script each page loads (lazily loaded chunks included) and gzips each
 * at zlib level 6 (what Next's compression sends). Prints a table per page; `--verbose` lists
 * each page's scripts too. Exits 1 when a page is over its budget.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { budgetTable, kb, overBudget, type PageScripts } from "@/e2e/js-budget";
import { createDatabaseFromTemplate, freePort, startTestPostgres } from "@/lib/test/postgres";
import { root, runBench } from "./pages-util";

const args = new Set(process.argv.slice(2));
if (args.has("--help")) {
  console.log("npm run bench:js -- [--skip-build] [--verbose]");
  process.exit(0);
}

function run(command: string, argv: string[], env: Record<string, string> = {}): number {
  return spawnSync(command, argv, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

async function main(): Promise<number> {
  if (!args.has("--skip-build")) {
    if (run("npm", ["run", "-s", "build"]) !== 0) return 1;
  } else if (!existsSync(path.join(root, ".next/standalone/server.js"))) {
    console.error("No production build in .next: run without --skip-build.");
    return 1;
  }
  const pg = await startTestPostgres();
  const work = mkdtempSync(path.join(os.tmpdir(), "paperboy-js-budget-"));
  const report = path.join(work, "js-budget.json");
  try {
    // As scripts/test.ts runs the e2e suite: the server is started by playwright.config.ts.
    const status = run("npx", ["playwright", "test", "e2e/js-budget.spec.ts", "--reporter=dot"], {
      DATABASE_URL: await createDatabaseFromTemplate(pg.adminUrl, "paperboy_js_budget"),
      DATA_DIR: path.join(work, "data"),
      INGEST_TOKEN: "bench-ingest-token-0123456789",
      AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
      MAILDEV_SMTP_PORT: String(await freePort()),
      MAILDEV_WEB_PORT: String(await freePort()),
      E2E_PORT: String(await freePort()),
      LOG_LEVEL: "warn",
      JS_BUDGET_REPORT: report,
    });
    if (!existsSync(report)) {
      console.error("the measuring spec wrote no report");
      return 1;
    }
    const pages = JSON.parse(readFileSync(report, "utf8")) as PageScripts[];
    console.log(`\nJavaScript per page, as Chromium loaded it from the production build (gzip: zlib level 6):\n`);
    console.log(budgetTable(pages));
    if (args.has("--verbose")) {
      for (const p of pages) {
        console.log(`\n${p.path}`);
        for (const s of p.scripts)
          console.log(`  ${kb(s.gzip).padStart(6)} KB gz  ${kb(s.raw).padStart(6)} KB  ${new URL(s.url).pathname}`);
      }
    }
    const over = pages.filter(overBudget);
    console.log(over.length ? `\n${over.length} page(s) over budget` : "\nevery page within its budget");
    return over.length || status !== 0 ? 1 : 0;
  } finally {
    await pg.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runBench(main, 1);
