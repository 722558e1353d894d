import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, blockExternalRequests, feed, ingest, linkIn, signIn, waitForMail } from "./helpers";

/**
 * WCAG 2.1 A and AA on every page, as axe-core measures it in Chromium: the public pages, the
 * signed-in ones and the admin section, in light mode, in dark mode (the app follows
 * prefers-color-scheme) and on a 390 px wide phone. Each test collects the violations of all
 * its pages and fails once, listing every rule, element and summary, so one run shows all
 * that is to fix.
 */
const ADMIN = "admin-e2e@example.org"; // in ADMIN_EMAILS (playwright.config.ts)
const DAY = "2026-08-14";
const PAPER = "2608.13489";

const PUBLIC_PAGES = [
  "/",
  `/papers?date=${DAY}`,
  "/papers/week/2026-W33",
  "/papers/month/2026-08",
  `/papers/${PAPER}`,
  "/authors/DreamX%20Team",
  "/orgs/alibabagroup",
  "/search?q=attention",
  "/search?q=zzqqxxjjvv",
  "/subscribe",
  "/signin",
  "/unsubscribe/discussions/not-a-token",
  "/submit",
  "/for-you",
];
const SIGNED_IN_PAGES = ["/lists", "/profile", "/settings/email", "/submit", "/for-you"];
const ADMIN_PAGES = [
  "/admin",
  "/admin/feeds",
  "/admin/runs",
  "/admin/papers",
  "/admin/papers?q=attention",
  "/admin/digests",
  "/admin/submissions",
  "/admin/claims",
  "/admin/claims?show=all",
  "/admin/audit",
  "/admin/comments",
];

const MODES = [
  { name: "light", colorScheme: "light", width: 1280, height: 900 },
  { name: "dark", colorScheme: "dark", width: 1280, height: 900 },
  { name: "390 px", colorScheme: "light", width: 390, height: 844 },
] as const;

test.beforeAll(async ({ request }) => {
  await ingest(request, feed(`hf-daily-papers-${DAY}.json`));
});

/** Visits a page, waits until it is idle (hydrated, the account corner filled in), and runs axe on it. */
async function audit(page: Page, path: string, found: string[]) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  for (const v of violations) {
    found.push(`${path}: ${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}`);
    for (const node of v.nodes.slice(0, 5)) {
      found.push(`    ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`);
    }
  }
}

/** The header's items (name, Daily/Weekly/Monthly, account corner) share one line. */
async function expectHeaderOnOneLine(page: Page, account: ReturnType<Page["locator"]>) {
  const home = await page.getByRole("banner").getByRole("link", { name: "Paperboy" }).boundingBox();
  const monthly = await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Monthly" }).boundingBox();
  const corner = await account.boundingBox();
  const middle = (b: typeof home) => (b ? b.y + b.height / 2 : NaN);
  expect(Math.abs(middle(monthly) - middle(home)), "Monthly is on the logo's line").toBeLessThan(8);
  expect(Math.abs(middle(corner) - middle(home)), "the account corner is on the logo's line").toBeLessThan(8);
}

/** Puts the page in a mode: window width and colour scheme (both last across navigations). */
async function enter(page: Page, mode: (typeof MODES)[number]) {
  await page.setViewportSize({ width: mode.width, height: mode.height });
  await page.emulateMedia({ colorScheme: mode.colorScheme });
}

for (const mode of MODES) {
  test(`the public pages pass axe's WCAG 2.1 A and AA rules (${mode.name})`, async ({ page }) => {
    // About 6 s a page on a busy 2-core machine.
    test.setTimeout(180_000);
    await blockExternalRequests(page);
    await enter(page, mode);
    const found: string[] = [];
    for (const path of PUBLIC_PAGES) await audit(page, path, found);
    if (mode.width < 640) {
      await page.goto("/");
      await page.waitForLoadState("networkidle");
      await expectHeaderOnOneLine(page, page.getByRole("banner").getByRole("link", { name: "Sign in" }));
    }
    expect(found, `axe violations (${mode.name}):\n${found.join("\n")}`).toEqual([]);
  });
}

