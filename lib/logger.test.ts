import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "@/lib/logger";

const dbPassword = "s3cr3t-DB-pass";
const smtpPassword = "mail-Pa55word";
const bearer = "ingest-token-0123456789abcdef";
const databaseUrl = `postgresql://paperboy:${dbPassword}@db.internal:5432/paperboy`;
const smtpUrl = `smtp://mailer:${smtpPassword}@smtp.example.org:587`;

/** A logger at trace level writing into an array of lines. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger(sink);
  log.level = "trace";
  return { log, text: () => lines.join(""), records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger redaction", () => {
  it("hides DATABASE_URL and SMTP_URL however they are logged", () => {
    const { log, text, records } = capture();
    log.info({ DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl }, "config");
    log.info({ env: { DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl } }, "nested config");
    log.info({ databaseUrl, smtpUrl, connectionString: databaseUrl }, "camel case");
    log.warn({ target: databaseUrl, feeds: [smtpUrl] }, "under other names");
    log.info(`connecting to ${databaseUrl}`);
    log.info("connecting to %s", smtpUrl);
    log.child({ url: databaseUrl }).info("child bindings");
    log.child({ component: "boot" }).child({ url: smtpUrl }).info("grandchild bindings");
    log.error(new Error(`connect ECONNREFUSED for ${databaseUrl}`));
    log.error({ err: new TypeError(`bad ${smtpUrl}`) }, "wrapped error");

    const out = text();
    expect(out).not.toContain(dbPassword);
    expect(out).not.toContain(smtpPassword);
    // What is left is still useful: host and user survive, only the password goes.
    expect(out).toContain("postgresql://paperboy:[redacted]@db.internal:5432/paperboy");
    const [first, , , , , , , , errorRecord, wrapped] = records();
    expect(first.DATABASE_URL).toBe("[redacted]");
    expect((errorRecord.err as { type: string }).type).toBe("Error");
    expect((wrapped.err as { type: string }).type).toBe("TypeError");
  });

  it("hides Authorization headers, cookies and tokens", () => {
    const { log, text, records } = capture();
    log.info({ headers: { authorization: `Bearer ${bearer}`, cookie: "authjs.session-token=abc123session" } }, "request");
    log.info({ req: { headers: { authorization: `Basic ${Buffer.from("u:p4ss").toString("base64")}` } } }, "deeper");
    log.info({ authorization: `Bearer ${bearer}`, token: bearer, password: dbPassword }, "top level");
    log.info(`got header Authorization: Bearer ${bearer}`);
    log.info({ note: `host=db password=${dbPassword} user=x` }, "keyword connection string");

    const out = text();
    expect(out).not.toContain(bearer);
    expect(out).not.toContain("abc123session");
    expect(out).not.toContain(dbPassword);
    expect(out).not.toContain(Buffer.from("u:p4ss").toString("base64"));
    expect((records()[0].headers as Record<string, string>).authorization).toBe("[redacted]");
  });

  it("leaves ordinary text and URLs without credentials alone", () => {
    expect(scrubSecrets("fetched https://huggingface.co/api/daily_papers?date=2026-08-14")).toBe(
      "fetched https://huggingface.co/api/daily_papers?date=2026-08-14",
    );
    expect(scrubSecrets("a Bearer of good news")).toBe("a Bearer of good news");
  });
});
