import { describe, expect, it } from "vitest";
import { smtpOptionsFromUrl } from "./smtp-url";

describe("smtpOptionsFromUrl", () => {
  it("reads host, port, TLS mode and escaped credentials", () => {
    expect(smtpOptionsFromUrl("smtps://mailer%40lab.org:p%3Ass%40w@smtp.lab.org:465")).toEqual({
      secure: true,
      host: "smtp.lab.org",
      port: 465,
      auth: { user: "mailer@lab.org", pass: "p:ss@w" },
    });
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525")).toEqual({ secure: false, host: "127.0.0.1", port: 2525 });
    expect(smtpOptionsFromUrl("smtp://[::1]:25").host).toBe("::1");
  });

  it("types query options and nests dotted ones, as nodemailer's own URL form does", () => {
    expect(smtpOptionsFromUrl("smtp://h:587?ignoreTLS=true&connectionTimeout=5000&tls.rejectUnauthorized=false&name=lab")).toEqual({
      secure: false,
      host: "h",
      port: 587,
      ignoreTLS: true,
      connectionTimeout: 5000,
      tls: { rejectUnauthorized: false },
      name: "lab",
    });
  });

  it("refuses a URL that is not SMTP with a message naming the scheme", () => {
    expect(() => smtpOptionsFromUrl("http://smtp.lab.org")).toThrow(/smtp:\/\/ or smtps:\/\/, not http:/);
  });
});
