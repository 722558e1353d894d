import { readFile } from "node:fs/promises";
import { expect, test, type Page, blockExternalRequests, holdViewerState, ingest, signIn, signInHere, syntheticEntry } from "./helpers";

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

const FIRST = "Reading list first paper";
const SECOND = "Reading list second paper";
const NOTE = "Check the ablation in section 4 before the reading group";

const listTitles = (page: Page) =>
  page.getByRole("list", { name: "Papers in this list" }).getByTestId("paper-card").locator("h3").allInnerTexts();

test("save from a card, write a note, reorder, share the list, open it signed out, export BibTeX", async ({ page, browser, request }) => {
  await ingest(
    request,
    JSON.stringify([
      syntheticEntry({ id: "1907.00201", day: "2019-07-10", title: FIRST, upvotes: 5 }),
      syntheticEntry({ id: "1907.00202", day: "2019-07-10", title: SECOND, upvotes: 4 }),
    ]),
  );
  await signIn(page, "list-reader@example.org", "/papers?date=2019-07-10");

  // One click saves to Read later, with a visible, lasting state.
  const firstCard = page.getByTestId("paper-card").filter({ hasText: FIRST });
  const secondCard = page.getByTestId("paper-card").filter({ hasText: SECOND });
  await expect(firstCard.getByTestId("save-button")).toHaveAttribute("aria-pressed", "false");
  await firstCard.getByTestId("save-button").click();
  await expect(firstCard.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
  // A slow network: the second card's save to Read later is still on its way while the visitor
  // goes on to make a new list from the same card (it once dropped the save to the new list).
  let releaseSave!: () => void;
  const saveHeld = new Promise<void>((resolve) => (releaseSave = resolve));
  await page.route(
    /\/api\/me\/lists\/\d+\/items\/\d+$/,
    async (route) => {
      await saveHeld;
      await route.continue();
    },
    { times: 1 },
  );
  await secondCard.getByTestId("save-button").click();
  await expect(secondCard.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");

  // The menu holds the other lists and makes new ones.
  await secondCard.getByTestId("save-menu-button").click();
  await secondCard.getByRole("button", { name: "New list…" }).click();
  await secondCard.getByLabel("New list name").fill("E2E picks");
  const saved: string[] = [];
  page.on("response", (r) => {
    if (r.request().method() === "PUT" && r.ok()) saved.push(new URL(r.url()).pathname);
  });
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/me/lists") && r.request().method() === "POST" && r.status() === 201),
    secondCard.getByRole("button", { name: "Create and save" }).click(),
  ]);
  const { list } = (await created.json()) as { list: { id: number } };
  releaseSave();
  await expect(secondCard.getByRole("checkbox", { name: "E2E picks" })).toBeChecked();
  await expect(secondCard.getByRole("checkbox", { name: "Read later" })).toBeChecked();
  await expect
    .poll(() => saved.some((p) => p.startsWith(`/api/me/lists/${list.id}/items/`)), { message: "the server put the paper in the new list" })
    .toBe(true);
  await page.keyboard.press("Escape");

  await page.reload();
  await expect(firstCard.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
  await expect(secondCard.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
  await secondCard.getByTestId("save-menu-button").click();
  await expect(secondCard.getByRole("checkbox", { name: "E2E picks" })).toBeChecked();
  await page.keyboard.press("Escape");

  // The list, in the order saved.
  await page.goto("/lists");
  await expect(page.getByRole("link", { name: /E2E picks/ })).toBeVisible();
  await page.getByRole("link", { name: /Read later/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Read later" })).toBeVisible();
  expect(await listTitles(page)).toEqual([FIRST, SECOND]);

  // Reorder from the keyboard: the move buttons.
  await page.getByRole("button", { name: `Move ${SECOND} up` }).focus();
  // The move is on screen at once; reloading before the server has it would cancel its request.
  const moved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/items/"));
  await page.keyboard.press("Enter");
  await expect.poll(() => listTitles(page)).toEqual([SECOND, FIRST]);
  expect((await moved).ok()).toBe(true);
  await page.reload();
  expect(await listTitles(page)).toEqual([SECOND, FIRST]);

  // A private note, and the read state with its filter.
  await page.getByRole("button", { name: `Add a note on ${FIRST}` }).click();
  await page.getByLabel(`Private note on ${FIRST}`).fill(NOTE);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("item-note")).toHaveText(NOTE);
  // Wait for the change to reach the server before reloading.
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/me/lists/") && r.request().method() === "PATCH" && r.ok()),
    page.getByRole("checkbox", { name: `Read: ${FIRST}` }).check(),
  ]);
  await page.reload();
  await expect(page.getByTestId("item-note")).toHaveText(NOTE);
  await expect(page.getByRole("checkbox", { name: `Read: ${FIRST}` })).toBeChecked();
  await page.getByRole("navigation", { name: "Filter by read state" }).getByRole("link", { name: "Unread" }).click();
  await expect.poll(() => listTitles(page)).toEqual([SECOND]);
  await page.getByRole("navigation", { name: "Filter by read state" }).getByRole("link", { name: "All" }).click();
  await expect.poll(() => listTitles(page)).toEqual([SECOND, FIRST]);

  // Share, and open the link in a fresh, signed-out browser.
  await page.getByRole("button", { name: "Share with a link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link).toMatch(/\/lists\/shared\/[A-Za-z0-9_-]{32}$/);

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await blockExternalRequests(anon);
  await anon.goto(link);
  await expect(anon.getByRole("heading", { level: 1, name: "Read later" })).toBeVisible();
  await expect(anon.getByRole("link", { name: FIRST, exact: true })).toBeVisible();
  await expect(anon.getByRole("link", { name: SECOND, exact: true })).toBeVisible();
  await expect(anon.getByText(NOTE)).toHaveCount(0);
  await expect(anon.getByRole("button", { name: /Add a note|Remove/ })).toHaveCount(0);
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const rss = await anon.request.get(`${link}/feed.xml`);
  expect(rss.status()).toBe(200);
  const xml = await rss.text();
  expect(xml).toContain(FIRST);
  expect(xml).not.toContain(NOTE);

  // Export BibTeX: a download with both papers, in the list's order.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "BibTeX" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("read-later.bib");
  const bib = await readFile((await download.path())!, "utf8");
  expect(bib).toContain(`title = {{${SECOND}}}`);
  expect(bib).toContain("eprint = {1907.00201}");
  expect(bib).toContain("archivePrefix = {arXiv}");
  expect(bib.indexOf("1907.00202")).toBeLessThan(bib.indexOf("1907.00201"));
  expect(bib).not.toContain(NOTE);

  // Stopping sharing kills the link at once.
  await page.getByRole("button", { name: "Stop sharing" }).click();
  await expect(page.getByRole("button", { name: "Share with a link" })).toBeVisible();
  const gone = await anon.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(anon.getByRole("heading", { name: "Shared list not found" })).toBeVisible();
  await visitor.close();
});

test("import reports bad lines and adds the good ones", async ({ page, request }) => {
  await ingest(request, JSON.stringify([syntheticEntry({ id: "1907.00203", day: "2019-07-11", title: "Imported by id" })]));
  await signIn(page, "list-importer@example.org", "/lists");
  await page.getByLabel("New list name").fill("Imported");
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imported" })).toBeVisible();

  await page.getByLabel("arXiv ids or URLs").fill("https://arxiv.org/abs/1907.00203v2\nnot-an-id\n1907.99999");
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Added 1 paper");
  await expect(report).toContainText("Line 2");
  await expect(report).toContainText("Line 3");
  await expect(report).toContainText("not in Paperboy yet");
  await expect.poll(() => listTitles(page)).toEqual(["Imported by id"]);
});

test("lists are private: signed out goes to sign in, and another person's list is not found", async ({ page, browser }) => {
  await page.goto("/lists");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flists$/);

  await signIn(page, "list-owner@example.org", "/lists");
  await page.getByLabel("New list name").fill("Private things");
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Private things" })).toBeVisible();
  const url = page.url();

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await blockExternalRequests(stranger);
  await signIn(stranger, "list-stranger@example.org", "/lists");
  const res = await stranger.goto(url);
  expect(res?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "List not found" })).toBeVisible();
  await expect(stranger.getByText("Private things")).toHaveCount(0);
  await other.close();
});

test("a signed-out visitor who saves a paper is asked to sign in, and it is in Read later after", async ({ page, request }) => {
  await ingest(request, JSON.stringify([syntheticEntry({ id: "1907.00231", day: "2019-07-14", title: "Save after sign in", upvotes: 2 })]));
  // Clicked before the page knows the visitor is signed out (a slow network): no 401 from the
  // lists API in the console, just the way to sign in.
  const viewerState = await holdViewerState(page);
  await page.goto("/papers/1907.00231");
  await expect(page.locator('[data-keys="ready"]').first()).toBeAttached(); // hydrated
  await page.getByTestId("save-button").first().click();
  viewerState.release();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpapers%2F1907\.00231/);

  await signInHere(page, "late-saver@example.org");

  await expect(page).toHaveURL(/\/papers\/1907\.00231$/);
  await expect(page.getByTestId("save-button").first()).toHaveAttribute("aria-pressed", "true");
  await page.goto("/lists");
  await page.getByRole("link", { name: /Read later/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Read later" })).toBeVisible();
  await expect.poll(() => listTitles(page)).toEqual(["Save after sign in"]);
});
