import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type AsOptions, type TestUser } from "@/lib/test/users";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const listsRoute = await import("@/app/api/me/lists/route");
const listRoute = await import("@/app/api/me/lists/[id]/route");
const itemRoute = await import("@/app/api/me/lists/[id]/items/[...paper]/route");
const importRoute = await import("@/app/api/me/lists/[id]/import/route");
const exportRoute = await import("@/app/api/me/lists/[id]/export/route");
const feedRoute = await import("@/app/lists/shared/[token]/feed.xml/route");
const { getSharedList } = await import("@/lib/lists/lists");
const { listSharedEntries } = await import("@/lib/lists/items");

const PAPERS = [
  { id: "2403.00001", title: "Alpha: Attention over Everything", authors: ["Ada Lovelace", "Alan Turing"], day: "2026-03-01" },
  { id: "2403.00002", title: "beta-Coders & 100% Recall_{fast}", authors: ["Émile Durkheim"], day: "2026-03-02" },
  { id: "2403.00003", title: '$Q$-Values, "Quoted", and Commas', authors: ["Grace Hopper"], day: "2026-03-03" },
  { id: "2403.00004", title: "=cmd|' /C calc'!A0 Delta", authors: ["Mallory Injector"], day: "2026-03-04" },
  { id: "2403.00005", title: "Epsilon Greedy Revisited", authors: ["Richard Sutton"], day: "2026-03-05" },
  {
    id: "hep-th/9901001",
    title: "Old Style Strings",
    authors: ["Edward Witten"],
    day: "2019-01-05",
    publishedAt: "1999-01-05T00:00:00.000Z",
  },
];
const ids = PAPERS.map((p) => p.id);

let users = 0;
/** A user of its own per test: unique data, and each test has its own rate-limit budget. */
const newUser = () => createSignedInUser(prisma, `reader${++users}@example.org`);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test answers

async function call(res: Promise<Response>): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const r = await res;
  const text = r.status === 204 ? "" : await r.text();
  let body: Json = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {}
  return { status: r.status, body, headers: r.headers, text };
}

const idCtx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const api = (u: TestUser) => {
  const as = (o: AsOptions) => ({ user: u, ...o });
  return {
    lists: () => call(listsRoute.GET(new NextRequest(request("/api/me/lists", as({}))))),
    create: (name: unknown) => call(listsRoute.POST(new NextRequest(request("/api/me/lists", as({ method: "POST", body: { name } }))))),
    get: (id: number, query = "") => call(listRoute.GET(new NextRequest(request(`/api/me/lists/${id}${query}`, as({}))), idCtx(id))),
    patch: (id: number, body: unknown) =>
      call(listRoute.PATCH(new NextRequest(request(`/api/me/lists/${id}`, as({ method: "PATCH", body }))), idCtx(id))),
    remove: (id: number) => call(listRoute.DELETE(new NextRequest(request(`/api/me/lists/${id}`, as({ method: "DELETE" }))), idCtx(id))),
    put: (id: number, paper: string, body?: unknown) =>
      call(
        itemRoute.PUT(new NextRequest(request(`/api/me/lists/${id}/items/${paper}`, as({ method: "PUT", body }))), {
          params: Promise.resolve({ id: String(id), paper: paper.split("/") }),
        }),
      ),
    take: (id: number, paper: string) =>
      call(
        itemRoute.DELETE(new NextRequest(request(`/api/me/lists/${id}/items/${paper}`, as({ method: "DELETE" }))), {
          params: Promise.resolve({ id: String(id), paper: paper.split("/") }),
        }),
      ),
    item: (id: number, paper: string, body: unknown) =>
      call(
        itemRoute.PATCH(new NextRequest(request(`/api/me/lists/${id}/items/${paper}`, as({ method: "PATCH", body }))), {
          params: Promise.resolve({ id: String(id), paper: paper.split("/") }),
        }),
      ),
    import: (id: number, text: string) =>
      call(importRoute.POST(new NextRequest(request(`/api/me/lists/${id}/import`, as({ method: "POST", body: text }))), idCtx(id))),
    export: (id: number, format: string) =>
      call(exportRoute.GET(new NextRequest(request(`/api/me/lists/${id}/export?format=${format}`, as({}))), idCtx(id))),
  };
};
type Api = ReturnType<typeof api>;

