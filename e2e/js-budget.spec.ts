import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { blockExternalRequests, expect, feed, ingest, PUBLIC_HOST, test, type BrowserContext } from "./helpers";
import { budgetPages, budgetTable, kb, measureScripts, overBudget, type PageScripts } from "./js-budget";

/**
 * Every page's JavaScript, gzipped, against its budget (e2e/js-budget.ts): a tighter one for the
 * pages that only read, a looser one for the rest. `npm run bench:js` runs this spec alone and
 * prints the table it writes to JS_BUDGET_REPORT.
 */
const ADMIN = "admin-e2e@example.org"; // in ADMIN_EMAILS (playwright.config.ts)
const DAY = "2026-08-14";
const PAPER = "2608.13489";

test.beforeAll(async ({ request }) => {
  await ingest(request, feed(`hf-daily-papers-${DAY}.json`));
});

/**
 * Signs the admin in with a session row, as Auth.js's adapter writes it after a magic link:
 * sign-in mails are limited to five an hour per address, and the rest of the suite spends those
 * on the sign-in flow itself.
 */
async function signInAdmin(context: BrowserContext) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO users (id, email, email_verified) VALUES ($1, $2, now())
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [`jsbudget${randomBytes(8).toString("hex")}`, ADMIN],
    );
    const token = randomBytes(24).toString("hex");
    await client.query(`INSERT INTO sessions (id, session_token, user_id, expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [
      `jsbudget${randomBytes(8).toString("hex")}`,
      token,
      rows[0].id,
    ]);
    await context.addCookies([{ name: "authjs.session-token", value: token, domain: PUBLIC_HOST, path: "/", httpOnly: true }]);
  } finally {
    await client.end();
  }
}

test("every page's JavaScript is within its gzipped budget", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await blockExternalRequests(page);
  const pages = budgetPages({ day: DAY, week: "2026-W33", month: "2026-08", paper: PAPER, author: "DreamX Team", org: "alibabagroup" });
  const measured: PageScripts[] = [];

  for (const target of pages.filter((p) => p.visitor === "anonymous")) measured.push(await measureScripts(page, target));

  await signInAdmin(context);
  const headers = { origin: baseURL! };
  const created = await page.request.post("/api/me/lists", { data: { name: "Budget check" }, headers });
  expect(created.status(), "a reading list is made").toBe(201);
  const { list } = (await created.json()) as { list: { id: number } };
  const saved = await page.request.put(`/api/me/lists/${list.id}/items/${PAPER}`, { data: {}, headers });
  expect(saved.ok(), "a paper is put in it").toBe(true);
  for (const target of pages.filter((p) => p.visitor === "admin")) {
    measured.push(await measureScripts(page, { ...target, path: target.path.replace("{list}", String(list.id)) }));
  }
  // The signed-in pages were shown as the admin sees them, not a sign-in page in their place.
  await expect(page.getByTestId("user-menu")).toBeVisible();

  const table = budgetTable(measured);
  console.log(`JavaScript per page (gzip level 6):\n${table}`);
  if (process.env.JS_BUDGET_REPORT) writeFileSync(process.env.JS_BUDGET_REPORT, JSON.stringify(measured, null, 2));

  for (const p of measured) expect(p.status, `${p.path} answers`).toBe(200);
  const over = measured.filter(overBudget).map(
    (p) =>
      `${p.path}: ${kb(p.gzip)} KB gzipped (budget ${p.budgetKb} KB); largest: ${p.scripts
        .slice(0, 3)
        .map((s) => `${new URL(s.url).pathname} ${kb(s.gzip)} KB`)
        .join(", ")}`,
  );
  expect(over, `pages over their JavaScript budget:\n${over.join("\n")}\n\n${table}`).toEqual([]);
});
