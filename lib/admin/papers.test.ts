import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, request, type TestUser } from "@/lib/test/users";
import { actAs, nextSignal } from "@/lib/admin/test-support";

vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);

/**
 * Hiding and merging papers: a hidden paper leaves every list, search, feed, the similar papers
 * and the HF-compatible API, and comes back when unhidden; a merge moves upvotes, list entries
 * and featured days to the paper kept, and undoing it puts each one back.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { hidePaper, unhidePaper, findPapers, listHiddenPapers, resolvePaperRef, getAdminPaper } = await import("@/lib/admin/papers");
const { mergePapers, undoMerge, listMerges, findMergeDestination } = await import("@/lib/admin/merges");
const data = await import("@/lib/data/papers");
const { searchPapers } = await import("@/lib/data/search");
const { parseSearchQuery } = await import("@/lib/search/query");
const { dayRange, monthRange } = await import("@/lib/papers/dates");
const paperRoute = await import("@/app/api/papers/[...id]/route");
const searchRoute = await import("@/app/api/papers/search/route");
const dailyRoute = await import("@/app/api/daily_papers/route");
const rssRoute = await import("@/app/feed.xml/route");
const PaperPage = (await import("@/app/papers/[...id]/page")).default;

const actor = { email: "admin@example.org" };
const DAY = "2026-04-06";
const SPAM = "2604.00001";
const KEPT = "2604.00002";
const OTHER = "2604.00003";

let spamId: number;
let keptId: number;
let otherId: number;
/** A record of KEPT's paper that arrived without an arXiv id (a copied page), featured on another day. */
let copyId: number;
let u1: TestUser;
let u2: TestUser;
let u3: TestUser;

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: SPAM, title: "Quantum Blockchain Synergy Whitepaper", day: DAY, upvotes: 50, authors: ["Spam Bot"], organization: "SpamOrg" },
      { id: KEPT, title: "Contrastive Decoding for Reasoning Models", day: DAY, upvotes: 10, authors: ["Ada Lovelace"] },
      { id: OTHER, title: "Contrastive Decoding Revisited", day: DAY, upvotes: 3, authors: ["Ada Lovelace"] },
    ]),
  );
  spamId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: SPAM } })).id;
  keptId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: KEPT } })).id;
  otherId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: OTHER } })).id;
  const copy = await prisma.paper.create({
    data: {
      key: "title:contrastive decoding for reasoning models (copy)",
      titleKey: "contrastive decoding for reasoning models copy",
      title: "Contrastive Decoding for Reasoning Models (copy)",
      upvotes: 2,
    },
  });
  copyId = copy.id;
  await prisma.paperFeature.createMany({
    data: [
      { paperId: copyId, day: new Date("2026-04-05T00:00:00Z"), featuredAt: new Date("2026-04-05T08:00:00Z") },
      // A day both records were featured on: it stays with the copy.
      { paperId: copyId, day: new Date(`${DAY}T00:00:00Z`), featuredAt: new Date(`${DAY}T09:00:00Z`) },
    ],
  });
  u1 = await createSignedInUser(prisma, "u1@example.org");
  u2 = await createSignedInUser(prisma, "u2@example.org");
  u3 = await createSignedInUser(prisma, "u3@example.org");
});

const ids = (papers: { arxivId: string | null }[]) => papers.map((p) => p.arxivId);
const api = (path: string) => new NextRequest(request(path));
const ctx = (id: string) => ({ params: Promise.resolve({ id: id.split("/") }) });