const arxivIds = (body: Json) => (body.items as Json[]).map((i) => i.paper.arxivId);

async function newList(a: Api, name: string, papers: string[] = []): Promise<number> {
  const { body } = await a.create(name);
  for (const p of papers) expect((await a.put(body.list.id, p)).status).toBe(201);
  return body.list.id;
}

beforeAll(async () => {
  await ingestText(prisma, hfDocument(PAPERS));
});

describe("lists", () => {
  it("every user has Read later; lists are created, renamed and deleted with their items", async () => {
    const a = api(await newUser());
    const { body } = await a.lists();
    expect(body.lists).toEqual([
      expect.objectContaining({ name: "Read later", isDefault: true, shared: false, shareUrl: null, itemCount: 0 }),
    ]);
    const readLater = body.lists[0].id;

    const created = await a.create("  To cite  ");
    expect(created.status).toBe(201);
    expect(created.body.list).toMatchObject({ name: "To cite", isDefault: false, shared: false });
    const id = created.body.list.id;
    expect((await a.create("to CITE")).status).toBe(409);
    expect((await a.create("read later")).status).toBe(409);
    expect((await a.create("")).status).toBe(400);
    expect((await a.create("x".repeat(81))).status).toBe(400);
    expect((await a.create(42)).status).toBe(400);

    expect((await a.patch(id, { name: "To cite (thesis)" })).body.list.name).toBe("To cite (thesis)");
    expect((await a.patch(readLater, { name: "Something else" })).status).toBe(400);
    expect((await a.remove(readLater)).status).toBe(400);
    expect((await a.patch(id, {})).status).toBe(400);
    expect((await a.patch(id, { name: "x", owner: "someone" })).status).toBe(400);

    await a.put(id, ids[0], { note: "a note" });
    expect((await a.remove(id)).status).toBe(204);
    expect((await a.get(id)).status).toBe(404);
    expect(await prisma.readingListItem.count({ where: { listId: id } })).toBe(0);
    expect((await a.lists()).body.lists.map((l: Json) => l.name)).toEqual(["Read later"]);
  });
});

