import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, blockExternalRequests, ingest, linkIn, rawHeaders, syntheticEntry, waitForMail } from "./helpers";

const run = promisify(execFile);

/**
 * `npm run digest -- --now` for one day, as an operator would run it: against the e2e database
 * and the server's mail catcher, with links to the server under test. The secret that signs the
 * unsubscribe links is the server's (the same AUTH_SECRET, or the one it generated in DATA_DIR).
 */
async function sendDigest(day: string, baseURL: string) {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "scripts/digest.ts", "--now", "--frequency", "daily", "--period", day],
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
  return stdout;
}

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

test("subscribe from the home page, confirm from the email, receive a digest, unsubscribe from its link", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const email = "digest-reader@example.org";
  // Days long before the captures, so they never become "the latest day" of other specs.
  await ingest(
    request,
    JSON.stringify([syntheticEntry({ id: "1911.00201", day: "2019-11-18", title: "Digests Delivered Exactly Once", upvotes: 42 })]),
  );

  await page.goto("/");
  const banner = page.getByRole("region", { name: "Email digest" });
  await expect(banner.getByText("Get trending papers in your email inbox!")).toBeVisible();
  await banner.getByLabel("Email address").fill(email);
  await banner.getByRole("button", { name: "Subscribe" }).click();
  await expect(banner.getByTestId("subscribe-sent")).toContainText(email);

  // The confirmation, sent by the server's job worker.
  const confirmation = await waitForMail(email, /Confirm your daily digest/, 30_000);
  await page.goto(linkIn(confirmation, "/subscribe/confirm/"));
  await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
  await page.getByLabel("How many papers").selectOption("5");
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();

  expect(await sendDigest("2019-11-18", baseURL!)).toMatch(/daily 2019-11-18: [1-9]\d* sent/);
  const digest = await waitForMail(email, /trending paper.*Nov 18, 2019/);
  expect(digest.text).toContain("Digests Delivered Exactly Once");
  expect(digest.text).toContain("42 upvotes");
  expect(digest.html).toContain("/papers/1911.00201");
  const headers = await rawHeaders(digest);
  expect(headers["list-unsubscribe"]).toContain("/api/unsubscribe/");
  expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  // The paper link leads to the paper.
  await page.goto(linkIn(digest, "/papers/1911.00201"));
  await expect(page.getByRole("heading", { name: "Digests Delivered Exactly Once" })).toBeVisible();

  // Unsubscribe from the link in the email (it names the public address, AUTH_URL): no sign-in,
  // one confirming click.
  expect(linkIn(digest, "/unsubscribe/").startsWith(`${baseURL}/unsubscribe/`)).toBe(true);
  expect(headers["list-unsubscribe"]).toContain(`<${baseURL}/api/unsubscribe/`);
  expect(linkIn(confirmation, "/subscribe/confirm/").startsWith(`${baseURL}/subscribe/confirm/`)).toBe(true);
  await page.goto(linkIn(digest, "/unsubscribe/"));
  await expect(page.getByRole("heading", { name: "Unsubscribe from the digest?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();

  // The next day's digest is not sent to this address.
  await ingest(
    request,
    JSON.stringify([syntheticEntry({ id: "1911.00202", day: "2019-11-19", title: "After Unsubscribing", upvotes: 5 })]),
  );
  await sendDigest("2019-11-19", baseURL!);
  await expect(waitForMail(email, /Nov 19, 2019/, 3_000)).rejects.toThrow(/no mail/);
});
