import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser } from "@/lib/test/users";
import { parseFeedXml, plainFromHtml } from "@/lib/feeds/test-xml";

// Next's data cache exists only inside a Next server; here cached queries run every time.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (f: unknown) => f }));

// The public address differs from every address a request can claim: links must use this one.
const SITE = "https://papers.example.org";
process.env.AUTH_URL = SITE;
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const rssRoute = await import("@/app/feed.xml/route");
const atomRoute = await import("@/app/atom.xml/route");
const searchRoute = await import("@/app/search/feed.xml/route");
const listRoute = await import("@/app/lists/shared/[token]/feed.xml/route");

// Markup, CDATA tricks, a literal entity, and characters XML 1.0 cannot carry at all.
const CONTROL = "\u0001\u0008\u000B\u000C\u001B\uFFFE\uFFFF";
const TITLE = `Hostile <img src=x onerror=alert(1)> ]]> &amp; <![CDATA[ x${CONTROL}y`;
const ABSTRACT = `It <script>alert(1)</script> ends ]]> here &amp; "q" 'a' <![CDATA[ z${CONTROL}w`;
const AUTHORS = ["Eve <b onmouseover=alert(1)>bold</b>", `Mallory ]]> &amp;${CONTROL} Jr`];
const LIST_NAME = `Mine <img src=x onerror=alert(2)> ]]> &amp;${CONTROL}`;
const NOTE = "PRIVATE <img src=x onerror=alert(3)> note";
/** What survives: the same text without the characters XML cannot hold. */
const kept = (s: string) =>
  s
    .split("")
    .filter((c) => !CONTROL.includes(c))
    .join("");

let token = "";

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2608.00001", title: "Hostile placeholder", day: "2026-08-14", upvotes: 9 },
      { id: "2608.00002", title: "A calm paper about hostile inputs", day: "2026-08-14", upvotes: 1 },
    ]),
  );
  // Written straight to the database: the feed must hold up whatever ingestion lets through.
  const paper = await prisma.paper.update({ where: { arxivId: "2608.00001" }, data: { title: TITLE, abstract: ABSTRACT } });
  await prisma.paperAuthor.deleteMany({ where: { paperId: paper.id } });
  for (const [position, name] of AUTHORS.entries()) {
    const author = await prisma.author.create({ data: { name } });
    await prisma.paperAuthor.create({ data: { paperId: paper.id, authorId: author.id, position } });
  }
  const user = await createSignedInUser(prisma, "sharer@example.org");
  token = randomBytes(24).toString("base64url");
  const list = await prisma.readingList.create({ data: { userId: user.id, name: LIST_NAME, shareToken: token } });
  await prisma.readingListItem.create({ data: { listId: list.id, paperId: paper.id, position: 1, note: NOTE } });
});

/** A request whose URL, Host and X-Forwarded-* all name someone else's site. */
function forged(path: string): NextRequest {
  return new NextRequest(`http://evil.example:8080${path}`, {
    headers: { host: "evil.example:8080", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "http", "x-forwarded-port": "81" },
  });
}

const served = {
  "/feed.xml": () => rssRoute.GET(forged("/feed.xml")),
  "/atom.xml": () => atomRoute.GET(forged("/atom.xml")),
  "/search/feed.xml?q=hostile": () => searchRoute.GET(forged("/search/feed.xml?q=hostile")),
  "/search/feed.xml?q=hostile&format=atom": () => searchRoute.GET(forged("/search/feed.xml?q=hostile&format=atom")),
  "shared list": () => listRoute.GET(forged(`/lists/shared/${token}/feed.xml`), { params: Promise.resolve({ token }) }),
};

async function fetchFeed(name: keyof typeof served) {
  const res = await served[name]();
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, doc: parseFeedXml(text), type: res.headers.get("content-type") ?? "" };
}

const rssFeeds = ["/feed.xml", "/search/feed.xml?q=hostile", "shared list"] as const;
const atomFeeds = ["/atom.xml", "/search/feed.xml?q=hostile&format=atom"] as const;