describe("items", () => {
  it("adds a paper once by arXiv id, versioned id or old-style id, and says which lists hold it", async () => {
    const a = api(await newUser());
    const readLater = (await a.lists()).body.lists[0].id;
    const other = await newList(a, "Other");
    const first = await a.put(readLater, "2403.00001v2");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ added: true, listIds: [readLater] });
    const again = await a.put(readLater, "2403.00001");
    expect(again.status).toBe(200);
    expect(again.body.added).toBe(false);
    expect((await a.put(other, "2403.00001")).body.listIds).toEqual([readLater, other].sort((x, y) => x - y));
    expect((await a.put(readLater, "hep-th/9901001")).status).toBe(201);
    expect((await a.put(readLater, "2403.99999")).status).toBe(404);
    expect(arxivIds((await a.get(readLater)).body)).toEqual(["2403.00001", "hep-th/9901001"]);

    const taken = await a.take(readLater, "2403.00001");
    expect(taken.body).toMatchObject({ removed: true, listIds: [other] });
    expect((await a.take(readLater, "2403.00001")).body.removed).toBe(false);
  });

  it("keeps a private note, length-limited, and a read state that remembers when", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Notes", [ids[0], ids[1], ids[2]]);
    const noted = await a.item(id, ids[1], { note: 'Read §3 first, "carefully"' });
    expect(noted.body.item).toMatchObject({ note: 'Read §3 first, "carefully"', read: false, readAt: null });
    expect((await a.item(id, ids[1], { note: "x".repeat(2001) })).status).toBe(400);
    expect((await a.item(id, ids[1], { note: "x".repeat(2000) })).status).toBe(200);
    expect((await a.item(id, ids[1], { read: "yes" })).status).toBe(400);
    expect((await a.item(id, ids[4], { read: true })).status).toBe(404);

    const read = await a.item(id, ids[1], { read: true });
    expect(read.body.item.read).toBe(true);
    const firstReadAt = read.body.item.readAt;
    expect((await a.item(id, ids[1], { read: true })).body.item.readAt).toBe(firstReadAt);

    expect(arxivIds((await a.get(id, "?filter=read")).body)).toEqual([ids[1]]);
    expect(arxivIds((await a.get(id, "?filter=unread")).body)).toEqual([ids[0], ids[2]]);
    expect(arxivIds((await a.get(id, "?filter=nonsense")).body)).toEqual([ids[0], ids[1], ids[2]]);
    expect((await a.item(id, ids[1], { read: false })).body.item).toMatchObject({ read: false, readAt: null });
  });

  it("sorts by manual order, date added (newest first) and title", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Sorted", [ids[4], ids[0], ids[1]]);
    expect(arxivIds((await a.get(id)).body)).toEqual([ids[4], ids[0], ids[1]]);
    expect(arxivIds((await a.get(id, "?sort=added")).body)).toEqual([ids[1], ids[0], ids[4]]);
    // Alpha, beta (case does not matter), Epsilon.
    expect(arxivIds((await a.get(id, "?sort=title")).body)).toEqual([ids[0], ids[1], ids[4]]);
  });
});

describe("reordering", () => {
  const order = async (a: Api, id: number) => arxivIds((await a.get(id)).body);

  it("moves an item to an index, as dragging or the move buttons do", async () => {
    const a = api(await newUser());
    const [A, B, C, D, E] = ids;
    const id = await newList(a, "Order", [A, B, C, D, E]);
    const moved = await a.item(id, E, { position: 0 });
    expect(moved.body.item.index).toBe(0);
    expect(await order(a, id)).toEqual([E, A, B, C, D]);
    expect((await a.item(id, E, { position: 4 })).body.item.index).toBe(4);
    expect(await order(a, id)).toEqual([A, B, C, D, E]);
    await a.item(id, A, { position: 2 });
    expect(await order(a, id)).toEqual([B, C, A, D, E]);
    // Past the end means last; a negative index is refused.
    expect((await a.item(id, B, { position: 99 })).body.item.index).toBe(4);
    expect(await order(a, id)).toEqual([C, A, D, E, B]);
    expect((await a.item(id, B, { position: -1 })).status).toBe(400);
    expect((await a.item(id, B, { position: 1.5 })).status).toBe(400);
    // A new paper goes to the end.
    await a.put(id, ids[5]);
    expect(await order(a, id)).toEqual([C, A, D, E, B, ids[5]]);
  });

  it("stays right when one gap is split until the list must be renumbered", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Squeeze", ids.slice(0, 4));
    let expected = ids.slice(0, 4);
    // Always move the last item between the first two: the gap halves each time.
    for (let i = 0; i < 60; i++) {
      const last = expected[expected.length - 1];
      await a.item(id, last, { position: 1 });
      expected = [expected[0], last, ...expected.slice(1, -1)];
    }
    expect(await order(a, id)).toEqual(expected);
    const positions = (await prisma.readingListItem.findMany({ where: { listId: id }, select: { position: true } })).map((p) => p.position);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("concurrent moves keep every item exactly once", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Busy", ids);
    const results = await Promise.all(ids.map((p, i) => a.item(id, p, { position: (i * 7) % ids.length })));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const final = await order(a, id);
    expect([...final].sort()).toEqual([...ids].sort());
  });
});

