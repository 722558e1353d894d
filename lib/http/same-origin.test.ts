import { afterEach, describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/me/lists", { method: "POST", headers });

describe("isSameOrigin", () => {
  afterEach(() => {
    delete process.env.AUTH_URL;
  });

  it("with AUTH_URL set, only AUTH_URL's origin is ours, whatever Host and X-Forwarded-Host say", () => {
    process.env.AUTH_URL = "https://papers.example.org";
    expect(isSameOrigin(post({ origin: "https://papers.example.org", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "https://evil.example", host: "evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.example", host: "localhost:3000", "x-forwarded-host": "evil.example" }))).toBe(false);
    // Same host, other scheme or port: another origin.
    expect(isSameOrigin(post({ origin: "http://papers.example.org", host: "papers.example.org" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "https://papers.example.org:8443", host: "papers.example.org:8443" }))).toBe(false);
  });

  it("without AUTH_URL, the Host the browser connected to; X-Forwarded-Host is not believed", () => {
    expect(isSameOrigin(post({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "http://evil.example", host: "localhost:3000", "x-forwarded-host": "evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://evil.example", host: "localhost:3000" }))).toBe(false);
  });

  it("no Origin, or an opaque one, is refused", () => {
    expect(isSameOrigin(post({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "not a url", host: "localhost:3000" }))).toBe(false);
  });
});
