import { mkdirSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/logger";

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts maildev: a real SMTP server that keeps every message and shows it on a web
 * page, so a fresh install can send sign-in links and digests without a mail provider.
 */
export async function startMailCatcher(opts: { smtpPort: number; webPort: number; dir: string }): Promise<MailCatcher> {
  const { MailDev } = await import("maildev");
  mkdirSync(opts.dir, { recursive: true });
  const maildev = new MailDev({
    smtp: opts.smtpPort,
    web: opts.webPort,
    ip: "127.0.0.1",
    webIp: "127.0.0.1",
    mailDirectory: path.resolve(opts.dir),
    silent: true,
  });
  await maildev.start();
  const catcher = {
    smtpUrl: `smtp://127.0.0.1:${opts.smtpPort}`,
    webUrl: `http://127.0.0.1:${opts.webPort}`,
    stop: () => maildev.stop(),
  };
  logger.info({ inbox: catcher.webUrl }, `no SMTP_URL: mail goes to the embedded mail catcher, read it at ${catcher.webUrl}`);
  return catcher;
}
