import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { startArxivStandIn, type ArxivStandIn } from "@/lib/test/arxiv-stand-in";
import { createSignedInUser, request, type TestUser } from "@/lib/test/users";

vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);

/** POST /api/papers/submit: who may call it, and what hostile requests get. */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const arxiv: ArxivStandIn = await startArxivStandIn();
process.env.ARXIV_API_URL = arxiv.url;
afterAll(() => arxiv.close());

const route = await import("@/app/api/papers/submit/route");
const { createApiToken } = await import("@/lib/auth/api-tokens");

let n = 0;
const paper = () => {
  const id = `2612.${String(20000 + ++n)}`;
  arxiv.papers.set(id, { published: new Date(Date.now() - 60_000) });
  return id;
};
const post = (o: Parameters<typeof request>[1]) => route.POST(request("/api/papers/submit", { method: "POST", ...o }) as never);

let user: TestUser;
let token: string;
beforeAll(async () => {
  user = await createSignedInUser(prisma, "api-submitter@example.org");
  await prisma.user.update({ where: { id: user.id }, data: { name: "Api Person" } });
  token = (await createApiToken(user.id, "script")).token;
});

describe("POST /api/papers/submit", () => {
  it("with a personal token: 201 and the paper's addresses", async () => {
    const id = paper();
    const res = await post({ token, origin: null, body: { arxiv: `arxiv.org/abs/${id}v1` } });
    expect(res.status).toBe(201);
    const { submission } = await res.json();
    expect(submission).toMatchObject({ id, day: new Date().toISOString().slice(0, 10) });
    expect(submission.paperUrl).toMatch(new RegExp(`/papers/${id.replace(".", "\\.")}$`));
    expect(await prisma.paperSubmission.count({ where: { userId: user.id } })).toBe(1);
  });

  it("from a Paperboy page with the session cookie: 201", async () => {
    expect((await post({ user, body: { arxiv: paper() } })).status).toBe(201);
  });

  it("signed out: 401, nothing asked of arXiv", async () => {
    const before = arxiv.requests;
    const res = await post({ origin: null, body: { arxiv: paper() } });
    expect(res.status).toBe(401);
    expect(arxiv.requests).toBe(before);
  });

  it("a revoked or made-up token: 401", async () => {
    expect((await post({ token: "pb_not-a-real-token", origin: null, body: { arxiv: paper() } })).status).toBe(401);
  });

  it("the cookie from another site (forged Origin): 403, nothing stored", async () => {
    const id = paper();
    const res = await post({ user, origin: "https://evil.example", body: { arxiv: id } });
    expect(res.status).toBe(403);
    expect(await prisma.paper.count({ where: { arxivId: id } })).toBe(0);
  });

  it("forged forwarding headers change nothing: links come from AUTH_URL, the rules still apply", async () => {
    const id = paper();
    const req = request("/api/papers/submit", { method: "POST", token, origin: null, body: { arxiv: id } });
    req.headers.set("x-forwarded-host", "evil.example");
    req.headers.set("x-forwarded-for", "1.2.3.4");
    req.headers.set("host", "evil.example");
    const res = await route.POST(req as never);
    expect(res.status).toBe(201);
    expect(JSON.stringify(await res.json())).not.toContain("evil.example");
  });

  it("answers each refusal with its reason", async () => {
    const id = paper();
    await post({ token, origin: null, body: { arxiv: id } });
    const again = await post({ token, origin: null, body: { arxiv: id } });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "conflict", reason: "already_featured" });
    const unknown = await post({ token, origin: null, body: { arxiv: "2612.99990" } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.reason).toBe("unknown_id");
  });

  it.each([
    ["a huge declared body", 413, () => ({ body: JSON.stringify({ arxiv: "x".repeat(10_000_000) }) })],
    ["not JSON", 400, () => ({ body: "{arxiv: 2406" })],
    ["no arxiv field", 400, () => ({ body: {} })],
    ["a number", 400, () => ({ body: { arxiv: 2406.12345 } })],
    ["an array", 400, () => ({ body: [paper()] })],
    ["an id of 301 characters", 400, () => ({ body: { arxiv: "1".repeat(301) } })],
    ["a URL of another host", 400, () => ({ body: { arxiv: "https://arxiv.org.evil.example/abs/2612.00001" } })],
    ["a name with a bidi override", 400, () => ({ body: { arxiv: paper(), name: "Ada\u202Eevil" } })],
    ["a name of 61 characters", 400, () => ({ body: { arxiv: paper(), name: "a".repeat(61) } })],
  ])("%s: %i, nothing stored", async (_what, status, make) => {
    const before = await prisma.paperSubmission.count();
    const res = await post({ token, origin: null, ...make() });
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toBeTruthy();
    expect(await prisma.paperSubmission.count()).toBe(before);
  });

  it("a chunked body with no length is cut off at the limit", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 10_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/api/papers/submit", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await route.POST(req as never);
    expect(res.status).toBe(413);
    expect(sent, "stopped reading soon after the limit").toBeLessThan(20);
  });
});
