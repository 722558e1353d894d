import { expect, test, blockExternalRequests, holdViewerState, ingest, signIn, signInHere, syntheticEntry } from "./helpers";

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

const upvote = (page: import("@playwright/test").Page) => page.getByTestId("upvote-button").first();

test("a signed-out visitor who upvotes is asked to sign in, and the upvote is applied after", async ({ page, request }) => {
  await ingest(
    request,
    JSON.stringify([syntheticEntry({ id: "1906.00101", day: "2019-06-03", title: "Upvote after sign in", upvotes: 7 })]),
  );
  // The click comes before the page knows the visitor is signed out: it waits for that answer
  // instead of sending a vote the server can only refuse (a 401 in the console).
  const viewerState = await holdViewerState(page);
  await page.goto("/papers/1906.00101");
  await expect(upvote(page)).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator('[data-keys="ready"]').first()).toBeAttached(); // hydrated: a click before would be lost
  await upvote(page).click();
  viewerState.release();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpapers%2F1906\.00101/);

  await signInHere(page, "late-voter@example.org");

  await expect(page).toHaveURL(/\/papers\/1906\.00101$/);
  await expect(upvote(page)).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("upvote-count").first()).toHaveText("8");
  await page.reload();
  await expect(page.getByTestId("upvote-count").first()).toHaveText("8");
});

test("upvotes count once per person, even on a double click, and can be taken back", async ({ page, request }) => {
  await ingest(
    request,
    JSON.stringify([syntheticEntry({ id: "1906.00102", day: "2019-06-04", title: "Double click target", upvotes: 3 })]),
  );
  await signIn(page, "double-clicker@example.org", "/papers?date=2019-06-04");
  const card = page.getByTestId("paper-card").filter({ hasText: "Double click target" });
  const button = card.getByTestId("upvote-button");
  await expect(button).toHaveAttribute("aria-pressed", "false");

  await button.dblclick();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("upvote-count")).toHaveText("4");
  await page.reload();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("upvote-count")).toHaveText("4");

  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(card.getByTestId("upvote-count")).toHaveText("3");
  await page.reload();
  await expect(card.getByTestId("upvote-count")).toHaveText("3");
});

test("the profile shows upvotes and API tokens; a token acts as its owner; the account can be deleted", async ({ page, request }) => {
  await ingest(
    request,
    JSON.stringify([syntheticEntry({ id: "1906.00103", day: "2019-06-05", title: "Profile listed paper", upvotes: 1 })]),
  );
  await signIn(page, "profile-owner@example.org", "/papers/1906.00103");
  await upvote(page).click();
  await expect(upvote(page)).toHaveAttribute("aria-pressed", "true");

  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("link", { name: "Profile and upvotes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your upvoted papers" }).getByRole("link", { name: "Profile listed paper" })).toBeVisible();

  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").innerText()).trim();
  expect(token).toMatch(/^pb_/);
  // A program with the token (no cookie, no Origin) takes the upvote back.
  const res = await request.delete("/api/me/upvotes/1906.00103", { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ upvoted: false, upvotes: 1 });
  // The session cookie alone, from a non-browser client without Origin, is refused.
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.put("/api/me/upvotes/1906.00103", { headers: { cookie } })).status()).toBe(403);

  await page.reload();
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByRole("button", { name: "Revoke e2e script" })).toHaveCount(0);
  expect((await request.put("/api/me/upvotes/1906.00103", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

  await page.getByLabel("Type your email address to confirm").fill("profile-owner@example.org");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "leaver@example.org", "/profile");
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin/);
});
