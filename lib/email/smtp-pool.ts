import net from "node:net";
import { PassThrough } from "node:stream";
import nodemailer, { type Transporter } from "nodemailer";
// MailComposer's documented home (nodemailer.com/extras/mailcomposer); nodemailer has no other entry for it.
import MailComposer from "nodemailer/lib/mail-composer";
import { env } from "@/lib/env";
import { smtpOptionsFromUrl } from "./smtp-url";

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
  // Not `{ url, ... }`: nodemailer then reads the URL alone and drops every other option.
  const transport: Transporter = nodemailer.createTransport({
    ...smtpOptionsFromUrl(url),
    pool: true,
    maxConnections: opts.connections ?? 4,
    maxMessages: 1000,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    getSocket: connectWithoutNagle,
    // The pool puts a message whose connection closed back in its queue and sends it again,
    // even when the data had gone out: that is how a digest arrives twice. The row decides.
    // (An option of nodemailer's pool that its type definitions lack.)
    ...{ maxRequeues: 0 },
  });
  transport.use("stream", trackDataHandover);
  const from = env().EMAIL_FROM;
  const fromAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return {
    async send(m) {
      // The message is built into one buffer first, in base64 rather than quoted-printable (encoded
      // natively; QP was the costliest step in JavaScript, and every client reads both). Streamed
      // as nodemailer builds it, it went out in 76-byte lines, a socket write each.
      const mail = {
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: m.headers,
        messageId: m.messageId,
        textEncoding: "base64" as const,
      };
      const raw = await new MailComposer(mail).compile().build();
      const handover: Handover = { done: false };
      try {
        await transport.sendMail({ envelope: { from: fromAddress, to: [m.to] }, raw, handover } as nodemailer.SendMailOptions);
      } catch (err) {
        throw markUnknownOutcome(err, handover.done);
      }
      return { messageId: m.messageId };
    },
    close: () => transport.close(),
  };
}

interface Handover {
  /** The whole message was written into the DATA stream (so after the server's 354). */
  done: boolean;
}

/**
 * A nodemailer plugin that notes when the message's data has been handed over whole. The stream
 * it wraps is the last of nodemailer's pipeline, the one the SMTP connection pipes into its DATA
 * stream only once the server said 354, so its "end" means the server may have it all.
 */
type MailMessage = Parameters<Parameters<Transporter["use"]>[1]>[0];

function trackDataHandover(mail: MailMessage, done: (err?: Error | null) => void) {
  const handover = (mail.data as { handover?: Handover }).handover;
  if (handover) {
    mail.message.processFunc((input) => {
      const output = new PassThrough();
      input.on("error", (err) => output.emit("error", err));
      output.once("end", () => (handover.done = true));
      return input.pipe(output);
    });
  }
  done();
}

/**
 * An error after the data went out with no reply from the server (the connection dropped, or the
 * reply timed out) leaves the outcome unknown: the server may have queued the message.
 */
function markUnknownOutcome(err: unknown, dataHandedOver: boolean): unknown {
  const e = err as { responseCode?: number; outcomeUnknown?: boolean } | null;
  if (dataHandedOver && e && typeof e === "object" && typeof e.responseCode !== "number") e.outcomeUnknown = true;
  return err;
}

/**
 * Opens the TCP connection for nodemailer with Nagle's algorithm off. nodemailer 8 leaves it on,
 * and SMTP's small pipelined commands then wait for the server's delayed ACKs (about 40 ms a
 * time): measured on loopback, one connection carried 21 small messages a second, 200 without.
 * TLS (smtps:// or STARTTLS) is set up over this socket by nodemailer as usual.
 */
function connectWithoutNagle(
  options: { host?: string; port?: number },
  callback: (err: Error | null, socketOptions?: { connection: net.Socket } | Record<string, never>) => void,
) {
  const socket = net.connect({ host: options.host ?? "localhost", port: options.port ?? 25, noDelay: true });
  let done = false;
  const finish = (connected: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (connected) return callback(null, { connection: socket });
    // Could not connect: let nodemailer try on its own. It fails the same way, and then reports
    // it through its own error path (a pool connection failed by getSocket would hold its slot).
    socket.destroy();
    callback(null, {});
  };
  const timer = setTimeout(() => finish(false), 15_000);
  socket.once("connect", () => finish(true));
  socket.once("error", () => finish(false));
}

export type SmtpFailure =
  /** The recipient's server refused the address for good (5xx to RCPT TO): a hard bounce. */
  | { kind: "bounce"; message: string }
  /** Refused for good, but not because of the address (5xx after DATA, e.g. content policy): not retried. */
  | { kind: "permanent"; message: string }
  /** The data went out and no reply came back: it may have been delivered. Never retried by itself. */
  | { kind: "unknown"; message: string }
  /** Anything else (4xx, connection refused, timeouts, authentication): retried later. */
  | { kind: "temporary"; message: string };

/** Sorts an error from nodemailer into what to do next. */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e = err as { code?: string; responseCode?: number; command?: string; message?: string; outcomeUnknown?: boolean };
  const message = (e?.message ?? String(err)).slice(0, 1000);
  if (e?.outcomeUnknown) return { kind: "unknown", message };
  const code = typeof e?.responseCode === "number" ? e.responseCode : 0;
  if (code >= 500 && code < 600) {
    if (e.code === "EENVELOPE" && e.command === "RCPT TO") return { kind: "bounce", message };
    if (e.code === "EMESSAGE" || (e.code === "EENVELOPE" && e.command === "DATA")) return { kind: "permanent", message };
  }
  return { kind: "temporary", message };
}
