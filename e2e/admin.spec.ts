import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, blockExternalRequests, signIn, syntheticEntry } from "./helpers";

/**
 * The admin section in Chromium: an admin (listed in ADMIN_EMAILS by playwright.config.ts)
 * adds a feed served by a local HTTP server, polls it, and sees the run and its counts; the
 * second poll is a conditional GET answered 304. Plain users and the signed out never see it.
 */
const ADMIN = "admin-e2e@example.org";

// Real captured entries with ids and days of this spec's own (the e2e database is shared).
const entries = [
  syntheticEntry({ id: "1907.00301", day: "2019-07-01", title: "Admin feed paper one", upvotes: 3 }),
  syntheticEntry({ id: "1907.00302", day: "2019-07-01", title: "Admin feed paper two", upvotes: 2 }),
  syntheticEntry({ id: "1907.00303", day: "2019-07-01", title: "Admin feed paper three", upvotes: 1 }),
];
const body = JSON.stringify(entries);
const etag = '"admin-e2e-1"';
let server: Server;
let feedUrl = "";
const seen: { ifNoneMatch?: string }[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ ifNoneMatch: req.headers["if-none-match"] });
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { "content-type": "application/json", etag });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/daily_papers?date=2019-07-01`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("an admin adds a feed, polls it, and sees the run and its counts", async ({ page }) => {
  await signIn(page, ADMIN, "/");
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Feeds" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();

  // Added paused, so the every-minute schedule cannot poll it before we do.
  await page.getByLabel("Feed URL").fill("ftp://example.org/feed");
  await page.getByRole("button", { name: "Add feed" }).click();
  await expect(page.getByText("Enter an http:// or https:// URL")).toBeVisible();
  await page.getByLabel("Feed URL").fill(feedUrl);
  await page.getByLabel("Name").fill("E2E admin feed");
  await page.getByLabel("Format").selectOption("auto");
  await page.getByLabel("Poll on schedule").uncheck();
  await page.getByRole("button", { name: "Add feed" }).click();
  await expect(page.getByText("Added “E2E admin feed”")).toBeVisible();

  const row = page.getByTestId("feed-row").filter({ hasText: "E2E admin feed" });
  await expect(row).toContainText("paused");
  await expect(row).toContainText("never");
  await row.getByRole("button", { name: "Poll now E2E admin feed" }).click();
  await expect(row.getByTestId("poll-result")).toContainText("3 new, 0 updated, 0 unchanged, 0 rejected", { timeout: 15_000 });
  await expect(row).toContainText("HTTP 200");
  await expect(row).toContainText(etag);

  // The run's own page, with its counts.
  await row
    .getByTestId("poll-result")
    .getByRole("link", { name: /Run #\d+/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/runs\/\d+$/);
  await expect(page.getByTestId("count-new")).toHaveText("3");
  await expect(page.getByTestId("count-updated")).toHaveText("0");
  await expect(page.getByTestId("count-rejected")).toHaveText("0");
  await expect(page.getByText("E2E admin feed")).toBeVisible();

  // Polled again: a conditional GET, answered 304, recorded as a run that changed nothing.
  await page.goto("/admin/feeds");
  await row.getByRole("button", { name: "Poll now E2E admin feed" }).click();
  await expect(row.getByText(/Not modified since the last poll/)).toBeVisible({ timeout: 15_000 });
  expect(seen.at(-1)?.ifNoneMatch).toBe(etag);

  // The run history lists both runs of the feed, newest first.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Ingest runs" }).click();
  const runs = page.getByTestId("run-row").filter({ hasText: "E2E admin feed" });
  await expect(runs).toHaveCount(2);
  await expect(runs.first()).toContainText("not modified");
  await expect(runs.nth(1)).toContainText("succeeded");

  // The papers are on the site, and the audit log names the admin.
  await page.goto("/papers/1907.00302");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Admin feed paper two");
  await page.goto("/admin/audit");
  const audit = page.getByTestId("audit-row");
  await expect(audit.filter({ hasText: "feed.create" }).filter({ hasText: ADMIN })).toHaveCount(1);
  await expect(audit.filter({ hasText: "feed.poll" })).toHaveCount(2);
});

test("a plain user gets a 404 on the admin pages and no Admin link", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\) \(http:\/\/[^/]+\/admin/);
  await signIn(page, "plain-e2e@example.org", "/");
  await page.getByTestId("user-menu").locator("summary").click();
  await expect(page.getByRole("link", { name: "Profile and upvotes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  for (const path of ["/admin", "/admin/feeds", "/admin/runs", "/admin/audit"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  }
  const upload = await page.request.post("/api/admin/ingest?name=x.json", { data: body, headers: { origin: new URL(page.url()).origin } });
  expect(upload.status()).toBe(403);
});

test("the signed out are sent to sign in", async ({ page }) => {
  await page.goto("/admin/feeds");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Ffeeds/);
});
