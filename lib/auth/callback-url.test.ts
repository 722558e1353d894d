import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackPath("/papers/2406.12345?upvote=1#top")).toBe("/papers/2406.12345?upvote=1#top");
    expect(safeCallbackPath(["/lists", "/other"])).toBe("/lists");
    expect(safeCallbackPath("/lists/./mine/../shared")).toBe("/lists/shared");
    expect(safeCallbackPath("/search?q=%2F%2Fnot-a-host")).toBe("/search?q=%2F%2Fnot-a-host");
  });

  it("refuses other sites and odd schemes", () => {
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, null]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });

  // Each of these is a path to a browser only until it is normalised (dot segments, backslashes,
  // stripped tabs and newlines) or decoded by whoever reads it next; the result must still be a
  // path on this site.
  it.each([
    ["//evil.example"],
    ["///evil.example"],
    ["/\\evil.example"],
    ["/\\/evil.example"],
    ["\\/evil.example"],
    ["/.//evil.example"],
    ["/./\\evil.example"],
    ["/..//evil.example"],
    ["/a/..//evil.example"],
    ["/%2F%2Fevil.example"],
    ["/%2f/evil.example"],
    ["/%5Cevil.example"],
    ["/%5c%5cevil.example"],
    ["/.%2F%2Fevil.example"],
    ["/%2E//evil.example"],
    ["/%252F%252Fevil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["\t//evil.example"],
    ["/.\t//evil.example"],
    ["/ //evil.example"],
    ["/%09/evil.example"],
    ["/%0a/evil.example"],
  ])("%j goes home", (raw) => {
    const path = safeCallbackPath(raw);
    expect(path).toBe("/");
  });
});
