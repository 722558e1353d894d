import { describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of `npm start`, without type declarations
import { hasMalformedPath } from "./malformed-path.mjs";

describe("hasMalformedPath", () => {
  it("refuses paths whose percent-encoding does not decode", () => {
    for (const bad of [
      "/papers/%E0%A4%A",
      "/authors/%zz",
      "/orgs/%",
      "/api/papers/%E0",
      "/lists/shared/%E0",
      "/unsubscribe/%zz?x=1",
      "/a/%C0%80",
    ]) {
      expect(hasMalformedPath(bad), bad).toBe(true);
    }
  });

  it("lets everything else through, query strings included", () => {
    for (const good of [
      "/",
      "/papers/2406.12345",
      "/authors/Yann%20LeCun",
      "/orgs/%E0%A4%A8",
      "/search?q=%zz",
      "/papers?date=2026-01-01",
    ]) {
      expect(hasMalformedPath(good), good).toBe(false);
    }
  });
});
