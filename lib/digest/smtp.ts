import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/** What the digest sender needs of a mail transport (nodemailer's, or a test double). */
export interface DigestMailer {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  close(): void;
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Our own Message-ID, recorded before the SMTP transaction so a send can be traced later. */
  messageId: string;
}

export interface SmtpOptions {
  /** Defaults to SMTP_URL. */
  url?: string;
  /** Parallel SMTP connections (default 4). */
  connections?: number;
}

/**
 * A pooled SMTP transport for digests: a few connections kept open, each carrying many
 * messages, instead of one connection per message as the app's `sendEmail` does. Sockets time
 * out after a minute, well inside the send lease (`digestRules.leaseSeconds`).
 */
export function createDigestMailer(opts: SmtpOptions = {}): DigestMailer {
  const url = opts.url ?? env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: no SMTP server to send digests through");
  const transport: Transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: opts.connections ?? 4,
    maxMessages: 1000,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const from = env().EMAIL_FROM;
  return {
    async send(m) {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers, messageId: m.messageId });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

export type SmtpFailure =
  /** The recipient's server refused the address for good (5xx to RCPT TO): a hard bounce. */
  | { kind: "bounce"; message: string }
  /** Refused for good, but not because of the address (5xx after DATA, e.g. content policy): not retried. */
  | { kind: "permanent"; message: string }
  /** Anything else (4xx, connection refused, timeouts, authentication): retried later. */
  | { kind: "temporary"; message: string };

/** Sorts an error from nodemailer into what to do next. */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e = err as { code?: string; responseCode?: number; command?: string; message?: string };
  const message = (e?.message ?? String(err)).slice(0, 1000);
  const code = typeof e?.responseCode === "number" ? e.responseCode : 0;
  if (code >= 500 && code < 600) {
    if (e.code === "EENVELOPE" && e.command === "RCPT TO") return { kind: "bounce", message };
    if (e.code === "EMESSAGE" || (e.code === "EENVELOPE" && e.command === "DATA")) return { kind: "permanent", message };
  }
  return { kind: "temporary", message };
}