/** Where the paper shows up for the public. */
async function visibility(arxivId: string, title: string) {
  const day = await data.listFeaturedPapers({ range: dayRange(DAY), sort: "trending", limit: 50, offset: 0 });
  const month = await data.listFeaturedPapers({ range: monthRange("2026-04"), sort: "upvotes", limit: 50, offset: 0 });
  const search = await searchPapers({ tsquery: parseSearchQuery(title)!.tsquery, limit: 20, offset: 0 });
  const author = await data.getAuthorPapers("Spam Bot", 20, 0);
  const org = await data.getOrganizationPapers("SpamOrg", 20, 0);
  const similar = await data.listSimilarPapers(otherId, 10);
  const paper = await data.getPaper({ arxivId });
  const byIds = await data.getPapersByIds([spamId, keptId, otherId]);
  const apiPaper = await paperRoute.GET(api(`/api/papers/${arxivId}`), ctx(arxivId));
  const apiSearch = await (await searchRoute.GET(api(`/api/papers/search?q=${encodeURIComponent(title)}`))).json();
  const apiDaily = await (await dailyRoute.GET(api(`/api/daily_papers?date=${DAY}`))).json();
  const rss = await (await rssRoute.GET(api("/feed.xml"))).text();
  const has = (list: { arxivId: string | null }[]) => ids(list).includes(arxivId);
  const hasEntry = (list: { paper: { id: string } }[]) => list.some((e) => e.paper.id === arxivId);
  return {
    day: has(day.papers),
    month: has(month.papers),
    search: has(search.hits.map((h) => h.paper)),
    authorOrOrg: has([...(author?.papers ?? []), ...(org?.papers ?? [])]),
    similar: has(similar),
    paper: paper !== null,
    byIds: has(byIds),
    api: apiPaper.status,
    apiSearch: hasEntry(apiSearch),
    apiDaily: hasEntry(apiDaily),
    rss: rss.includes(arxivId),
  };
}

const everywhere = {
  day: true,
  month: true,
  search: true,
  authorOrOrg: true,
  paper: true,
  byIds: true,
  api: 200,
  apiSearch: true,
  apiDaily: true,
  rss: true,
};
const nowhere = {
  day: false,
  month: false,
  search: false,
  authorOrOrg: false,
  paper: false,
  byIds: false,
  api: 404,
  apiSearch: false,
  apiDaily: false,
  rss: false,
};

