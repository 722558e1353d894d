import { describe, expect, it } from "vitest";
import { safeDecode } from "@/lib/http/safe-decode";

describe("safeDecode", () => {
  it("decodes well-formed escapes", () => {
    expect(safeDecode("Yann%20LeCun")).toBe("Yann LeCun");
    expect(safeDecode("%E0%A4%A8")).toBe("न");
    expect(safeDecode("hep-th%2F9901001")).toBe("hep-th/9901001");
    expect(safeDecode("plain")).toBe("plain");
  });

  it("leaves malformed ones as they came, never throwing", () => {
    for (const bad of ["%E0%A4%A", "%zz", "%", "%E0", "a%2", "%C0%80", "%ED%A0%80"]) {
      expect(() => decodeURIComponent(bad)).toThrow(URIError);
      expect(safeDecode(bad)).toBe(bad);
    }
  });
});
