import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page, blockExternalRequests, feed, ingest, signIn, syntheticEntry } from "./helpers";

/**
 * The security headers (lib/http/security-headers.ts) in Chromium: the main pages run under the
 * Content-Security-Policy with no violation and no console error, every kind of response
 * carries the headers, and another site cannot frame a page.
 */
const ADMIN = "admin-e2e@example.org"; // in ADMIN_EMAILS (playwright.config.ts)
const MATH_ID = "1907.00801";
const MATH_TITLE = "Security headers check: $\\mathcal{O}(n \\log n)$ attention";

interface Problems {
  violations: string[];
  errors: string[];
}

/**
 * Records CSP violations (the DOM's securitypolicyviolation event, reported through a binding
 * so it survives navigations) and console errors, and serves other hosts' images locally: a
 * blocked or failed thumbnail would otherwise show up as an error unrelated to the policy.
 */
async function watch(page: Page): Promise<Problems> {
  const problems: Problems = { violations: [], errors: [] };
  await page.exposeBinding("__reportCsp", (_source, v: string) => void problems.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
  page.on("console", (msg) => {
    // Chromium reports a header it cannot apply (an unknown Permissions-Policy feature) as a warning.
    if (msg.type() === "error" || /Permissions-Policy|Content.Security.Policy|X-Frame-Options/i.test(msg.text()))
      problems.errors.push(`${msg.type()}: ${msg.text()} at ${msg.location().url}`);
  });
  page.on("pageerror", (err) => problems.errors.push(`uncaught: ${err.message}`));
  await blockExternalRequests(page, { images: "pixel" });
  return problems;
}

/** Visits a page, waits until it is idle (hydrated, lazy images in), and scrolls it through. */
async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: Content-Security-Policy`).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  expect(csp, what).toContain("form-action 'self'");
  expect(csp, what).toMatch(/default-src 'self'/);
  expect(csp, what).not.toContain("upgrade-insecure-requests");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
}

test.beforeAll(async ({ request }) => {
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  const math = syntheticEntry({
    id: MATH_ID,
    day: "2019-07-08",
    title: MATH_TITLE,
    abstract: "We show $$\\sum_{i=1}^n x_i^2 \\le \\frac{a}{b}$$ and \\(\\alpha \\to \\beta\\) for all inputs.",
  });
  await ingest(request, JSON.stringify([math]));
});

test("the public pages run under the Content-Security-Policy with no violation or console error", async ({ page }) => {
  const problems = await watch(page);

  await visit(page, "/");
  await expect(page.getByTestId("paper-card").first()).toBeVisible();

  // KaTeX's math and fonts, on a paper page and its similar papers.
  await visit(page, `/papers/${MATH_ID}`);
  await expect(page.locator("h1 .katex").first()).toBeVisible();
  await expect(page.locator(".katex-display").first()).toBeVisible();
  expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);

  await visit(page, "/search?q=attention");
  await expect(page.getByTestId("paper-card").first()).toBeVisible();
  await visit(page, "/papers?date=2026-08-14");
  await visit(page, "/signin");
  // Client-side navigation (RSC fetches, prefetches) runs under the policy too.
  await visit(page, "/");
  await page.getByTestId("paper-card").first().locator("h2 a, h3 a").first().click();
  await page.waitForURL(/\/papers\//);
  await page.waitForLoadState("networkidle");

  expect(problems.violations, "CSP violations").toEqual([]);
  expect(problems.errors, "console errors").toEqual([]);
});

test("the reading lists and admin pages run under it too", async ({ page }) => {
  test.setTimeout(60_000); // signing in reads a mail back from the mail catcher
  const problems = await watch(page);
  await signIn(page, ADMIN, "/lists");
  await visit(page, "/lists");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const path of ["/admin", "/admin/feeds", "/admin/runs"]) await visit(page, path);

  expect(problems.violations, "CSP violations").toEqual([]);
  expect(problems.errors, "console errors").toEqual([]);
});

test("pages, API routes, feeds, static files and 404s all carry the security headers", async ({ page, request }) => {
  for (const path of [
    "/",
    `/papers/${MATH_ID}`,
    "/api/health",
    "/api/daily_papers?date=2026-08-14",
    "/feed.xml",
    "/atom.xml",
    "/search/feed.xml?q=attention",
    "/no-such-page",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(path === "/no-such-page" ? 500 : 300);
    expectSecurityHeaders(res.headers(), path);
  }
  // A script file, as the page loads it.
  await blockExternalRequests(page);
  await page.goto("/");
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
  expectSecurityHeaders((await request.get(script!)).headers(), script!);
});

test("another site cannot frame a page", async ({ page, baseURL, consoleErrors }) => {
  consoleErrors.allow(/frame-ancestors 'none'/); // Chromium's report of the refusal this test causes
  const problems = await watch(page);
  // A page on another origin that frames the home page and the sign-in form, served from a real
  // local server: Chromium keeps public origins (and responses Playwright makes up) from framing
  // local addresses whatever the headers say, which would hide what the headers do.
  const html = `<!doctype html><title>framer</title><iframe id="a" src="${baseURL}/"></iframe><iframe id="b" src="${baseURL}/signin"></iframe>`;
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`); // waits for the frames too
    for (const id of ["a", "b"]) {
      const frame = await (await page.$(`#${id}`))!.contentFrame();
      // Chromium replaces a refused frame with its own error page: nothing of Paperboy's loads.
      expect(frame?.url()).not.toContain(baseURL!);
      expect(await frame?.evaluate(() => document.title).catch(() => "")).not.toContain("Paperboy");
    }
    expect(problems.errors.join("\n")).toMatch(/frame-ancestors 'none'/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