describe("sharing", () => {
  const feed = (token: string) =>
    call(feedRoute.GET(new NextRequest(request(`/lists/shared/${token}/feed.xml`)), { params: Promise.resolve({ token }) }));

  it("gives an unguessable link, shows the list read-only without notes, and revokes it", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Shared", [ids[0], ids[1]]);
    await a.item(id, ids[0], { note: "PRIVATE-NOTE-42", read: true });

    const shared = await a.patch(id, { shared: true });
    const link: string = shared.body.list.shareUrl;
    expect(link).toMatch(new RegExp(`^http://localhost:${process.env.PORT || 3000}/lists/shared/[A-Za-z0-9_-]{32}$`));
    const token = link.split("/").pop()!;
    expect((await a.patch(id, { shared: true })).body.list.shareUrl).toBe(link);

    expect(await getSharedList(token)).toMatchObject({ id, name: "Shared" });
    const entries = await listSharedEntries(id);
    expect(entries.map((e) => e.paper.arxivId)).toEqual([ids[0], ids[1]]);
    expect(JSON.stringify(entries)).not.toContain("PRIVATE-NOTE-42");
    expect(Object.keys(entries[0]).sort()).toEqual(["addedAt", "paper"]);

    const rss = await feed(token);
    expect(rss.status).toBe(200);
    expect(rss.headers.get("content-type")).toContain("application/rss+xml");
    expect(rss.headers.get("x-robots-tag")).toContain("noindex");
    expect(rss.text).toContain("Alpha: Attention over Everything");
    expect(rss.text).not.toContain("PRIVATE-NOTE-42");

    // Guessing is hopeless and malformed tokens never reach the database.
    expect(await getSharedList(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await getSharedList("' OR 1=1 --")).toBeNull();

    const stopped = await a.patch(id, { shared: false });
    expect(stopped.body.list).toMatchObject({ shared: false, shareUrl: null });
    expect(await getSharedList(token)).toBeNull();
    expect((await feed(token)).status).toBe(404);

    const again = await a.patch(id, { shared: true });
    expect(again.body.list.shareUrl).not.toBe(link);
    expect((await feed(token)).status).toBe(404);
    expect((await feed(again.body.list.shareUrl.split("/").pop())).status).toBe(200);
  });
});

