/**
 * The SMTP sink of `npm run bench:digest`, in a process of its own so that parsing the incoming
 * mail does not share the sender's event loop. Started with fork(): it sends `{ port }` once
 * listening, and answers `"count"` with `{ accepted, bytes }`.
 */
import { startSmtpSink } from "@/lib/test/smtp-sink";

const sink = await startSmtpSink({ discardBodies: true });
process.send!({ port: sink.port });
process.on("message", (m) => {
  if (m === "count") process.send!({ accepted: sink.accepted(), bytes: sink.messages.reduce((n, x) => n + x.size, 0) });
  if (m === "stop") void sink.close().then(() => process.exit(0));
});
