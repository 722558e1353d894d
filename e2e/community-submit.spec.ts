import { expect, test } from "./helpers";
import { startArxivStandIn, type ArxivStandIn } from "../lib/test/arxiv-stand-in";
import { blockExternalRequests, signIn } from "./helpers";

/**
 * The community loop in Chromium: a new person submits an arXiv id (answered by the local arXiv
 * stand-in the app is pointed at), finds it on today's list with their name, claims authorship
 * of it, and an admin approves the claim, after which the author page and the profile show it.
 */
const ADMIN = "claims-admin-e2e@example.org"; // in ADMIN_EMAILS (playwright.config.ts)
const PERSON = "submitter-e2e@example.org";
const ID = "2612.50001";
const TITLE = "Community Loop: Submitting Papers End to End";
const today = new Date().toISOString().slice(0, 10);

// The port playwright.config.ts points the app's ARXIV_API_URL at.
const arxivPort = Number(process.env.E2E_ARXIV_PORT ?? 3199);
let arxiv: ArxivStandIn;

test.beforeAll(async () => {
  arxiv = await startArxivStandIn(arxivPort);
  arxiv.papers.set(ID, { published: new Date(Date.now() - 3_600_000), title: TITLE, authors: ["Grace Hopper", "Alan Turing"] });
  arxiv.papers.set("2612.50002", { published: new Date(Date.now() - 30 * 86_400_000), title: "An old paper" });
  arxiv.papers.set("2612.50003", { published: new Date(Date.now() - 3_600_000), title: "Asked during an outage" });
});
test.afterAll(() => arxiv.close());

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("a new person submits a paper, sees it on today's list with their name, and claims it; an admin approves", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, PERSON, "/submit");
  await expect(page.getByRole("heading", { level: 1, name: "Submit a paper" })).toBeVisible();
  await expect(page.getByText(/published in the last 7 days/)).toBeVisible();

  // A paper past the age limit is refused with the rule in words.
  await page.getByLabel("arXiv id or URL").fill("2612.50002");
  await page.getByLabel("Your name, as shown next to the paper").fill("Grace Hopper");
  await page.getByRole("button", { name: "Submit to today's list" }).click();
  await expect(page.getByTestId("submit-error")).toContainText("Only papers published in the last 7 days can be submitted");

  await page.getByLabel("arXiv id or URL").fill(`https://arxiv.org/abs/${ID}v2`);
  await page.getByLabel("Your name, as shown next to the paper").fill("Grace Hopper");
  await page.getByRole("button", { name: "Submit to today's list" }).click();
  await expect(page.getByTestId("submit-ok")).toContainText(TITLE);

  // Submitting it again is refused, with the way to where it is.
  await page.getByLabel("arXiv id or URL").fill(ID);
  await page.getByRole("button", { name: "Submit to today's list" }).click();
  await expect(page.getByTestId("submit-error")).toContainText("already on the list");
  await page.getByRole("link", { name: "See that day's list" }).click();
  await expect(page).toHaveURL(new RegExp(`/papers\\?date=${today}$`));
  const card = page.getByTestId("paper-card").filter({ hasText: TITLE });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("submitted-by")).toHaveText("Submitted by Grace Hopper");

  // The HF-compatible API names the submitter too.
  const api = await page.request.get(`/api/daily_papers?date=${today}`);
  const entry = ((await api.json()) as { title: string; submittedBy: { name: string; fullname: string } }[]).find((e) => e.title === TITLE);
  expect(entry?.submittedBy.fullname).toBe("Grace Hopper");
  const bySubmitter = await page.request.get(`/api/daily_papers?date=${today}&submitter=${encodeURIComponent(entry!.submittedBy.name)}`);
  expect(((await bySubmitter.json()) as { title: string }[]).map((e) => e.title)).toEqual([TITLE]);

  // Claiming authorship on the paper's page.
  await card.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  const panel = page.getByTestId("claim-panel");
  await panel.getByLabel("I am").selectOption("Grace Hopper");
  await panel.getByRole("button", { name: "Claim authorship" }).click();
  await expect(panel.getByTestId("my-claim")).toContainText("Your claim to be Grace Hopper is waiting for an admin");

  // An admin, in a browser of their own, approves it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await blockExternalRequests(admin);
  await signIn(admin, ADMIN, "/admin/claims");
  await expect(admin.getByRole("heading", { level: 1, name: "Authorship claims" })).toBeVisible();
  const row = admin.getByTestId("admin-claim-row").filter({ hasText: TITLE });
  await expect(row).toContainText("Grace Hopper");
  await expect(row).toContainText(PERSON);
  await row.getByRole("button", { name: "Approve" }).click();
  // Decided, it leaves the waiting list; the full list shows it approved.
  await expect(row).toHaveCount(0);
  await admin.goto("/admin/claims?show=all");
  await expect(admin.getByTestId("admin-claim-row").filter({ hasText: TITLE })).toContainText("approved");
  await admin.goto("/admin/audit");
  await expect(admin.getByTestId("audit-row").filter({ hasText: "claim.approve" }).filter({ hasText: ADMIN })).toHaveCount(1);

  // The person sees it on the paper, the author page names them, and their profile lists the paper.
  await page.reload();
  await expect(page.getByTestId("claim-panel").getByTestId("my-claim")).toContainText("You are listed as Grace Hopper");
  await expect(page.getByTestId("claim-holders")).toContainText("Grace Hopper: claimed by Grace Hopper");
  await page.goto("/authors/Grace%20Hopper");
  await expect(page.getByTestId("author-claimed-by")).toContainText("Claimed by Grace Hopper (1 paper)");
  await page.goto("/profile");
  await expect(page.getByTestId("profile-claims")).toContainText(TITLE);
  await expect(page.getByTestId("profile-claims")).toContainText("as Grace Hopper · confirmed");

  // The admin takes the submission off today's list (which also leaves the other specs' latest day as it was).
  await admin.goto("/admin/submissions");
  const submission = admin.getByTestId("admin-submission-row").filter({ hasText: TITLE });
  await expect(submission).toContainText("Grace Hopper");
  await submission.getByLabel("Why remove it").fill("Testing moderation");
  await submission.getByRole("button", { name: "Remove from the day" }).click();
  await expect(submission).toContainText("removed");
  await expect(submission).toContainText("Testing moderation");
  await adminContext.close();
  await page.goto(`/papers?date=${today}`);
  await expect(page.getByTestId("paper-card").filter({ hasText: TITLE })).toHaveCount(0);
});

test("an arXiv outage and an unknown id each get their own answer", async ({ page }) => {
  await signIn(page, "outage-e2e@example.org", "/submit");
  await page.getByLabel("arXiv id or URL").fill("2612.59999");
  await page.getByLabel("Your name, as shown next to the paper").fill("Olga Outage");
  await page.getByRole("button", { name: "Submit to today's list" }).click();
  await expect(page.getByTestId("submit-error")).toContainText("arXiv has no paper 2612.59999");
  arxiv.mode = "unavailable";
  try {
    await page.getByLabel("arXiv id or URL").fill("2612.50003");
    await page.getByRole("button", { name: "Submit to today's list" }).click();
    await expect(page.getByTestId("submit-error")).toContainText("arXiv did not answer just now");
  } finally {
    arxiv.mode = "normal";
  }
});
