import type { Browser } from "@playwright/test";
import { expect, test, type Page } from "./helpers";
import { blockExternalRequests, ingest, linkIn, rawHeaders, signIn, syntheticEntry, waitForMail } from "./helpers";

/**
 * The discussion under a paper, in Chromium against the production build: a comment with math
 * (previewed, then rendered by KaTeX on the server), a reply from someone else, the email it
 * sends to the first person (read back from the mail catcher), a report and an admin's hiding.
 * Then hostile Markdown: nothing a comment holds may run in a reader's browser.
 */
const PAPER = "1905.07001";
const MODERATOR = "moderator-e2e@example.org"; // in ADMIN_EMAILS (playwright.config.ts)
const ADA = "discuss-ada@example.org";
const BOB = "discuss-bob@example.org";

test.beforeAll(async ({ request }) => {
  await ingest(request, JSON.stringify([syntheticEntry({ id: PAPER, day: "2025-03-03", title: "Discussed in the End-to-End Test" })]));
});

async function person(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await blockExternalRequests(page);
  await signIn(page, email, `/papers/${PAPER}`);
  await expect(page.getByTestId("discussion")).toBeVisible();
  return page;
}

async function comment(page: Page, text: string) {
  const form = page.getByTestId("discussion").locator("form").last();
  await form.getByTestId("comment-input").fill(text);
  await form.getByRole("button", { name: "Post comment" }).click();
}

test("comment with math, reply, reply email, report and an admin's hiding", async ({ browser }) => {
  test.setTimeout(120_000);
  const ada = await person(browser, ADA);
  await expect(ada.getByText("No comments yet.")).toBeVisible();

  // The preview is the server's rendering: math by KaTeX, before anything is saved.
  const box = ada.getByTestId("comment-input");
  await box.fill("Does $E=mc^2$ hold **here**?");
  await ada.getByRole("button", { name: "Preview" }).click();
  await expect(ada.getByTestId("comment-preview").locator(".katex")).toHaveCount(1);
  await ada.getByRole("button", { name: "Post comment" }).click();
  const first = ada.getByTestId("comment").first();
  await expect(first.getByTestId("comment-body").locator(".katex")).toHaveCount(1);
  await expect(first.getByTestId("comment-body").locator("strong")).toHaveText("here");
  await expect(ada.getByTestId("follow-discussion")).toHaveText("Following"); // commenting follows

  const bob = await person(browser, BOB);
  const adaComment = bob.getByTestId("comment").first();
  await adaComment.getByRole("button", { name: "Reply" }).click();
  await adaComment.getByLabel(/^Reply to/).fill("Yes, in the rest frame.");
  await adaComment.getByRole("button", { name: "Post reply" }).click();
  await expect(adaComment.getByTestId("comment").getByTestId("comment-body")).toHaveText("Yes, in the rest frame.");

  // Ada hears of it by email, sent by the job worker.
  const mail = await waitForMail(ADA, /replied to your comment/, 30_000);
  expect(mail.text).toContain("Yes, in the rest frame.");
  const headers = await rawHeaders(mail);
  expect(headers["list-unsubscribe"]).toMatch(/\/api\/unsubscribe\/discussions\//);
  expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const link = linkIn(mail, `/papers/${PAPER}#comment-`);
  // Opened from the mail program: a new tab, on the reply itself.
  const fromMail = await ada.context().newPage();
  await fromMail.goto(link);
  await expect(fromMail.locator(`#${link.split("#")[1]}`)).toContainText("Yes, in the rest frame.");

  // Bob reports Ada's comment; the moderator hides it; its reply stays under a placeholder.
  bob.once("dialog", (d) => d.accept("off-topic"));
  await adaComment.getByRole("button", { name: "Report" }).first().click();
  await expect(bob.getByText("Reported: thank you")).toBeVisible();

  const moderator = await (await browser.newContext()).newPage();
  await blockExternalRequests(moderator);
  await signIn(moderator, MODERATOR, "/admin/comments");
  const reported = moderator.getByTestId("reported-comments").getByTestId("moderated-comment").filter({ hasText: "Does $E=mc^2$ hold" });
  await expect(reported).toContainText("off-topic");
  await reported.getByTestId("hide-comment").click();
  // It moves from the reported comments to the hidden ones.
  await expect(
    moderator.getByTestId("hidden-comments").getByTestId("moderated-comment").filter({ hasText: "Does $E=mc^2$ hold" }),
  ).toBeVisible();
  await expect(reported).toHaveCount(0);

  await bob.reload();
  await expect(bob.getByText("This comment was hidden by a moderator.")).toBeVisible();
  await expect(bob.getByTestId("comment-body").filter({ hasText: "hold" })).toHaveCount(0);
  await expect(bob.getByText("Yes, in the rest frame.")).toBeVisible();
  await moderator.goto("/admin/audit");
  await expect(moderator.getByText("comment.hide").first()).toBeVisible();
});

test("hostile Markdown posted as a comment runs nothing in a reader's browser", async ({ browser }) => {
  test.setTimeout(90_000);
  const poster = await person(browser, "discuss-mallory@example.org");
  const hostile = [
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "<script>window.__pwned=2;alert(2)</script>",
    "[click me](javascript:window.__pwned=3)",
    "<javascript:alert(4)>",
    "![pixel](https://evil.example/p.png)",
    "$\\href{javascript:alert(5)}{x}$",
    '<a href="javascript:alert(6)">a</a>',
  ].join("\n\n");
  const dialogs: string[] = [];
  poster.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await comment(poster, hostile);
  const body = poster.getByTestId("comment-body").filter({ hasText: "click me" });
  await expect(body).toBeVisible();

  // A reader opens the page with the comment on it.
  const reader = await (await browser.newContext()).newPage();
  await blockExternalRequests(reader);
  reader.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await reader.goto(`/papers/${PAPER}`);
  const shown = reader.getByTestId("comment-body").filter({ hasText: "click me" });
  await expect(shown).toBeVisible();
  await expect(shown.locator("img, script, iframe, [onerror]")).toHaveCount(0);
  await expect(shown.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(shown).toContainText("<script>window.__pwned=2;alert(2)</script>"); // shown as text
  await shown.getByText("click me").click(); // not a link: nothing happens
  await reader.waitForTimeout(300);
  expect(await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  expect(await poster.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
});

test("a 100 KB comment is refused with the reason, and nothing is posted", async ({ browser }) => {
  const page = await person(browser, "discuss-long@example.org");
  const before = await page.getByTestId("comment").count();
  const res = await page.request.post(`/api/discussions/${PAPER}`, {
    data: { body: "x".repeat(100_000) },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.message).toMatch(/at most 20,000 characters/);
  await page.reload();
  await expect(page.getByTestId("discussion")).toBeVisible();
  expect(await page.getByTestId("comment").count()).toBe(before);
});
