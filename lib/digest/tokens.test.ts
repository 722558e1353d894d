import { describe, expect, it } from "vitest";
import { hashConfirmToken, isConfirmTokenShape, newConfirmToken, unsubscribeToken, verifyUnsubscribeToken } from "@/lib/digest/tokens";

process.env.AUTH_SECRET = "test-secret-for-unsubscribe-tokens";

describe("unsubscribe tokens", () => {
  it("round-trip the subscription id", () => {
    const token = unsubscribeToken(42);
    expect(token).toMatch(/^42\.[A-Za-z0-9_-]{22}$/);
    expect(verifyUnsubscribeToken(token)).toBe(42);
  });

  it("refuse a token for another id, a changed signature, junk and another secret's tokens", () => {
    const token = unsubscribeToken(42);
    const sig = token.split(".")[1];
    expect(verifyUnsubscribeToken(`43.${sig}`)).toBeNull();
    expect(verifyUnsubscribeToken(`42.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`)).toBeNull();
    for (const junk of [
      "",
      "42",
      "42.",
      ".abc",
      "0.AAAAAAAAAAAAAAAAAAAAAA",
      "-1.AAAAAAAAAAAAAAAAAAAAAA",
      `42.${sig}.x`,
      `99999999999.${sig}`,
    ]) {
      expect(verifyUnsubscribeToken(junk)).toBeNull();
    }
    process.env.AUTH_SECRET = "another-secret-entirely-000";
    expect(verifyUnsubscribeToken(token)).toBeNull();
    process.env.AUTH_SECRET = "test-secret-for-unsubscribe-tokens";
    expect(verifyUnsubscribeToken(token)).toBe(42);
  });
});

describe("confirmation tokens", () => {
  it("are random, hashed for storage and recognisable by shape", () => {
    const a = newConfirmToken();
    const b = newConfirmToken();
    expect(a.token).not.toBe(b.token);
    expect(isConfirmTokenShape(a.token)).toBe(true);
    expect(a.hash).toBe(hashConfirmToken(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(isConfirmTokenShape("short")).toBe(false);
  });
});
