import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { sendEmail } from "@/lib/email/mailer";
import { startMailCatcher, type MailCatcher } from "@/lib/server/mail-catcher";
import { freePort } from "@/lib/test/postgres";
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";

describe("sending mail over SMTP", () => {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (c) => (raw += c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.EMAIL_FROM = "Paperboy <papers@lab.example>";
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it("delivers the message with its sender, recipient, headers and both bodies", async () => {
    await sendEmail({
      to: "ada@lab.example",
      subject: "Today's papers",
      text: "Plain body",
      html: "<p>HTML body</p>",
      headers: { "X-Paperboy-Digest": "daily-2026-08-14" },
    });
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe("papers@lab.example");
    expect(received[0].to).toEqual(["ada@lab.example"]);
    const parsed = await simpleParser(received[0].raw);
    expect(parsed.subject).toBe("Today's papers");
    expect(parsed.text?.trim()).toBe("Plain body");
    expect(parsed.html).toContain("<p>HTML body</p>");
    expect(parsed.headers.get("x-paperboy-digest")).toBe("daily-2026-08-14");
  });
});

describe("the embedded mail catcher", () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({
      smtpPort: await freePort(),
      webPort: await freePort(),
      dir: mkdtempSync(path.join(os.tmpdir(), "maildev-")),
    });
    process.env.SMTP_URL = catcher.smtpUrl;
  });
  afterAll(() => catcher.stop());

  it("receives mail and shows it through its web API", async () => {
    await sendEmail({ to: "grace@lab.example", subject: "Confirm your subscription", text: "Click the link" });
    const res = await fetch(`${catcher.webUrl}/api/email`);
    const emails = (await res.json()) as { subject: string; to: { address: string }[] }[];
    expect(emails.map((e) => e.subject)).toContain("Confirm your subscription");
    expect(emails.find((e) => e.subject === "Confirm your subscription")?.to[0].address).toBe("grace@lab.example");
  });
});
