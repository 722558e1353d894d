import "server-only";
import { sendEmail } from "@/lib/email/mailer";

interface MagicLink {
  to: string;
  url: string;
  expires: Date;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in email: one button, the link spelled out for clients that strip buttons. */
export async function sendMagicLink({ to, url, expires }: MagicLink): Promise<void> {
  const host = new URL(url).host;
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const text = `Sign in to Paperboy (${host}):\n\n${url}\n\nThe link works once, for ${minutes} minutes. If you did not ask for it, ignore this email.\n`;
  const safeUrl = escapeHtml(url);
  const html = `<!doctype html><html><head><meta name="color-scheme" content="light dark"></head>
<body style="font-family:system-ui,sans-serif;padding:24px">
<h1 style="font-size:20px">Sign in to Paperboy</h1>
<p><a href="${safeUrl}" style="display:inline-block;background:#f59e0b;color:#111827;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">Sign in to ${escapeHtml(host)}</a></p>
<p style="font-size:13px;color:#6b7280">Or paste this link into your browser: ${safeUrl}<br>It works once, for ${minutes} minutes. If you did not ask for it, ignore this email.</p>
</body></html>`;
  await sendEmail({ to, subject: `Sign in to Paperboy (${host})`, text, html });
}
