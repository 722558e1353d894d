import { afterEach, describe, expect, it } from "vitest";
import { isAdminEmail } from "@/lib/auth/admin";

describe("isAdminEmail", () => {
  afterEach(() => {
    delete process.env.ADMIN_EMAILS;
  });

  it("accepts exactly the listed addresses, in any case", () => {
    process.env.ADMIN_EMAILS = "Root@Lab.example, ops@lab.example\nthird@lab.example";
    expect(isAdminEmail("root@lab.example")).toBe(true);
    expect(isAdminEmail("OPS@lab.example")).toBe(true);
    expect(isAdminEmail("third@lab.example")).toBe(true);
    expect(isAdminEmail("root@lab.example.evil")).toBe(false);
    expect(isAdminEmail("oot@lab.example")).toBe(false);
    expect(isAdminEmail(null)).toBe(false);
  });

  it("with ADMIN_EMAILS unset, nobody is an admin", () => {
    expect(isAdminEmail("root@lab.example")).toBe(false);
    expect(isAdminEmail("")).toBe(false);
  });
});
