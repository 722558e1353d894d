import { expect, test, blockExternalRequests, feed, ingest, syntheticEntry } from "./helpers";

const DREAMX = "DreamX-Phi 1.0: Action-Conditioned Video World Model for Robotic Manipulation";

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("a card opens the paper's page, with its links, authors and similar papers", async ({ page, request }) => {
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  await page.goto("/papers?date=2026-08-14");
  await page.getByRole("link", { name: DREAMX, exact: true }).click();

  await expect(page).toHaveURL(/\/papers\/2608\.13489$/);
  await expect(page).toHaveTitle(`${DREAMX} · Paperboy`);
  await expect(page.getByRole("heading", { level: 1, name: DREAMX })).toBeVisible();
  await expect(page.getByRole("link", { name: "arXiv page" })).toHaveAttribute("href", "https://arxiv.org/abs/2608.13489");
  await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", "https://arxiv.org/pdf/2608.13489");
  await expect(page.getByRole("link", { name: /AMAP-ML\/DreamX-Phi/ })).toHaveAttribute("href", "https://github.com/AMAP-ML/DreamX-Phi");
  await expect(page.getByRole("heading", { level: 2, name: "Abstract" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "AI summary" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aug 14, 2026" })).toHaveAttribute("href", "/papers?date=2026-08-14");

  const similar = page.getByRole("list", { name: "Similar papers" });
  await expect(similar.getByTestId("paper-card").first()).toBeVisible();
  expect(await similar.getByTestId("paper-card").count()).toBeGreaterThan(0);
  await expect(similar.getByRole("link", { name: DREAMX, exact: true })).toHaveCount(0);

  // Open Graph tags for link previews, as a crawler loads the page (after a client-side
  // navigation Next may keep the previous page's tags in the head for a while).
  const html = await (await request.get("/papers/2608.13489")).text();
  expect(html).toContain(`<meta property="og:title" content="${DREAMX}"/>`);
  expect(html).toContain(`<meta property="og:type" content="article"/>`);

  // Authors and the organization have pages of their own.
  await page.getByRole("list", { name: "Authors" }).getByRole("link", { name: "Rui Chen" }).click();
  await expect(page).toHaveURL(/\/authors\/Rui%20Chen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rui Chen" })).toBeVisible();
  await expect(page.getByRole("link", { name: DREAMX, exact: true })).toBeVisible();
});

test("an organization page lists its papers", async ({ page, request }) => {
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  await page.goto("/papers/2608.13489");
  await page
    .getByRole("link", { name: /alibabagroup/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/orgs\/alibabagroup$/);
  await expect(page.getByRole("link", { name: DREAMX, exact: true })).toBeVisible();
});

test("a versioned id redirects to the canonical page", async ({ page, request }) => {
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  const res = await page.goto("/papers/2608.13489v2");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/papers\/2608\.13489$/);
  await expect(page.getByRole("heading", { level: 1, name: DREAMX })).toBeVisible();
});

test("old-style arXiv ids have pages too", async ({ page, request }) => {
  await ingest(
    request,
    JSON.stringify([syntheticEntry({ id: "hep-th/9901001", day: "2019-01-05", title: "An old-style arXiv id about strings" })]),
  );
  await page.goto("/papers/hep-th/9901001v1");
  await expect(page).toHaveURL(/\/papers\/hep-th\/9901001$/);
  await expect(page.getByRole("heading", { level: 1, name: "An old-style arXiv id about strings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", "https://arxiv.org/pdf/hep-th/9901001");
});

test("unknown papers, authors and organizations are real 404s", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  for (const path of ["/papers/2001.99999", "/papers/not-an-arxiv-id", "/papers/local-999999999"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Paper not found" })).toBeVisible();
  }
  let res = await page.goto("/authors/Nobody%20Wrote%20This");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Author not found" })).toBeVisible();
  res = await page.goto("/orgs/no-such-organization-here");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Organization not found" })).toBeVisible();
  res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("hostile feed text is shown as text: no script runs, no element is injected", async ({ page, request }) => {
  const title = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> Hostile $\\href{javascript:alert(1)}{x}$ title`;
  const entry = syntheticEntry({
    id: "1901.00077",
    day: "2019-01-07",
    title,
    abstract: `Hostile abstract <img src=x onerror="alert(2)"> with $\\href{javascript:alert(3)}{click me}$ and <b>bold</b>.`,
  });
  entry.paper.githubRepo = "javascript:alert(4)";
  entry.paper.projectPage = "javascript:alert(5)";
  entry.thumbnail = "javascript:alert(6)";
  entry.paper.ai_summary = `<img src=x onerror="alert(7)">`;
  await ingest(request, JSON.stringify([entry]));

  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  for (const path of ["/papers?date=2019-01-07", "/papers/1901.00077", "/search?q=hostile+abstract"]) {
    await page.goto(path);
    await expect(page.getByText("Hostile", { exact: false }).first()).toBeVisible();
    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      images: document.querySelectorAll("main img[src=x], main img[onerror]").length,
      bold: document.querySelectorAll("main b").length,
      jsLinks: Array.from(document.querySelectorAll("a[href]")).filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
      scripts: Array.from(document.querySelectorAll("main script")).filter((s) => s.textContent?.includes("__pwned")).length,
    }));
    expect(injected, path).toEqual({ pwned: undefined, images: 0, bold: 0, jsLinks: 0, scripts: 0 });
  }
  // The paper page shows the markup as text.
  await page.goto("/papers/1901.00077");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`<img src=x onerror="window.__pwned=2">`);
  await expect(page.getByText(`<img src=x onerror="alert(7)">`)).toBeVisible();
  expect(dialogs).toEqual([]);
});
