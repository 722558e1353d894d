import { expect, test, blockExternalRequests, captureEntries, cardTitles, feed, ingest, syntheticEntry } from "./helpers";

test.beforeEach(async ({ page, request }) => {
  await blockExternalRequests(page);
  await ingest(request, feed("hf-daily-papers-2026-03-04.json"));
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
});

test("previous / next skip empty days, and the calendar leads to a day", async ({ page }) => {
  test.slow(); // a dozen navigations
  await page.goto("/papers?date=2026-08-14");
  await expect(page.getByRole("heading", { level: 2, name: "Aug 14, 2026" })).toBeVisible();
  await expect(page.getByTestId("paper-card")).toHaveCount(23);

  // Nothing between Mar 4 and Aug 14: "previous" jumps over the empty days.
  await page.getByRole("link", { name: "Previous day: Mar 4, 2026" }).click();
  await expect(page).toHaveURL(/\/papers\?date=2026-03-04$/);
  await expect(page.getByRole("heading", { level: 2, name: "Mar 4, 2026" })).toBeVisible();
  await expect(page.getByTestId("paper-card")).toHaveCount(24);
  await page.getByRole("link", { name: "Next day: Aug 14, 2026" }).click();
  await expect(page).toHaveURL(/date=2026-08-14$/);

  // The calendar: arrows change its month without leaving the day; days with papers are links.
  const calendar = page.getByRole("complementary", { name: "Calendar" });
  await expect(calendar.getByRole("link", { name: "Aug 14, 2026" })).toHaveAttribute("aria-current", "date");
  await expect(calendar.getByRole("link", { name: "Aug 13, 2026" })).toHaveCount(0);
  for (const month of ["July", "June", "May", "April", "March"]) {
    await calendar.getByRole("link", { name: `Calendar for ${month} 2026` }).click();
    await expect(calendar.getByRole("table", { name: new RegExp(`^${month} 2026`) })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 2, name: "Aug 14, 2026" })).toBeVisible();
  await calendar.getByRole("link", { name: "Mar 4, 2026" }).click();
  await expect(page).toHaveURL(/date=2026-03-04/);
  await expect(page.getByRole("heading", { level: 2, name: "Mar 4, 2026" })).toBeVisible();
});

test("the weekly and monthly views show the papers of their period", async ({ page }) => {
  test.slow(); // a dozen navigations
  await page.goto("/papers?date=2026-08-14");
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Weekly" }).click();
  await expect(page).toHaveURL(/\/papers\/week\/2026-W33$/);
  await expect(page.getByRole("heading", { level: 1, name: "Weekly Papers" })).toBeVisible();
  await expect(page.getByTestId("paper-card")).toHaveCount(23);
  await page.getByRole("link", { name: /^Previous week: Week 10, 2026/ }).click();
  await expect(page).toHaveURL(/\/papers\/week\/2026-W10$/);
  await expect(page.getByTestId("paper-card")).toHaveCount(24);

  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Monthly" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-03$/);
  await expect(page.getByRole("heading", { level: 2, name: "March 2026" })).toBeVisible();
  await expect(page.getByTestId("paper-card")).toHaveCount(24);
  await page.getByRole("link", { name: "Next month: August 2026" }).click();
  await expect(page).toHaveURL(/\/papers\/month\/2026-08$/);
  await expect(page.getByTestId("paper-card")).toHaveCount(23);

  // The header's Weekly link goes to the week of the latest day.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Weekly" }).click();
  await expect(page).toHaveURL(/\/papers\/week\/\d{4}-W\d{2}$/);
});

test("the sort tabs change the order", async ({ page }) => {
  const entries = captureEntries("hf-daily-papers-2026-03-04.json");
  const byUpvotes = [...entries].sort((a, b) => b.paper.upvotes - a.paper.upvotes).map((e) => e.title);
  const byNewest = [...entries].sort((a, b) => Date.parse(b.paper.publishedAt) - Date.parse(a.paper.publishedAt)).map((e) => e.title);

  await page.goto("/papers?date=2026-03-04");
  const sortNav = page.getByRole("navigation", { name: "Sort papers" });
  await expect(sortNav.getByRole("link", { name: "Trending" })).toHaveAttribute("aria-current", "page");

  await sortNav.getByRole("link", { name: "Most upvoted" }).click();
  await expect(page).toHaveURL(/sort=upvotes/);
  await expect(sortNav.getByRole("link", { name: "Most upvoted" })).toHaveAttribute("aria-current", "page");
  // The first six have distinct upvote counts (39, 38, 33, 29, 17, 15).
  await expect.poll(async () => (await cardTitles(page)).slice(0, 6)).toEqual(byUpvotes.slice(0, 6));

  await sortNav.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect.poll(async () => (await cardTitles(page)).slice(0, 6)).toEqual(byNewest.slice(0, 6));
  expect(byNewest.slice(0, 6)).not.toEqual(byUpvotes.slice(0, 6));
  await expect(page.getByTestId("paper-card")).toHaveCount(24);
});

