import { SMTPServer } from "smtp-server";
import { freePort } from "@/lib/test/postgres";

export interface ReceivedMessage {
  from: string;
  to: string[];
  /** The raw message (empty when bodies are discarded). */
  raw: string;
  size: number;
}

export interface SmtpSinkOptions {
  port?: number;
  /** Count messages without keeping them (benchmarks). */
  discardBodies?: boolean;
  /** Refuse a recipient: return an SMTP reply code (e.g. 550 or 450) and text, or null to accept. */
  refuseRecipient?: (address: string) => { code: number; message: string } | null;
  /** Hold each message this long before answering 250. */
  delayMs?: number;
  /**
   * Drop the connection once a message's data is in, without answering (a crash or a network
   * cut at the worst moment: the client cannot know whether the message was taken).
   */
  dropAfterData?: (to: string[]) => boolean;
  /** Drop the connection at RCPT TO, before any data (nothing can have been delivered). */
  dropAfterRcpt?: boolean;
}

export interface SmtpSink {
  url: string;
  port: number;
  messages: ReceivedMessage[];
  /** Messages received whole, then left unanswered (`dropAfterData`). */
  dropped: ReceivedMessage[];
  /** Messages accepted so far (also when bodies are discarded). */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for tests and benchmarks (smtp-server, no auth, no TLS).
 * A message counts once the server has answered 250 to it, as a real server would queue it.
 */
export async function startSmtpSink(o: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMessage[] = [];
  const dropped: ReceivedMessage[] = [];
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 200,
    onRcptTo(address, session, callback) {
      if (o.dropAfterRcpt) return dropConnection(session.id);
      const refusal = o.refuseRecipient?.(address.address);
      if (!refusal) return callback();
      const err = new Error(refusal.message) as Error & { responseCode: number };
      err.responseCode = refusal.code;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        if (!o.discardBodies) chunks.push(c);
      });
      stream.on("end", () => {
        const message = () => ({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: o.discardBodies ? "" : Buffer.concat(chunks).toString("utf8"),
          size,
        });
        if (o.dropAfterData?.(session.envelope.rcptTo.map((r) => r.address))) {
          dropped.push(message());
          return dropConnection(session.id);
        }
        const finish = () => {
          accepted++;
          messages.push(message());
          callback();
        };
        if (o.delayMs) setTimeout(finish, o.delayMs);
        else finish();
      });
    },
  });
  server.on("error", () => {});
  // smtp-server hands its handlers no socket: find the session's connection.
  function dropConnection(sessionId: string) {
    for (const c of (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections)
      if (c.id === sessionId) c._socket.destroy();
  }
  const port = o.port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    dropped,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
