import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSmtpSink } from "@/lib/test/smtp-sink";
import { useTestDatabase } from "@/lib/test/db";

/**
 * Sign-in mail, by both ways in (the sign-in form's server action and Auth.js's own route,
 * POST /api/auth/signin/nodemailer), with no AUTH_URL and every header a client can forge:
 * the link must name http://localhost:$PORT (siteUrl()), and one budget per address and per
 * client holds across both.
 */
const actionHeaders = { current: new Headers() };
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => actionHeaders.current,
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const { url } = await useTestDatabase();
const sink = await startSmtpSink();
afterAll(() => sink.close());
Object.assign(process.env, { DATABASE_URL: url, SMTP_URL: sink.url, AUTH_SECRET: "test-auth-secret-0123456789abcdef", PORT: "3999" });
delete process.env.AUTH_URL;
const route = await import("@/app/api/auth/[...nextauth]/route");
const { sendMagicLinkAction } = await import("@/app/signin/actions");
const { nextSignal } = await import("@/lib/admin/test-support");

const SITE = "http://localhost:3999";
const forged = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  origin: "https://evil.example",
  referer: "https://evil.example/signin",
};

/** The sign-in link in the newest mail to `to` (quoted-printable undone). */
function linkTo(to: string): string | null {
  const mail = sink.messages.filter((m) => m.to.includes(to)).at(-1);
  if (!mail) return null;
  const text = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
  return text.match(/https?:\/\/[^\s"<>]+\/api\/auth\/callback\/nodemailer[^\s"<>]*/)?.[0] ?? null;
}
const mailsTo = (to: string) => sink.messages.filter((m) => m.to.includes(to)).length;

/** Auth.js's route as a script would use it: a CSRF token from /api/auth/csrf, then the POST. */
async function postSignIn(email: string, peer: string) {
  const csrf = await route.GET(new NextRequest(`${SITE}/api/auth/csrf`, { headers: { ...forged, "x-paperboy-peer-address": peer } }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await route.POST(
    new NextRequest(`${SITE}/api/auth/signin/nodemailer`, {
      method: "POST",
      headers: { ...forged, cookie, "content-type": "application/x-www-form-urlencoded", "x-paperboy-peer-address": peer },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: "https://evil.example/after" }).toString(),
    }),
  );
  return res;
}

/** The sign-in form's server action, with forged headers as Next would pass them on. */
async function submitForm(email: string, peer: string): Promise<string> {
  actionHeaders.current = new Headers({ ...forged, "x-paperboy-peer-address": peer, "next-action": "x" });
  const form = new FormData();
  form.set("email", email);
  form.set("callbackUrl", "/lists");
  return sendMagicLinkAction(form).then(
    () => "done",
    (err: unknown) => nextSignal(err),
  );
}

beforeEach(() => {
  sink.messages.length = 0;
  jar.clear();
});

describe("sign-in links name the site, never a forged host", () => {
  it("from the sign-in form (server action)", async () => {
    expect(await submitForm("victim-form@example.org", "10.0.0.1")).toBe("redirect /signin/check-email");
    const link = linkTo("victim-form@example.org");
    expect(link).not.toBeNull();
    expect(new URL(link!).origin).toBe(SITE);
    expect(new URL(new URL(link!).searchParams.get("callbackUrl")!).origin).toBe(SITE);
  });

  it("from Auth.js's route, whose redirect and cookies do not follow the headers either", async () => {
    const res = await postSignIn("victim-route@example.org", "10.0.0.2");
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get("location")!).origin).toBe(SITE);
    const link = linkTo("victim-route@example.org");
    expect(new URL(link!).origin).toBe(SITE);
    // A callbackUrl on another host is not carried into the link.
    expect(new URL(new URL(link!).searchParams.get("callbackUrl")!).origin).toBe(SITE);
    for (const cookie of res.headers.getSetCookie()) {
      expect(cookie).not.toMatch(/domain=/i);
      expect(cookie).not.toMatch(/;\s*secure/i);
      expect(cookie).not.toMatch(/^__Secure-/);
    }
  });
});

describe("one sign-in mail budget, whichever way in", () => {
  it("5 links an hour per address, counted across the form and Auth.js's route", async () => {
    const to = "flooded@example.org";
    for (let i = 0; i < 3; i++) expect(await submitForm(to, `10.1.0.${i}`)).toBe("redirect /signin/check-email");
    for (let i = 0; i < 2; i++) expect((await postSignIn(to, `10.2.0.${i}`)).status).toBe(302);
    expect(mailsTo(to)).toBe(5);

    const refused = await postSignIn(to, "10.3.0.1");
    expect(refused.headers.get("location")).toBe(`${SITE}/signin?error=TooMany`);
    expect(await submitForm(to, "10.3.0.2")).toMatch(/^redirect \/signin\?error=TooMany/);
    expect(mailsTo(to)).toBe(5);
  });

  it("30 links an hour per client, whatever addresses it names", async () => {
    const peer = "192.0.2.77";
    for (let i = 0; i < 30; i++) await postSignIn(`many-${i}@example.org`, peer);
    expect(sink.messages.length).toBe(30);
    const refused = await postSignIn("many-30@example.org", peer);
    expect(refused.headers.get("location")).toBe(`${SITE}/signin?error=TooMany`);
    expect(await submitForm("many-31@example.org", peer)).toMatch(/^redirect \/signin\?error=TooMany/);
    expect(sink.messages.length).toBe(30);
    // Another client is not held back by it.
    expect((await postSignIn("many-32@example.org", "192.0.2.78")).headers.get("location")).toMatch(
      /^http:\/\/localhost:3999\/api\/auth\/verify-request/,
    );
  });
});
