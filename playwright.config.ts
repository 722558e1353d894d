import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against the production build. `npm test`
 * (scripts/test.ts) builds the app, starts a throwaway Postgres and sets E2E_* below;
 * Playwright starts the server itself.
 */
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.E2E_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // This machine has no outside network: keep Chromium from trying.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(port), HOSTNAME: "127.0.0.1", SEED_SAMPLE_FEEDS: "false", ADMIN_EMAILS: "admin-e2e@example.org" },
  },
});
