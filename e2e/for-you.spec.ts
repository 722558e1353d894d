import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "./helpers";
import { blockExternalRequests, feed, ingest, signIn, waitForMail } from "./helpers";

const run = promisify(execFile);

/** The latest featured day of the captures: its papers are the candidates. */
const DAY = "2026-08-14";
/** Papers about world models for robot manipulation video, on a day long before the captures. */
const SEEDS = [
  {
    id: "1911.00301",
    title: "World Models for Robotic Manipulation from Video",
    summary: "We learn an action-conditioned video world model for robotic manipulation.",
  },
  {
    id: "1911.00302",
    title: "Video World Models as Robot Simulators",
    summary: "A world model generates manipulation video conditioned on robot actions.",
  },
  {
    id: "1911.00303",
    title: "Benchmarking World Models for Manipulation",
    summary: "We benchmark video world models on long-horizon robotic manipulation.",
  },
];
/** The day's papers on that topic. */
const TOPIC = ["DreamX-Phi 1.0", "H2R-Bench", "PlayWorld", "Alaya-EVOKE"];

function entry(p: (typeof SEEDS)[number]) {
  const at = "2019-11-25T00:00:00.000Z";
  return {
    title: p.title,
    publishedAt: at,
    numComments: 0,
    submittedBy: { name: "akhaliq", fullname: "AK" },
    paper: {
      id: p.id,
      title: p.title,
      summary: p.summary,
      authors: [{ name: "Ada Lovelace" }],
      publishedAt: at,
      submittedOnDailyAt: at,
      upvotes: 0,
    },
  };
}

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("a new person's upvotes and saves rank their topic first in For you, with reasons; Not interested removes a paper; the For-you digest follows that order", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  await ingest(request, JSON.stringify(SEEDS.map(entry)));
  const email = "for-you-reader@example.org";
  await signIn(page, email, "/for-you");

  // Fewer than three signals: it explains, and shows trending.
  await page.goto("/for-you");
  await expect(page.getByTestId("for-you-explain")).toContainText("Upvote or save 3 more papers");

  for (const seed of SEEDS.slice(0, 2)) {
    await page.goto(`/papers/${seed.id}`);
    const upvote = page.getByTestId("upvote-button").first();
    await upvote.click();
    await expect(upvote).toHaveAttribute("aria-pressed", "true");
  }
  await page.goto(`/papers/${SEEDS[2].id}`);
  const save = page.getByTestId("save-button").first();
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");

  // Within a minute, the job worker has ranked the day's papers for them.
  const started = Date.now();
  await expect(async () => {
    await page.goto("/for-you");
    await expect(page.getByTestId("rec-item").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [1000] });
  expect(Date.now() - started).toBeLessThan(60_000);
  const items = page.getByTestId("rec-item");
  const titles = await items.locator("h2").allInnerTexts();
  for (const t of titles.slice(0, 3))
    expect(
      TOPIC.some((name) => t.startsWith(name)),
      t,
    ).toBe(true);
  await expect(items.first().getByTestId("rec-reason")).toContainText(/Like .*(World Model|Video World)|Matches: .*world/i);

  // Not interested: gone at once, and after a reload.
  const first = titles[0];
  await items.first().getByTestId("not-interested").click();
  await expect(items.first().getByTestId("not-interested-done")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("rec-item").first()).toBeVisible();
  expect(await page.getByTestId("rec-item").locator("h2").allInnerTexts()).not.toContain(first);
  const order = await page.getByTestId("rec-item").locator("h2").allInnerTexts();

  // And it is listed in the profile, with undo.
  await page.goto("/profile");
  await expect(page.getByTestId("not-interested-list")).toContainText(first.split(":")[0]);

  // The digest, ordered For you.
  await page.goto("/settings/email");
  await page.getByLabel("Order").selectOption("for-you");
  await page.getByRole("button", { name: /Save and subscribe|Save settings/ }).click();
  await expect(page.getByTestId("digest-status")).toContainText("The digest is on.");
  // Its preview shows the email as it will be: titled for the person, in their order.
  await page.goto(`/digest/preview?frequency=daily&period=${DAY}`);
  await expect(page.getByText(/\d+ papers? for you · Aug 14, 2026/)).toBeVisible();
  await expect(page.getByTestId("digest-preview").getByRole("heading", { level: 1 })).toHaveText("Papers for you");
  const previewText = await page.getByTestId("digest-preview").innerText();
  const inPreview = order.slice(0, 3).map((t) => previewText.indexOf(t.split(":")[0]));
  for (const p of inPreview) expect(p).toBeGreaterThanOrEqual(0);
  expect([...inPreview].sort((a, b) => a - b)).toEqual(inPreview);
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "scripts/digest.ts", "--now", "--frequency", "daily", "--period", DAY],
    {
      env: {
        ...process.env,
        SMTP_URL: `smtp://127.0.0.1:${process.env.MAILDEV_SMTP_PORT}`,
        AUTH_URL: process.env.AUTH_URL ?? baseURL,
        LOG_LEVEL: "warn",
      },
      timeout: 90_000,
    },
  );
  expect(stdout).toMatch(/daily 2026-08-14: [1-9]\d* sent/);
  const digest = await waitForMail(email, /papers? for you · Aug 14, 2026/);
  expect(digest.text).toMatch(/^Papers for you: Aug 14, 2026/);
  const positions = order.slice(0, 3).map((t) => digest.text.indexOf(t.split(":")[0]));
  for (const p of positions) expect(p).toBeGreaterThanOrEqual(0);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // In trending order LLMRouter (53 upvotes) comes before most of the topic; here the person's first comes first.
  const llmRouter = digest.text.indexOf("LLMRouter");
  expect(llmRouter).toBeGreaterThan(positions[0]);
});
