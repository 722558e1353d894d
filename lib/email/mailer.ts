import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * Outgoing mail over SMTP: SMTP_URL (e.g. smtp://user:pass@smtp.example.org:587), which
 * the boot code points at the embedded mail catcher when nothing is configured.
 * EMAIL_FROM is the sender.
 */
const globalForMail = globalThis as unknown as { paperboyMailer?: { url: string; transport: Transporter } };

export function mailTransport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set and the mail catcher is not running");
  if (globalForMail.paperboyMailer?.url !== url) {
    globalForMail.paperboyMailer = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.paperboyMailer.transport;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export async function sendEmail(email: Email): Promise<{ messageId: string }> {
  const info = await mailTransport().sendMail({ from: env().EMAIL_FROM, ...email });
  return { messageId: info.messageId };
}