describe("import and export", () => {
  it("exports BibTeX and CSV as downloads and imports them back into a new list: same papers, same order", async () => {
    const a = api(await newUser());
    const order = [ids[2], ids[5], ids[0], ids[3], ids[1]];
    const id = await newList(a, "Thesis: chapter 2", order);
    await a.item(id, ids[3], { note: '=HYPERLINK("http://evil.example") and "quotes", commas' });

    const bib = await a.export(id, "bibtex");
    expect(bib.status).toBe(200);
    expect(bib.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(bib.headers.get("content-disposition")).toBe('attachment; filename="thesis-chapter-2.bib"');
    expect(bib.text).toContain("@misc{lovelace2026alpha,");
    expect(bib.text).toContain("eprint = {hep-th/9901001},");
    expect(bib.text).toContain("archivePrefix = {arXiv},");
    expect(bib.text).toContain("url = {https://arxiv.org/abs/2403.00002},");
    expect(bib.text).toContain("title = {{beta-Coders \\& 100\\% Recall\\_\\{fast\\}}},");
    expect(bib.text).toContain('title = {{$Q$-Values, "Quoted", and Commas}},');
    expect(bib.text).toContain("author = {Émile Durkheim},");
    expect(bib.text).toContain("witten1999old");
    expect(bib.text).not.toContain("HYPERLINK");

    const csv = await a.export(id, "csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="thesis-chapter-2.csv"');
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("position,arxiv_id,title,authors,published,added,read,note,url");
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil.example"") and ""quotes"", commas"`);
    expect(lines[4]).toContain(`'=cmd|' /C calc'!A0 Delta`);

    for (const [format, text] of [
      ["bibtex", bib.text],
      ["csv", csv.text],
    ] as const) {
      const copy = await newList(a, `Copy from ${format}`);
      const report = await a.import(copy, text);
      expect(report.status).toBe(200);
      expect(report.body.problems).toEqual([]);
      expect(report.body.added.map((r: Json) => r.arxivId)).toEqual(order);
      expect(arxivIds((await a.get(copy)).body)).toEqual(order);
    }

    // And the bare ids, one per line, as someone would paste them.
    const ids2 = [...bib.text.matchAll(/eprint = \{([^}]+)\}/g)].map((m) => m[1]).join("\n");
    const plain = await newList(a, "Copy from ids");
    await a.import(plain, ids2);
    expect(arxivIds((await a.get(plain)).body)).toEqual(order);
  });

  it("reports bad lines with their numbers, unknown papers, and duplicates, and adds the good ones", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Imported", [ids[0]]);
    const text = [
      "https://arxiv.org/abs/2403.00001v3", // already in the list
      "2403.00002 https://arxiv.org/pdf/2403.00003v1.pdf",
      "",
      "this is not an id",
      "2501.99999",
      "arXiv:2403.00002",
      "https://example.com/abs/2403.00004",
    ].join("\n");
    const { status, body } = await a.import(id, text);
    expect(status).toBe(200);
    expect(body.added).toEqual([
      { line: 2, arxivId: "2403.00002", paperId: expect.any(Number) },
      { line: 2, arxivId: "2403.00003", paperId: expect.any(Number) },
    ]);
    expect(body.skipped).toEqual([
      { line: 1, arxivId: "2403.00001", reason: "already in this list" },
      { line: 6, arxivId: "2403.00002", reason: "named again further up" },
    ]);
    expect(body.problems).toEqual([
      { line: 4, text: "this", reason: "not an arXiv id or arxiv.org URL" },
      { line: 4, text: "is", reason: "not an arXiv id or arxiv.org URL" },
      { line: 4, text: "not", reason: "not an arXiv id or arxiv.org URL" },
      { line: 4, text: "an", reason: "not an arXiv id or arxiv.org URL" },
      { line: 4, text: "id", reason: "not an arXiv id or arxiv.org URL" },
      { line: 5, text: "2501.99999", reason: "not in Paperboy yet" },
      { line: 7, text: "https://example.com/abs/2403.00004", reason: "not an arxiv.org URL" },
    ]);
    expect(arxivIds((await a.get(id)).body)).toEqual([ids[0], ids[1], ids[2]]);
  });

  it("accepts JSON { text } too, and refuses bodies that are too large", async () => {
    const u = await newUser();
    const a = api(u);
    const id = await newList(a, "Json import");
    const json = await call(
      importRoute.POST(
        new NextRequest(request(`/api/me/lists/${id}/import`, { user: u, method: "POST", body: { text: ids[4] } })),
        idCtx(id),
      ),
    );
    expect(json.body.added).toHaveLength(1);
    const huge = await a.import(id, "2403.00001\n".repeat(80_000));
    expect(huge.status).toBe(413);
    expect((await a.export(id, "docx")).status).toBe(400);
  });

  it("leaves papers an admin hid out of views and exports", async () => {
    const a = api(await newUser());
    const id = await newList(a, "Hidden", [ids[0], ids[1]]);
    await prisma.paper.update({ where: { arxivId: ids[1] }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    try {
      expect(arxivIds((await a.get(id)).body)).toEqual([ids[0]]);
      expect((await a.export(id, "bibtex")).text).not.toContain(ids[1]);
      expect((await a.put(id, ids[1])).status).toBe(404);
    } finally {
      await prisma.paper.update({ where: { arxivId: ids[1] }, data: { hiddenAt: null, hiddenReason: null } });
    }
  });
});
