import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

import { feedsDir } from "../lib/test/fixtures";

export { feedsDir };
export { expect };
export type { BrowserContext, Page } from "@playwright/test";

/** Console errors a test expects: allow each one explicitly, by a pattern of its text. */
export interface ConsoleErrors {
  allow(pattern: RegExp): void;
}

/**
 * Playwright's `test`, failing any test whose pages log a console error or throw an uncaught
 * error (a failed hydration, a 404 chunk, a broken effect). Every spec imports `test` from here.
 * A test that causes an error on purpose (a 4xx it asks for) says so with
 * `consoleErrors.allow(/pattern/)`.
 */
export const test = base.extend<{ consoleErrors: ConsoleErrors & { allowed: RegExp[] } }>({
  consoleErrors: async ({}, provide) => {
    const allowed: RegExp[] = [];
    await provide({ allowed, allow: (pattern) => allowed.push(pattern) });
  },
  context: async ({ context, consoleErrors }, provide) => {
    const errors: string[] = [];
    context.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const at = msg.location().url;
      errors.push(`console.error on ${msg.page()?.url() ?? "?"}: ${msg.text()}${at ? ` (${at})` : ""}`);
    });
    context.on("weberror", (e) => errors.push(`uncaught error on ${e.page()?.url() ?? "?"}: ${e.error().stack ?? e.error().message}`));
    await provide(context);
    const unexpected = errors.filter((e) => !consoleErrors.allowed.some((p) => p.test(e)));
    expect(unexpected, `the pages logged errors:\n${unexpected.join("\n")}`).toEqual([]);
  },
});

/** The host name the suite reaches the app by (playwright.config.ts maps it to loopback). */
export const PUBLIC_HOST = "paperboy.test";

export function feed(name: string): string {
  return readFileSync(path.join(feedsDir, name), "utf8");
}

/** Ingests a document through the public API, as an operator's script would. */
export async function ingest(request: APIRequestContext, body: string) {
  const res = await request.post("/api/ingest", {
    data: body,
    headers: { authorization: `Bearer ${process.env.INGEST_TOKEN}`, "content-type": "application/octet-stream" },
  });
  if (!res.ok()) throw new Error(`ingest failed: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** The fields of a Hugging Face daily-papers entry that tests change. */
export interface HfEntry {
  title: string;
  summary?: string;
  publishedAt: string;
  thumbnail?: string;
  paper: {
    id: string;
    title: string;
    summary: string;
    upvotes: number;
    publishedAt: string;
    submittedOnDailyAt: string;
    githubRepo?: string;
    projectPage?: string;
    ai_summary?: string;
    ai_keywords?: string[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export function captureEntries(name: string): HfEntry[] {
  return JSON.parse(feed(name)) as HfEntry[];
}

export interface SyntheticOptions {
  /** arXiv id: use a distinctive one per test (e.g. `1905.0xxxx`), the database is shared. */
  id: string;
  /** Featured day, `YYYY-MM-DD`: keep it before 2026 so it never becomes the latest day. */
  day: string;
  title: string;
  abstract?: string;
  upvotes?: number;
}

/** A real captured entry with a new id, day and title, for tests that need data of their own. */
export function syntheticEntry(o: SyntheticOptions): HfEntry {
  const e = structuredClone(captureEntries("hf-daily-papers-2026-08-14.json")[1]);
  e.title = e.paper.title = o.title;
  e.summary = e.paper.summary = o.abstract ?? `A synthetic abstract for an end-to-end test: ${o.title}.`;
  e.paper.id = o.id;
  e.paper.upvotes = o.upvotes ?? e.paper.upvotes;
  e.paper.submittedOnDailyAt = `${o.day}T00:00:00.000Z`;
  e.paper.publishedAt = `${o.day}T00:00:00.000Z`;
  e.publishedAt = `${o.day}T08:00:00.000Z`;
  return e;
}

/** The titles of the paper cards on the page, in order. */
export function cardTitles(page: Page): Promise<string[]> {
  return page.getByTestId("paper-card").locator("h2, h3").allInnerTexts();
}

// A 1×1 transparent PNG, for other hosts' images (a failed load would be a console error).
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/**
 * Fails requests to other hosts at once (feed thumbnails and avatars point at Hugging Face's
 * CDN). This machine has no outside network, and a slow DNS failure would hold up the page's
 * load event. Other hosts' images are answered with a blank pixel (unless `images: "fail"`),
 * so a thumbnail that cannot load here does not show up as a console error.
 */
export async function blockExternalRequests(page: Page, { images = "pixel" }: { images?: "fail" | "pixel" } = {}) {
  await page.route(
    (url) => !["localhost", "127.0.0.1", PUBLIC_HOST].includes(url.hostname),
    (route) =>
      images === "pixel" && route.request().resourceType() === "image"
        ? route.fulfill({ contentType: "image/png", body: PIXEL })
        : route.abort("internetdisconnected"),
  );
}

/**
 * Holds the page's first /api/me/state request until `release()` is called: the page is
 * hydrated but does not yet know who the viewer is, as on a slow network. Clicks in that gap
 * must wait for the answer, not ask the server as if signed in.
 */
export async function holdViewerState(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    /\/api\/me\/state\?/,
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  return { release };
}

/** The embedded mail catcher's REST API (the e2e server runs maildev; see scripts/test.ts). */
const mailApi = () => `http://127.0.0.1:${process.env.MAILDEV_WEB_PORT}/api/email`;

interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  headers: Record<string, string>;
}

/** Waits for the newest message to an address whose subject matches, as read from the real SMTP sink. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 15_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const all = (await (await fetch(mailApi())).json()) as CaughtMail[];
    const found = all.filter((m) => m.to.some((t) => t.address === to.toLowerCase()) && subject.test(m.subject)).at(-1);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms`);
}

/**
 * A message's headers as sent, read from its raw source: maildev's JSON leaves out the ones its
 * parser turns into structures (List-Unsubscribe among them). Names are lower-cased.
 */
export async function rawHeaders(mail: CaughtMail): Promise<Record<string, string>> {
  const source = await (await fetch(`${mailApi()}/${mail.id}/source`)).text();
  const head = source.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Removes every caught message, so a test reads only its own. */
export async function clearMail() {
  await fetch(`${mailApi()}/all`, { method: "DELETE" });
}

/** The first http(s) link in a plain-text mail that contains `part`. */
export function linkIn(mail: CaughtMail, part: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
  if (!link) throw new Error(`no link containing ${part} in "${mail.subject}"`);
  return link;
}

/**
 * Signs in the way a person does: the sign-in form, then the magic link from the email the
 * server sent. Use a distinct address per test (the database is shared across specs).
 */
export async function signIn(page: Page, email: string, callbackPath = "/") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await signInHere(page, email);
}

/** Signs in from the sign-in page the visitor is on, with the link read back from the mail sink. */
export async function signInHere(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/signin\/check-email/);
  const mail = await waitForMail(email, /Sign in to Paperboy/);
  await page.goto(linkIn(mail, "/api/auth/callback/nodemailer"));
  await page.waitForURL((url) => !url.pathname.startsWith("/api/auth"));
}
