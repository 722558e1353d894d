import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript module without types, used by scripts/start.mjs
import { isLoopback, publicAddress } from "./public-address.mjs";

describe("publicAddress (npm start)", () => {
  it("without AUTH_URL listens on loopback only, and warns that links say localhost", () => {
    expect(publicAddress({ PORT: "3999" })).toEqual({ hostname: "127.0.0.1", warning: expect.stringContaining("http://localhost:3999") });
    expect(publicAddress({ HOSTNAME: "::1" }).hostname).toBe("::1");
    expect(publicAddress({ HOSTNAME: "localhost" }).hostname).toBe("localhost");
  });

  it("without AUTH_URL refuses any address other machines can reach", () => {
    for (const HOSTNAME of ["0.0.0.0", "::", "192.168.1.10", "papers.example.org"]) {
      expect(publicAddress({ HOSTNAME }).error, HOSTNAME).toMatch(/Refusing to listen .* without AUTH_URL/);
    }
  });

  it("with AUTH_URL listens everywhere by default, and wants a bare http(s) origin", () => {
    expect(publicAddress({ AUTH_URL: "https://papers.example.org" })).toEqual({ hostname: "0.0.0.0" });
    expect(publicAddress({ AUTH_URL: "https://papers.example.org/", HOSTNAME: "10.0.0.5" })).toEqual({ hostname: "10.0.0.5" });
    for (const AUTH_URL of [
      "papers.example.org",
      "ftp://papers.example.org",
      "https://papers.example.org/app",
      "https://u:p@papers.example.org",
      "https://papers.example.org/?x=1",
    ]) {
      expect(publicAddress({ AUTH_URL }).error, AUTH_URL).toBeTruthy();
    }
  });

  it("knows loopback when it sees it", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"]) expect(isLoopback(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "localhost.example.org"]) expect(isLoopback(h), h).toBe(false);
  });

  it("`npm start` exits at once, before booting anything, when it would listen publicly without AUTH_URL", () => {
    const env = { ...process.env, HOSTNAME: "0.0.0.0", AUTH_URL: "", PORT: "1" };
    const run = spawnSync(process.execPath, ["scripts/start.mjs"], { env, encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0 without AUTH_URL/);
  });
});