describe("hiding a paper", () => {
  it("takes it out of every list, search, feed and API answer, and unhiding brings it back", async () => {
    const title = "Quantum Blockchain Synergy";
    expect(await visibility(SPAM, title)).toMatchObject(everywhere);
    await setUpvoteRow(u1, spamId);

    await hidePaper(actor, { paperId: spamId, reason: "spam" });
    expect(await visibility(SPAM, title)).toMatchObject(nowhere);
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: spamId } })).toMatchObject({ hiddenReason: "spam", mergedIntoId: null });
    // Kept, for when it comes back.
    expect(await prisma.upvote.count({ where: { paperId: spamId } })).toBe(1);
    expect((await listHiddenPapers({ page: 1 })).papers.map((p) => p.id)).toEqual([spamId]);
    // Admins still find it.
    expect((await findPapers(SPAM)).map((p) => p.id)).toEqual([spamId]);
    expect((await findPapers("blockchain synergy")).map((p) => p.id)).toEqual([spamId]);
    await expect(hidePaper(actor, { paperId: spamId, reason: "again" })).rejects.toMatchObject({ code: "conflict" });

    await unhidePaper(actor, { paperId: spamId });
    expect(await visibility(SPAM, title)).toMatchObject(everywhere);
    await expect(unhidePaper(actor, { paperId: spamId })).rejects.toMatchObject({ code: "conflict" });

    const log = await prisma.auditLog.findMany({ where: { target: `paper:${SPAM}` }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorEmail])).toEqual([
      ["paper.hide", "admin@example.org"],
      ["paper.unhide", "admin@example.org"],
    ]);
    expect(log[0].details).toMatchObject({ reason: "spam" });
  });

  it("is not in the similar papers of another paper, and its page is a 404", async () => {
    await hidePaper(actor, { paperId: otherId, reason: "duplicate of a better record" });
    expect(ids(await data.listSimilarPapers(keptId, 10))).not.toContain(OTHER);
    await expect(PaperPage({ params: Promise.resolve({ id: [OTHER] }) }).catch(nextSignal)).resolves.toBe("not found");
    await unhidePaper(actor, { paperId: otherId });
    expect(ids(await data.listSimilarPapers(keptId, 10))).toContain(OTHER);
  });

  it("an unknown paper is not found", async () => {
    await expect(hidePaper(actor, { paperId: 999_999, reason: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});

async function setUpvoteRow(user: TestUser, paperId: number) {
  const { setUpvote } = await import("@/lib/people/upvotes");
  await setUpvote(user.id, paperId, true);
}

async function listWith(user: TestUser, name: string, paperIds: number[]) {
  const list = await prisma.readingList.create({ data: { userId: user.id, name } });
  await prisma.readingListItem.createMany({
    data: paperIds.map((paperId, i) => ({ listId: list.id, paperId, position: (i + 1) * 1024, note: `note ${name} ${paperId}` })),
  });
  return list.id;
}

async function stateOf() {
  const [copy, kept, upvotes, items, features] = await Promise.all([
    prisma.paper.findUniqueOrThrow({ where: { id: copyId } }),
    prisma.paper.findUniqueOrThrow({ where: { id: keptId } }),
    prisma.upvote.findMany({
      where: { paperId: { in: [copyId, keptId] } },
      orderBy: [{ userId: "asc" }, { paperId: "asc" }],
      select: { userId: true, paperId: true },
    }),
    prisma.readingListItem.findMany({
      where: { paperId: { in: [copyId, keptId] } },
      orderBy: { id: "asc" },
      select: { id: true, listId: true, paperId: true, note: true },
    }),
    prisma.paperFeature.findMany({
      where: { paperId: { in: [copyId, keptId] } },
      orderBy: { id: "asc" },
      select: { id: true, paperId: true, day: true },
    }),
  ]);
  return {
    copy: { hiddenAt: copy.hiddenAt, hiddenReason: copy.hiddenReason, mergedIntoId: copy.mergedIntoId, userUpvotes: copy.userUpvotes },
    kept: { userUpvotes: kept.userUpvotes, hiddenAt: kept.hiddenAt },
    upvotes,
    items,
    features,
  };
}

describe("merging two records of one paper", () => {
  it("moves upvotes, list entries and featured days to the paper kept, hides the copy, and undo restores every row", async () => {
    // u1 upvoted the copy only, u2 both, u3 the arXiv record only.
    await setUpvoteRow(u1, copyId);
    await setUpvoteRow(u2, copyId);
    await setUpvoteRow(u2, keptId);
    await setUpvoteRow(u3, keptId);
    const onlyCopy = await listWith(u1, "Only the copy", [copyId]);
    const both = await listWith(u2, "Both records", [copyId, keptId]);
    const before = await stateOf();
    expect(before.copy.userUpvotes).toBe(2);
    expect(before.kept.userUpvotes).toBe(2);

    const result = await mergePapers(actor, { sourceId: copyId, targetId: keptId });
    expect(result).toMatchObject({ movedUpvotes: 1, movedListItems: 1, movedFeatures: 1 });

    const after = await stateOf();
    expect(after.copy).toMatchObject({ mergedIntoId: keptId, hiddenReason: `Merged into ${KEPT}`, userUpvotes: 1 });
    expect(after.copy.hiddenAt).not.toBeNull();
    expect(after.kept.userUpvotes).toBe(3);
    expect(after.upvotes).toEqual(
      [
        { userId: u1.id, paperId: keptId },
        { userId: u2.id, paperId: copyId },
        { userId: u2.id, paperId: keptId },
        { userId: u3.id, paperId: keptId },
      ].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.paperId - b.paperId)),
    );
    expect(after.items.find((i) => i.listId === onlyCopy)).toMatchObject({ paperId: keptId, note: `note Only the copy ${copyId}` });
    expect(
      after.items
        .filter((i) => i.listId === both)
        .map((i) => i.paperId)
        .sort(),
    ).toEqual([copyId, keptId].sort());
    expect(
      after.features
        .filter((f) => f.paperId === keptId)
        .map((f) => f.day.toISOString().slice(0, 10))
        .sort(),
    ).toEqual(["2026-04-05", DAY]);

    // The paper kept is now on the copy's day too; the copy is nowhere, and its address leads to the paper kept.
    const apr5 = await data.listFeaturedPapers({ range: dayRange("2026-04-05"), sort: "trending", limit: 10, offset: 0 });
    expect(ids(apr5.papers)).toEqual([KEPT]);
    expect(apr5.papers[0].upvotes).toBe(10 + 3);
    expect(await data.getPaper({ id: copyId })).toBeNull();
    expect(await findMergeDestination({ id: copyId })).toEqual({ id: keptId, arxivId: KEPT });
    await expect(PaperPage({ params: Promise.resolve({ id: [`local-${copyId}`] }) }).catch(nextSignal)).resolves.toBe(
      `redirect /papers/${KEPT}`,
    );
    expect((await getAdminPaper(copyId))?.mergedInto?.id).toBe(keptId);
    await expect(mergePapers(actor, { sourceId: copyId, targetId: otherId })).rejects.toMatchObject({ code: "conflict" });
    await expect(mergePapers(actor, { sourceId: otherId, targetId: copyId })).rejects.toMatchObject({ code: "conflict" });
    await expect(unhidePaper(actor, { paperId: copyId })).rejects.toMatchObject({ code: "conflict" });

    const [merge] = await listMerges({ paperId: copyId });
    expect(merge).toMatchObject({
      source: { id: copyId },
      target: { id: keptId },
      actorEmail: "admin@example.org",
      undoneAt: null,
      movedUpvotes: 1,
    });
    await undoMerge({ email: "Second@Example.org" }, { mergeId: merge.id });
    expect(await stateOf()).toEqual(before);
    expect((await listMerges({ paperId: copyId }))[0]).toMatchObject({ undoneBy: "second@example.org" });
    expect(await data.getPaper({ id: copyId })).not.toBeNull();
    expect(ids((await data.listFeaturedPapers({ range: dayRange("2026-04-05"), sort: "trending", limit: 10, offset: 0 })).papers)).toEqual([
      null,
    ]);
    await expect(undoMerge(actor, { mergeId: merge.id })).rejects.toMatchObject({ code: "conflict" });

    const log = await prisma.auditLog.findMany({ where: { action: { in: ["paper.merge", "paper.unmerge"] } }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorEmail, l.target])).toEqual([
      ["paper.merge", "admin@example.org", `paper:local-${copyId}`],
      ["paper.unmerge", "second@example.org", `paper:local-${copyId}`],
    ]);
    expect(log[0].details).toMatchObject({
      mergeId: merge.id,
      into: `paper:${KEPT}`,
      movedUpvotes: 1,
      movedListItems: 1,
      movedFeatures: 1,
    });
  });

  it("an arXiv record merged into another answers the API with a redirect to the one kept", async () => {
    const { mergeId } = await mergePapers(actor, { sourceId: otherId, targetId: keptId });
    const res = await paperRoute.GET(api(`/api/papers/${OTHER}`), ctx(OTHER));
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`/api/papers/${KEPT}`);
    await expect(PaperPage({ params: Promise.resolve({ id: [OTHER] }) }).catch(nextSignal)).resolves.toBe(`redirect /papers/${KEPT}`);
    await undoMerge(actor, { mergeId });
    expect((await paperRoute.GET(api(`/api/papers/${OTHER}`), ctx(OTHER))).status).toBe(200);
  });

  it("a feed naming a merged record again features the paper kept, through chained merges, and undo takes the day back", async () => {
    const onDay = async (day: string) =>
      ids((await data.listFeaturedPapers({ range: dayRange(day), sort: "trending", limit: 10, offset: 0 })).papers);
    const first = await mergePapers(actor, { sourceId: otherId, targetId: copyId });
    const second = await mergePapers(actor, { sourceId: copyId, targetId: keptId });
    // The next day's feed still lists OTHER under its own arXiv id.
    await ingestText(
      prisma,
      hfDocument([{ id: OTHER, title: "Contrastive Decoding Revisited", day: "2026-04-09", upvotes: 4, authors: ["Ada Lovelace"] }]),
    );
    expect(await onDay("2026-04-09")).toEqual([KEPT]);
    expect(await prisma.paperFeature.count({ where: { paperId: { in: [otherId, copyId] }, day: new Date("2026-04-09") } })).toBe(0);

    // Ingesting it again changes nothing.
    await ingestText(
      prisma,
      hfDocument([{ id: OTHER, title: "Contrastive Decoding Revisited", day: "2026-04-09", upvotes: 4, authors: ["Ada Lovelace"] }]),
    );
    expect(await prisma.paperFeature.count({ where: { day: new Date("2026-04-09") } })).toBe(1);

    await undoMerge(actor, { mergeId: second.mergeId });
    await undoMerge(actor, { mergeId: first.mergeId });
    expect(await onDay("2026-04-09")).toEqual([OTHER]);
  });

  it("a merge into a paper later merged elsewhere is undone last-first", async () => {
    const first = await mergePapers(actor, { sourceId: copyId, targetId: otherId });
    const second = await mergePapers(actor, { sourceId: otherId, targetId: keptId });
    // The copy's address follows both merges.
    expect(await findMergeDestination({ id: copyId })).toEqual({ id: keptId, arxivId: KEPT });
    await expect(undoMerge(actor, { mergeId: first.mergeId })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/undo that merge first/),
    });
    await undoMerge(actor, { mergeId: second.mergeId });
    await undoMerge(actor, { mergeId: first.mergeId });
    expect(
      (await prisma.paper.findMany({ where: { id: { in: [copyId, otherId, keptId] } } })).every(
        (p) => p.hiddenAt === null && p.mergedIntoId === null,
      ),
    ).toBe(true);
  });

  it("keeps a paper hidden before the merge hidden after the undo", async () => {
    await hidePaper(actor, { paperId: otherId, reason: "broken record" });
    const { mergeId } = await mergePapers(actor, { sourceId: otherId, targetId: keptId });
    await undoMerge(actor, { mergeId });
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: otherId } })).toMatchObject({
      hiddenReason: "broken record",
      mergedIntoId: null,
    });
    await unhidePaper(actor, { paperId: otherId });
  });

  it("refuses merging a paper into itself, into a hidden paper, or with an unknown one", async () => {
    await expect(mergePapers(actor, { sourceId: keptId, targetId: keptId })).rejects.toMatchObject({ code: "bad_request" });
    await hidePaper(actor, { paperId: spamId, reason: "spam" });
    await expect(mergePapers(actor, { sourceId: keptId, targetId: spamId })).rejects.toMatchObject({ code: "conflict" });
    await expect(mergePapers(actor, { sourceId: keptId, targetId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
    await expect(undoMerge(actor, { mergeId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("names papers the way admins type them", async () => {
    expect(await resolvePaperRef(`arXiv:${KEPT}v3`)).toBe(keptId);
    expect(await resolvePaperRef(`local-${copyId}`)).toBe(copyId);
    expect(await resolvePaperRef(`#${copyId}`)).toBe(copyId);
    await expect(resolvePaperRef("2999.99999")).rejects.toMatchObject({ code: "not_found" });
    await expect(resolvePaperRef("not a paper")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the merge form's action", () => {
  it("merges this paper into the one named, or the one named into this one", async () => {
    const { mergePapersAction, undoMergeAction } = await import("@/app/admin/papers/actions");
    const admin = await createSignedInUser(prisma, "form-admin@example.org");
    process.env.ADMIN_EMAILS = "form-admin@example.org";
    actAs(admin);
    const f = new FormData();
    f.set("paperId", String(keptId));
    f.set("role", "target");
    f.set("other", OTHER);
    expect(await mergePapersAction({}, f)).toMatchObject({ ok: expect.stringMatching(/^Merged/) });
    const merge = await prisma.paperMerge.findFirstOrThrow({ where: { undoneAt: null }, orderBy: { id: "desc" } });
    expect(merge).toMatchObject({ sourceId: otherId, targetId: keptId });
    const u = new FormData();
    u.set("mergeId", String(merge.id));
    expect(await undoMergeAction({}, u)).toMatchObject({ ok: expect.any(String) });
    f.set("other", "no such paper");
    expect(await mergePapersAction({}, f)).toMatchObject({ error: expect.stringMatching(/No paper/) });
  });
});
