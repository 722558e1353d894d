import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";

export const feedsDir = path.resolve(import.meta.dirname, "../../shared/fixtures/feeds");

export function feed(name: string): string {
  return readFileSync(path.join(feedsDir, name), "utf8");
}

/** Ingests a document through the public API, as an operator's script would. */
export async function ingest(request: APIRequestContext, body: string) {
  const res = await request.post("/api/ingest", { data: body, headers: { authorization: `Bearer ${process.env.INGEST_TOKEN}`, "content-type": "application/octet-stream" } });
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

/**
 * Fails requests to other hosts at once (feed thumbnails and avatars point at Hugging Face's
 * CDN). This machine has no outside network, and a slow DNS failure would hold up the page's
 * load event.
 */
export async function blockExternalRequests(page: Page) {
  await page.route(
    (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
    (route) => route.abort("internetdisconnected"),
  );
}
