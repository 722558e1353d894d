import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { createSignedInUser, request } from "@/lib/test/users";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const papersApi = await import("@/app/api/papers/[...id]/route");
const markdown = await import("@/app/md/papers/[id]/route");
const upvotes = await import("@/app/api/me/upvotes/[paper]/route");
const oneClick = await import("@/app/api/unsubscribe/[token]/route");
const { sessionTokenFrom } = await import("@/lib/auth/session");
const { parseArxivRef } = await import("@/lib/lists/import-text");

/** Malformed percent-encodings a client can put in a path: each must be a 4xx, never a 500. */
const MALFORMED = ["%E0%A4%A", "%zz", "%", "%E0"];

describe("malformed percent-encoding is the client's mistake, never a 500", () => {
  it("GET /api/papers/{id}", async () => {
    for (const bad of MALFORMED) {
      const res = await papersApi.GET(new NextRequest(`http://localhost/api/papers/x`), { params: Promise.resolve({ id: [bad] }) });
      expect(res.status, bad).toBe(404);
    }
  });

  it("GET /papers/{id}.md", async () => {
    for (const bad of MALFORMED) {
      const res = await markdown.GET(new Request("http://localhost/md/papers/x"), { params: Promise.resolve({ id: bad }) });
      expect(res.status, bad).toBe(404);
    }
  });

  it("PUT /api/me/upvotes/{paper}", async () => {
    const user = await createSignedInUser(prisma, "escapes@example.org");
    for (const bad of MALFORMED) {
      const res = await upvotes.PUT(new NextRequest(request("/api/me/upvotes/x", { method: "PUT", user })), {
        params: Promise.resolve({ paper: bad }),
      });
      expect([400, 404], bad).toContain(res.status);
    }
  });

  it("POST /api/unsubscribe/{token}", async () => {
    for (const bad of MALFORMED) {
      const res = await oneClick.POST(new Request("http://localhost/api/unsubscribe/x", { method: "POST" }), {
        params: Promise.resolve({ token: bad }),
      });
      expect([400, 404], bad).toContain(res.status);
    }
  });

  it("a session cookie", () => {
    expect(sessionTokenFrom("authjs.session-token=%E0%A4%A")).toBe("%E0%A4%A");
    expect(sessionTokenFrom("other=%zz; authjs.session-token=abc")).toBe("abc");
  });

  it("an arXiv URL pasted into an import", () => {
    expect(parseArxivRef("https://arxiv.org/abs/%zz")).toHaveProperty("reason");
  });
});