describe.each(rssFeeds)("RSS %s", (name) => {
  it("is well-formed XML whose hostile text comes back literally, never as markup", async () => {
    const { text, doc, type } = await fetchFeed(name);
    expect(type).toContain("application/rss+xml");
    expect(text).not.toContain("<![CDATA[");
    const item = doc.rss.channel.item.find((i: { link: string }) => i.link.endsWith("/papers/2608.00001"));
    expect(item.title).toBe(kept(TITLE));
    // RSS readers take <description> as HTML: the abstract goes out as HTML that shows the text.
    expect(item.description).not.toContain("<");
    expect(plainFromHtml(item.description)).toBe(kept(ABSTRACT));
    expect(item["dc:creator"]).toEqual(AUTHORS.map(kept));
    expect(text).not.toContain("PRIVATE");
  });

  it("links to AUTH_URL whatever Host or X-Forwarded-Host the request carries", async () => {
    const { text, doc } = await fetchFeed(name);
    expect(text).not.toMatch(/evil\.example|attacker\.example/);
    const channel = doc.rss.channel;
    expect(channel.link.startsWith(`${SITE}/`)).toBe(true);
    const self = channel["atom:link"].find((l: Record<string, string>) => l["@rel"] === "self");
    expect(self["@href"].startsWith(`${SITE}/`)).toBe(true);
    expect(self["@href"]).toContain(name === "shared list" ? `/lists/shared/${token}/feed.xml` : name);
    for (const item of channel.item) expect(item.link.startsWith(`${SITE}/papers/`)).toBe(true);
  });
});

describe.each(atomFeeds)("Atom %s", (name) => {
  it("is well-formed XML with text constructs of type text that come back literally", async () => {
    const { text, doc, type } = await fetchFeed(name);
    expect(type).toContain("application/atom+xml");
    expect(text).not.toContain("<![CDATA[");
    expect(text).not.toContain('type="html"');
    const entry = doc.feed.entry.find((e: { id: string }) => e.id.endsWith("/papers/2608.00001"));
    expect(entry.title).toEqual({ "#text": kept(TITLE), "@type": "text" });
    expect(entry.summary).toEqual({ "#text": kept(ABSTRACT), "@type": "text" });
    expect(entry.author.map((a: { name: string }) => a.name)).toEqual(AUTHORS.map(kept));
  });

  it("links to AUTH_URL whatever Host or X-Forwarded-Host the request carries", async () => {
    const { text, doc } = await fetchFeed(name);
    expect(text).not.toMatch(/evil\.example|attacker\.example/);
    const links: Record<string, string>[] = doc.feed.link;
    const self = links.find((l) => l["@rel"] === "self")!;
    expect(self["@href"]).toBe(`${SITE}${name}`);
    expect(links.find((l) => l["@rel"] === "alternate")!["@href"].startsWith(`${SITE}/`)).toBe(true);
    for (const entry of doc.feed.entry) {
      expect(entry.id.startsWith(`${SITE}/papers/`)).toBe(true);
      expect(entry.link.every((l: Record<string, string>) => l["@href"].startsWith(`${SITE}/papers/`))).toBe(true);
    }
  });
});

describe("the shared list's feed", () => {
  it("names the list literally and never carries the owner's notes", async () => {
    const { text, doc } = await fetchFeed("shared list");
    expect(doc.rss.channel.title).toBe(`${kept(LIST_NAME)} · Paperboy reading list`);
    expect(text).not.toContain("PRIVATE");
  });
});

describe("the search feed", () => {
  it("echoes a hostile query as text", async () => {
    const q = "hostile <img src=x onerror=alert(4)> ]]>";
    for (const format of ["", "&format=atom"]) {
      const res = await searchRoute.GET(forged(`/search/feed.xml?q=${encodeURIComponent(q)}${format}`));
      const doc = parseFeedXml(await res.text());
      const title = format ? doc.feed.title["#text"] : doc.rss.channel.title;
      expect(title).toBe(`Paperboy: papers matching “${q}”`);
    }
  });
});
