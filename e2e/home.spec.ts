import { expect, test, blockExternalRequests, feed, ingest } from "./helpers";

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("the home page shows the papers of the latest ingested day", async ({ page, request }) => {
  const summary = await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  expect(summary.new + summary.unchanged).toBe(23);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Daily Papers" })).toBeVisible();
  // The day shown (its heading; the streamed <title> holds the date too).
  await expect(page.getByRole("heading", { name: "Aug 14, 2026" })).toBeVisible();
  await expect(page.getByTestId("paper-card")).toHaveCount(23);
  await expect(
    page.getByRole("heading", { name: "DreamX-Phi 1.0: Action-Conditioned Video World Model for Robotic Manipulation" }),
  ).toBeVisible();
});

test("feed text that looks like HTML is shown as text and runs nothing", async ({ page, request }) => {
  const entries = JSON.parse(feed("hf-daily-papers-2026-08-14.json"));
  const [entry] = entries;
  const title = `<img src=x onerror="window.__pwned=1">Hostile <script>window.__pwned=2</script> title`;
  entry.title = title;
  entry.paper.title = title;
  entry.paper.id = "2609.00001";
  // A day long before the captures, so this paper never becomes "the latest day" of other tests.
  entry.paper.submittedOnDailyAt = "2019-09-01T00:00:00.000Z";
  await ingest(request, JSON.stringify([entry]));

  const dialogs: string[] = [];
  page.on("dialog", (d) => dialogs.push(d.message()));
  await page.goto("/papers?date=2019-09-01");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("main img[src=x]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("behind a TLS-terminating load balancer the lists are served, not proxied to localhost", async ({ request }) => {
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  const behindTls = { "x-forwarded-proto": "https", "x-forwarded-host": "papers.example.org", host: "papers.example.org" };
  for (const path of ["/", "/papers?date=2026-08-14&sort=upvotes", "/papers/week/2026-W33", "/papers/month/2026-08"]) {
    const res = await request.get(path, { headers: behindTls });
    expect(res.status(), path).toBe(200);
    expect(await res.text(), path).toContain("DreamX-Phi 1.0");
  }
  // A lower-case week is the same page, which names the canonical address.
  const lower = await request.get("/papers/week/2026-w33", { headers: behindTls, maxRedirects: 0 });
  expect(lower.status()).toBe(200);
  expect(await lower.text()).toMatch(/<link rel="canonical" href="[^"]*\/papers\/week\/2026-W33"/);
});