// One sign-in for all three modes: sign-in mails are limited per address (5 an hour) and the
// suite signs the admin in elsewhere too.
test("the signed-in and admin pages pass them too, in every mode", async ({ page }) => {
  test.setTimeout(480_000); // the signed-in and admin pages in three modes, on a 2-core machine
  await blockExternalRequests(page);
  await signIn(page, ADMIN, "/lists");
  const created = await page.request.post("/api/me/lists", {
    data: { name: "Accessibility check" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  const { list } = (await created.json()) as { list: { id: number } };
  // A paper page with a thread: a comment with math and a reply, drawn with the viewer's controls.
  const origin = { origin: new URL(page.url()).origin };
  const posted = await page.request.post(`/api/discussions/${PAPER}`, {
    data: { body: "Is $Q$ *really* optimal? See [the paper](https://arxiv.org/abs/1)." },
    headers: origin,
  });
  expect(posted.status()).toBe(201);
  const { id: parentId } = (await posted.json()) as { id: number };
  expect(
    (
      await page.request.post(`/api/discussions/${PAPER}`, {
        data: { body: "> quoted\n\nA reply with `code`.", parentId },
        headers: origin,
      })
    ).status(),
  ).toBe(201);
  const found: string[] = [];
  for (const mode of MODES) {
    await enter(page, mode);
    const before = found.length;
    for (const path of [...SIGNED_IN_PAGES, `/lists/${list.id}`, `/papers/${PAPER}`, ...ADMIN_PAGES]) await audit(page, path, found);
    if (found.length > before) found.splice(before, 0, `[${mode.name}]`);
    if (mode.width < 640) {
      await page.goto("/");
      await page.waitForLoadState("networkidle");
      await expectHeaderOnOneLine(page, page.getByTestId("user-menu"));
    }
  }
  expect(found, `axe violations:\n${found.join("\n")}`).toEqual([]);
});

/** Presses Tab (or Shift+Tab) until the focused element has the test id, inside `within` when given. */
async function tabTo(page: Page, testId: string, { back = false, within }: { back?: boolean; within?: string } = {}) {
  for (let i = 0; i < 25; i++) {
    const there = await page.evaluate(
      ([id, scope]) => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid === id && (!scope || !!el.closest(scope));
      },
      [testId, within ?? ""] as const,
    );
    if (there) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach ${testId} by ${back ? "Shift+Tab" : "Tab"}`);
}

test("the main paths work from the keyboard alone", async ({ page }) => {
  test.setTimeout(60_000); // signing in reads a mail back from the mail catcher
  await blockExternalRequests(page);
  const email = "a11y-keyboard@example.org";

  // The sign-in form: Tab to the field, type, Enter.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/papers?date=${DAY}`)}`);
  const field = page.getByLabel("Email address");
  for (let i = 0; i < 25 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(field).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/signin\/check-email/);
  // Following the mailed link is the mail program's part.
  await page.goto(linkIn(await waitForMail(email, /Sign in to Paperboy/), "/api/auth/callback/nodemailer"));
  await page.waitForURL(/\/papers\?date=/);
  await expect(page.locator('[data-keys="ready"]')).toHaveCount(2);
  await expect(page.getByTestId("user-menu")).toBeVisible();

  // j / k move between the cards' titles.
  const titles = page.getByTestId("paper-card").locator("a[data-card-link]");
  await page.keyboard.press("j");
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(titles.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(titles.nth(0)).toBeFocused();

  // Upvote and save the first card from the keyboard.
  const card = page.getByTestId("paper-card").first();
  const count = Number(await card.getByTestId("upvote-count").innerText());
  await tabTo(page, "upvote-button", { back: true, within: "[data-card]" });
  await expect(card.getByTestId("upvote-button")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card.getByTestId("upvote-button")).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("upvote-count")).toHaveText(String(count + 1));
  await expect(card.getByTestId("upvote-button")).toHaveAccessibleName(`Upvote, ${count + 1} upvotes`);
  await tabTo(page, "save-button", { within: "[data-card]" });
  await expect(card.getByTestId("save-button")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(card.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");

  // `/` goes to the search box; Enter searches.
  await page.keyboard.press("/");
  await expect(page.getByRole("banner").getByRole("combobox")).toBeFocused();
  await page.keyboard.type("attention");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=attention/);
  await expect(page.getByTestId("paper-card").first()).toBeVisible();
});
