import { expect, test, blockExternalRequests, feed, ingest } from "./helpers";

const DREAMX = "DreamX-Phi 1.0: Action-Conditioned Video World Model for Robotic Manipulation";

test.beforeEach(async ({ page, request }) => {
  await blockExternalRequests(page);
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
});

test("the header's search finds a paper by a title word, the match in <mark>", async ({ page }) => {
  await page.goto("/papers?date=2026-08-14");
  const box = page.getByRole("combobox", { name: "Search papers" });
  await box.fill("manipulation");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=manipulation$/);
  await expect(page).toHaveTitle("Search: manipulation · Paperboy");
  await expect(page.getByRole("heading", { level: 2, name: "Results for “manipulation”" })).toBeVisible();

  const card = page.getByTestId("paper-card").filter({ has: page.getByRole("link", { name: DREAMX }) });
  await expect(card).toHaveCount(1);
  await expect(card.locator("h3 mark").first()).toHaveText(/manipulation/i);
  // The search's RSS feed is advertised.
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
    "href",
    /\/search\/feed\.xml\?q=manipulation$/,
  );
});

test("search finds a paper by an author's name, the name in <mark>", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("Xiangxiang Chu")}`);
  const card = page.getByTestId("paper-card").filter({ has: page.getByRole("link", { name: DREAMX }) });
  await expect(card).toHaveCount(1);
  await expect(card.locator("mark", { hasText: "Xiangxiang Chu" })).toBeVisible();
  await expect(card.getByRole("link", { name: "Xiangxiang Chu" })).toHaveAttribute("href", "/authors/Xiangxiang%20Chu");
});

test("filters narrow the search", async ({ page }) => {
  await page.goto("/search?q=manipulation&org=alibabagroup");
  await expect(page.getByRole("link", { name: DREAMX })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /Organization/ })).toHaveValue("alibabagroup");

  // Before arXiv existed: other specs add papers of their own (for-you.spec.ts ingests 2019 ones), so only such a date is empty for sure.
  await page.goto("/search?q=manipulation&to=1990-01-01");
  await expect(page.getByText("No papers match “manipulation”")).toBeVisible();
  await page.getByRole("link", { name: "search without them" }).click();
  await expect(page.getByRole("link", { name: DREAMX })).toBeVisible();
});

test("empty, unusable and unmatched queries say what to do", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByText("Type some words to search")).toBeVisible();
  await expect(page.getByText(/"exact phrase"/)).toBeVisible();
  await page.goto("/search?q=---");
  await expect(page.getByText("Type some words to search")).toBeVisible();
  await page.goto("/search?q=-survey");
  await expect(page.getByText("Type some words to search")).toBeVisible();
  await page.goto("/search?q=zzqqxxjjvv");
  await expect(page.getByText("No papers match “zzqqxxjjvv”")).toBeVisible();
});

test("the search box suggests papers while typing", async ({ page }) => {
  await page.goto("/papers?date=2026-08-14");
  const box = page.getByRole("combobox", { name: "Search papers" });
  // Typing before hydration would fill the field without React seeing it.
  await expect(box).toHaveAttribute("data-keys", "ready");
  await box.click();
  await box.pressSequentially("Dream", { delay: 50 });
  const suggestions = page.getByRole("listbox", { name: "Suggested papers" });
  await expect(suggestions.getByRole("option", { name: DREAMX })).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");

  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  const active = await box.getAttribute("aria-activedescendant");
  const activeTitle = await page.locator(`[id="${active}"]`).innerText();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/papers\/\d{4}\.\d{4,5}$/);
  await expect(page.getByRole("heading", { level: 1, name: activeTitle })).toBeVisible();
});
