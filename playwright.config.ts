import dns from "node:dns";
import { defineConfig } from "@playwright/test";
import { startCommand } from "./lib/test/start-command";

/**
 * End-to-end tests in Debian's Chromium against the production build. `npm test`
 * (scripts/test.ts) builds the app, starts a throwaway Postgres and sets E2E_* below;
 * Playwright starts the server itself.
 *
 * The whole suite reaches the app the way people reach a deployment: by a host name that is not
 * localhost (AUTH_URL=http://paperboy.test:PORT), so every link the app makes (sign-in emails,
 * share links, feeds, digests) is followed at the address it names. Chromium maps the name to
 * loopback with --host-resolver-rules; the test process (Playwright's `request`, fetch) with the
 * lookup override below. Nothing else on the machine resolves it.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const arxivPort = Number(process.env.E2E_ARXIV_PORT ?? 3199);
export const PUBLIC_HOST = "paperboy.test";
const publicUrl = `http://${PUBLIC_HOST}:${port}`;

type Lookup = typeof dns.lookup;
const lookup = dns.lookup;
dns.lookup = ((hostname: string, ...rest: unknown[]) =>
  (lookup as (...a: unknown[]) => void)(hostname === PUBLIC_HOST ? "127.0.0.1" : hostname, ...rest)) as Lookup;
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = ((hostname: string, ...rest: unknown[]) =>
  (lookupPromise as (...a: unknown[]) => unknown)(
    hostname === PUBLIC_HOST ? "127.0.0.1" : hostname,
    ...rest,
  )) as typeof dns.promises.lookup;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.E2E_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]] : [["list"]],
  use: {
    baseURL: publicUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        // This machine has no outside network: keep Chromium from trying.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`,
      ],
    },
  },
  webServer: {
    // As `npm start` runs it (its Node flags included), without npm in between.
    command: ["node", ...startCommand().flags, "scripts/start.mjs"].join(" "),
    // Playwright polls this before any test, outside the lookup override: loopback.
    url: `http://127.0.0.1:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_URL: publicUrl,
      SEED_SAMPLE_FEEDS: "false",
      // admin.spec.ts polls a feed served from 127.0.0.1, which feed fetches refuse by default.
      ALLOW_PRIVATE_FEEDS: "true",
      // Second and third admins for discussion.spec.ts and community-submit.spec.ts: sign-in mails are limited to 5
      // an hour per address, so each spec signs in its own.
      ADMIN_EMAILS: "admin-e2e@example.org, moderator-e2e@example.org, claims-admin-e2e@example.org",
      // The local arXiv stand-in (lib/test/arxiv-stand-in.ts), started by community-submit.spec.ts.
      ARXIV_API_URL: `http://127.0.0.1:${arxivPort}/api/query`,
    },
  },
});
