import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackPath("/papers/2406.12345?upvote=1#top")).toBe("/papers/2406.12345?upvote=1#top");
    expect(safeCallbackPath(["/lists", "/other"])).toBe("/lists");
  });

  it("refuses other sites and odd schemes", () => {
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, null]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