test("a long day is paginated, 30 papers a page", async ({ page, request }) => {
  const day = "2019-05-06";
  const entries = Array.from({ length: 35 }, (_, i) =>
    syntheticEntry({ id: `1905.${String(10_000 + i)}`, day, title: `Pagination probe paper number ${i + 1}`, upvotes: 100 - i }),
  );
  await ingest(request, JSON.stringify(entries));

  await page.goto(`/papers?date=${day}&sort=upvotes`);
  await expect(page.getByTestId("paper-card")).toHaveCount(30);
  await page.getByRole("link", { name: /Load more/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/sort=upvotes/);
  await expect(page.getByTestId("paper-card")).toHaveCount(5);
  expect(await cardTitles(page)).toEqual([31, 32, 33, 34, 35].map((n) => `Pagination probe paper number ${n}`));
  await expect(page.getByRole("link", { name: /Load more/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByTestId("paper-card")).toHaveCount(30);
});

test("an impossible date, week or month says so and links to the latest day", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  expect((await page.goto("/papers?date=2025-13-40"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is no such day" })).toBeVisible();
  await page.getByRole("link", { name: /Go to the latest day/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
  await expect(page.getByTestId("paper-card").first()).toBeVisible();

  expect((await page.goto("/papers/week/2026-W60"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is no such week" })).toBeVisible();
  expect((await page.goto("/papers/month/2026-13"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is no such month" })).toBeVisible();
});

test("an empty day says so and links to the latest day", async ({ page }) => {
  await page.goto("/papers?date=2026-07-01");
  await expect(page.getByText("No papers for Jul 1, 2026")).toBeVisible();
  await expect(page.getByRole("link", { name: /the latest day with papers/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Previous day: Mar 4, 2026" })).toBeVisible();
});

test("keys: / focuses the search box, j and k move between cards, Enter opens one", async ({ page }) => {
  await page.goto("/papers?date=2026-08-14");
  const titles = await cardTitles(page);
  // Shortcuts work once the page is hydrated; a key pressed before then is lost.
  await expect(page.locator('[data-keys="ready"]')).toHaveCount(2);

  await page.keyboard.press("/");
  await expect(page.getByRole("combobox", { name: "Search papers" })).toBeFocused();
  // j typed into the search box is text, not a shortcut.
  await page.keyboard.type("j");
  await expect(page.getByRole("combobox", { name: "Search papers" })).toHaveValue("j");
  await page.keyboard.press("Escape");
  await page.getByRole("heading", { level: 1, name: "Daily Papers" }).click();

  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: titles[0], exact: true })).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: titles[2], exact: true })).toBeFocused();
  await page.keyboard.press("k");
  const second = page.getByRole("link", { name: titles[1], exact: true });
  await expect(second).toBeFocused();
  // The focused card shows a visible ring.
  const outline = await page
    .getByTestId("paper-card")
    .nth(1)
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");

  const href = await second.getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1, name: titles[1] })).toBeVisible();
});

test("the abstract's more toggle works by keyboard", async ({ page }) => {
  await page.goto("/papers?date=2026-08-14");
  const card = page.getByTestId("paper-card").first();
  const abstract = card.locator(".abstract-text");
  const clipped = await abstract.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(clipped).toBe(true);
  const toggle = card.locator("summary");
  // The toggle's word is CSS content, which is part of its accessible name.
  await expect(toggle).toHaveAccessibleName(/^more\s*of the abstract$/);
  await toggle.focus();
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAccessibleName(/^less\s*of the abstract$/);
  await expect.poll(() => abstract.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
});
