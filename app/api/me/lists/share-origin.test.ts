import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, type TestUser } from "@/lib/test/users";

/**
 * Share links and export files name the site by AUTH_URL. Next's `request.nextUrl.origin` is
 * its own address for the request (localhost:PORT behind `npm start`, or whatever Host the
 * client sent), so links built from it pointed at localhost or at a forged host.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_URL = "https://papers.example.org";
const listsRoute = await import("@/app/api/me/lists/route");
const listRoute = await import("@/app/api/me/lists/[id]/route");
const exportRoute = await import("@/app/api/me/lists/[id]/export/route");

const SITE = "https://papers.example.org";
// What a client may send: Next's own URL, a forged Host and forwarded headers.
const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http", origin: SITE };

function req(user: TestUser, path: string, method = "GET", body?: unknown) {
  const headers = new Headers({ ...forged, cookie: user.cookie });
  if (body !== undefined) headers.set("content-type", "application/json");
  return new NextRequest(`http://localhost:3000${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

let user: TestUser;
beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      {
        id: "hep-th/9901001",
        title: "Old Style Strings",
        authors: ["Edward Witten"],
        day: "2019-01-05",
        publishedAt: "1999-01-05T00:00:00.000Z",
      },
    ]),
  );
  user = await createSignedInUser(prisma, "sharer@example.org");
});

describe("share and export links use AUTH_URL", () => {
  it("in every answer that names the share link, and in exported files", async () => {
    const created = await (await listsRoute.POST(req(user, "/api/me/lists", "POST", { name: "Shared" }))).json();
    const id: number = created.list.id;
    const shared = await (await listRoute.PATCH(req(user, `/api/me/lists/${id}`, "PATCH", { shared: true }), ctx(id))).json();
    expect(shared.list.shareUrl).toMatch(new RegExp(`^${SITE}/lists/shared/[A-Za-z0-9_-]{32}$`));

    const one = await (await listRoute.GET(req(user, `/api/me/lists/${id}`), ctx(id))).json();
    expect(one.list.shareUrl).toBe(shared.list.shareUrl);
    const all = await (await listsRoute.GET(req(user, "/api/me/lists"))).json();
    expect(all.lists.find((l: { id: number }) => l.id === id).shareUrl).toBe(shared.list.shareUrl);

    // A paper without an arXiv id is cited by its page here.
    const { PUT } = await import("@/app/api/me/lists/[id]/items/[...paper]/route");
    const put = await PUT(req(user, `/api/me/lists/${id}/items/hep-th/9901001`, "PUT"), {
      params: Promise.resolve({ id: String(id), paper: ["hep-th", "9901001"] }),
    });
    expect(put.status).toBeLessThan(300);
    for (const format of ["csv", "bibtex"]) {
      const file = await (await exportRoute.GET(req(user, `/api/me/lists/${id}/export?format=${format}`), ctx(id))).text();
      expect(file, format).not.toMatch(/evil\.example|localhost/);
    }
  });
});
