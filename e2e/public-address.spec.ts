import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startCommand } from "../lib/test/start-command";
import { expect, test, blockExternalRequests, clearMail, linkIn, PUBLIC_HOST, signIn, waitForMail } from "./helpers";

/**
 * Paperboy at a public address. The suite's server has AUTH_URL=http://paperboy.test:PORT
 * (playwright.config.ts): every link it makes must name that, and nothing a client sends
 * (Host, X-Forwarded-Host, X-Forwarded-Proto, Origin) may move a link, a redirect or a cookie.
 */

test.beforeEach(async ({ page }) => {
  await blockExternalRequests(page);
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An HTTP request with exactly these headers (Host included), which fetch and Playwright will not send. */
function raw(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: pathname,
        headers: { ...headers, ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const cookiesOf = (res: RawResponse) => res.headers["set-cookie"] ?? [];
const cookieHeader = (res: RawResponse) =>
  cookiesOf(res)
    .map((c) => c.split(";")[0])
    .join("; ");

/** The sign-in form's server action, posted as the browser's no-JavaScript form post would. */
async function postSignInForm(port: number, headers: Record<string, string>, email: string): Promise<RawResponse> {
  const page = await raw(port, "GET", "/signin", { host: headers.host });
  const actionField = page.body.match(/name="(\$ACTION_ID_[0-9a-f]+)"/)?.[1];
  if (!actionField) throw new Error("no server action on /signin");
  const boundary = "----paperboy-e2e";
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = part(actionField, "") + part("callbackUrl", "/") + part("email", email) + `--${boundary}--\r\n`;
  return raw(port, "POST", "/signin", { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` }, body);
}

/** Auth.js's own endpoint, as a script would use it: a CSRF token from /api/auth/csrf, then the POST. */
async function postSignInRoute(port: number, headers: Record<string, string>, email: string) {
  const csrf = await raw(port, "GET", "/api/auth/csrf", headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, callbackUrl: "https://evil.example/after" }).toString();
  const res = await raw(
    port,
    "POST",
    "/api/auth/signin/nodemailer",
    { ...headers, cookie: cookieHeader(csrf), "content-type": "application/x-www-form-urlencoded" },
    body,
  );
  return { csrf, res };
}

function expectCookiesStayHere(res: RawResponse) {
  for (const cookie of cookiesOf(res)) {
    expect(cookie, cookie).not.toMatch(/;\s*domain=/i);
    // The site is http: no Secure cookies, whatever X-Forwarded-Proto claimed.
    expect(cookie, cookie).not.toMatch(/;\s*secure/i);
    expect(cookie, cookie).not.toMatch(/^__(Secure|Host)-/);
  }
}

const forged = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  origin: "https://evil.example",
};

test("at a public host name: sign in by the mailed link, save, share, and every link names the site", async ({
  page,
  browser,
  baseURL,
}) => {
  const site = new URL(baseURL!).origin;
  expect(new URL(site).hostname).toBe(PUBLIC_HOST);
  await clearMail();
  await signIn(page, "public-host@example.org", "/lists");
  const mail = await waitForMail("public-host@example.org", /Sign in to Paperboy/);
  expect(mail.subject).toContain(`(${PUBLIC_HOST}:`);
  expect(new URL(linkIn(mail, "/api/auth/callback/nodemailer")).origin).toBe(site);
  await expect(page).toHaveURL(`${site}/lists`);

  // Save a paper and share the list, through the API the pages use.
  const headers = { origin: site };
  const created = await page.request.post("/api/me/lists", { data: { name: "Public host list" }, headers });
  expect(created.status()).toBe(201);
  const { list } = await created.json();
  const shared = await page.request.patch(`/api/me/lists/${list.id}`, { data: { shared: true }, headers });
  const shareUrl: string = (await shared.json()).list.shareUrl;
  expect(new URL(shareUrl).origin).toBe(site);

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await blockExternalRequests(anon);
  await anon.goto(shareUrl);
  await expect(anon.getByRole("heading", { level: 1, name: "Public host list" })).toBeVisible();
  expect((await anon.request.get(`${shareUrl}/feed.xml`)).status()).toBe(200);
  await visitor.close();

  // Open Graph tags and the canonical link name the site.
  await page.goto("/");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", new RegExp(`^${site}/`));
});

test("forged Host, X-Forwarded-Host, X-Forwarded-Proto and Origin move no link, redirect or cookie", async ({ page, baseURL }) => {
  const site = new URL(baseURL!).origin;
  const port = Number(new URL(site).port);

  // The sign-in form (server action): Next lets it run, as Origin and Host agree.
  await clearMail();
  const form = await postSignInForm(port, forged, "forged-form@example.org");
  expect(form.status).toBe(303);
  expect(form.headers.location).toBe("/signin/check-email");
  expectCookiesStayHere(form);
  const formLink = linkIn(await waitForMail("forged-form@example.org", /Sign in to Paperboy/), "/api/auth/callback/nodemailer");
  expect(new URL(formLink).origin).toBe(site);
  expect(formLink).not.toContain("evil.example");

  // Auth.js's own route.
  const { csrf, res } = await postSignInRoute(port, forged, "forged-route@example.org");
  expectCookiesStayHere(csrf);
  expect(res.status).toBe(302);
  expect(new URL(res.headers.location!).origin).toBe(site);
  expectCookiesStayHere(res);
  const routeLink = linkIn(await waitForMail("forged-route@example.org", /Sign in to Paperboy/), "/api/auth/callback/nodemailer");
  expect(new URL(routeLink).origin).toBe(site);
  expect(routeLink).not.toContain("evil.example");

  // Following the link: its redirect and session cookie stay on the site.
  const callback = await raw(port, "GET", new URL(routeLink).pathname + new URL(routeLink).search, {
    ...forged,
    cookie: cookieHeader(csrf),
  });
  expect(callback.status).toBe(302);
  expect(new URL(callback.headers.location!, site).origin).toBe(site);
  expectCookiesStayHere(callback);
  expect(cookiesOf(callback).some((c) => c.startsWith("authjs.session-token="))).toBe(true);

  // Pages: Open Graph and canonical URLs.
  const home = await raw(port, "GET", "/", forged);
  expect(home.status).toBe(200);
  expect(home.body).toMatch(new RegExp(`<meta property="og:url" content="${site}/`));
  expect(home.body).not.toContain("evil.example");

  // A signed-in person sent to /signin?callbackUrl=/.//evil.example stays on the site.
  await signIn(page, "open-redirect@example.org");
  for (const callbackUrl of ["/.//evil.example", "/%2F%2Fevil.example", "/\\evil.example", "//evil.example"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await expect(page, callbackUrl).toHaveURL(`${site}/`);
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface ExtraServer {
  port: number;
  mailApi: string;
  stop(): Promise<void>;
}

/** Another `npm start` on the same database with its own port, mail catcher and environment. */
async function startServer(env: Record<string, string>): Promise<ExtraServer> {
  const [port, smtp, web] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "paperboy-e2e-extra-"));
  const { flags, script } = startCommand();
  const child: ChildProcess = spawn(process.execPath, [...flags, script], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: dataDir,
      MAILDEV_SMTP_PORT: String(smtp),
      MAILDEV_WEB_PORT: String(web),
      SMTP_URL: "",
      WORKER_ENABLED: "false",
      SEED_SAMPLE_FEEDS: "false",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    mailApi: `http://127.0.0.1:${web}/api/email`,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test("without AUTH_URL, a server on loopback mails links to localhost, whatever X-Forwarded-Host says", async () => {
  test.setTimeout(90_000);
  const server = await startServer({ AUTH_URL: "" });
  try {
    // The account takeover: an attacker asks for a link for the victim, naming their own host.
    const attack = {
      host: `127.0.0.1:${server.port}`,
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      origin: "https://evil.example",
    };
    const res = await postSignInForm(server.port, attack, "victim@example.org");
    expect(res.status).toBe(303);
    const deadline = Date.now() + 15_000;
    let text = "";
    while (!text && Date.now() < deadline) {
      const mails = (await (await fetch(server.mailApi)).json()) as { to: { address: string }[]; text: string }[];
      text = mails.find((m) => m.to.some((t) => t.address === "victim@example.org"))?.text ?? "";
      if (!text) await new Promise((r) => setTimeout(r, 250));
    }
    const link = text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S*/)?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(`http://localhost:${server.port}`);
    expect(text).not.toContain("evil.example");
  } finally {
    await server.stop();
  }
});

/** A TLS-terminating proxy, as a load balancer is: https in front, plain http to the app, X-Forwarded-* added. */
async function startTlsProxy(upstreamPort: () => number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperboy-e2e-tls-"));
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
      "-subj",
      `/CN=${PUBLIC_HOST}`,
      "-addext",
      `subjectAltName=DNS:${PUBLIC_HOST}`,
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const headers = {
      ...req.headers,
      "x-forwarded-for": req.socket.remoteAddress ?? "",
      "x-forwarded-proto": "https",
      "x-forwarded-host": req.headers.host ?? "",
    };
    const upstream = http.request({ host: "127.0.0.1", port: upstreamPort(), method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("behind a TLS-terminating proxy, a person signs in by the mailed https link and gets a Secure cookie", async ({ browser }) => {
  test.setTimeout(90_000);
  let appPort = 0;
  const proxy = await startTlsProxy(() => appPort);
  const site = `https://${PUBLIC_HOST}:${proxy.port}`;
  const server = await startServer({ AUTH_URL: site, TRUSTED_PROXY_HOPS: "1" });
  appPort = server.port;
  const context = await browser.newContext({ baseURL: site, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await blockExternalRequests(page);
    await page.goto("/signin?callbackUrl=%2Fprofile");
    await page.getByLabel("Email address").fill("behind-tls@example.org");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.waitForURL(`${site}/signin/check-email`);

    let link: string | undefined;
    for (let i = 0; i < 60 && !link; i++) {
      const mails = (await (await fetch(server.mailApi)).json()) as { to: { address: string }[]; text: string }[];
      link = mails
        .find((m) => m.to.some((t) => t.address === "behind-tls@example.org"))
        ?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S*/)?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    expect(link && new URL(link).origin).toBe(site);
    await page.goto(link!);
    await expect(page).toHaveURL(`${site}/profile`);
    const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ name: "__Secure-authjs.session-token", secure: true, domain: PUBLIC_HOST });

    // Signing out comes back to the site, still over https.
    await page.getByTestId("user-menu").locator("summary").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(site);
  } finally {
    await context.close();
    await server.stop();
    await proxy.stop();
  }
});
