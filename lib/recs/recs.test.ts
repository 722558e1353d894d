import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { createSignedInUser, type TestUser } from "@/lib/test/users";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "recs-test-secret-0123456789";
process.env.AUTH_URL = "http://paperboy.test";
const { setUpvote } = await import("@/lib/people/upvotes");
const { addToList } = await import("@/lib/lists/items");
const { ensureDefaultList } = await import("@/lib/people/viewer-state");
const compute = await import("@/lib/recs/compute");
const read = await import("@/lib/recs/read");
const signals = await import("@/lib/recs/signals");

const DAY = "2026-05-04";
const OLD = "2026-05-01";
const id = (n: number) => `2605.${String(n).padStart(5, "0")}`;
const astro = [
  "Galaxy clusters and dark matter halos",
  "Dark matter halos of dwarf galaxies",
  "Lensing by galaxy clusters",
  "Supernova remnants in dwarf galaxies",
];
const robots = [
  "Robot grasping with tactile sensors",
  "Legged robot locomotion on rough terrain",
  "Tactile sensors for robot hands",
  "Robot navigation in crowds",
];

let person: TestUser;
const paperId = async (arxivId: string) => (await prisma.paper.findUniqueOrThrow({ where: { arxivId } })).id;
const recIds = async (userId: string) =>
  (await read.listRecommendations(userId, { start: DAY, end: "2026-05-05" }, 20)).map((r) => r.paper.arxivId);

beforeAll(async () => {
  // Earlier papers the person will upvote (astro), and the day's papers of both topics.
  await ingestText(
    prisma,
    hfDocument([
      ...astro.map((t, i) => ({
        id: id(i + 1),
        title: `${t}: a survey`,
        summary: `We study ${t.toLowerCase()} with telescopes.`,
        day: OLD,
      })),
      ...astro.map((t, i) => ({ id: id(i + 11), title: t, summary: `Observations of ${t.toLowerCase()}.`, day: DAY })),
      ...robots.map((t, i) => ({ id: id(i + 21), title: t, summary: `Experiments on ${t.toLowerCase()}.`, day: DAY, upvotes: 50 })),
    ]),
  );
  person = await createSignedInUser(prisma, "reader@example.org");
});

describe("recommendations", () => {
  it("with fewer than three signals there is nothing personal", async () => {
    await setUpvote(person.id, await paperId(id(1)), true);
    await compute.drainStale(prisma);
    expect(await read.recsStatus(person.id)).toMatchObject({ signals: 1, personal: false });
    expect(await recIds(person.id)).toEqual([]);
  });

  it("ranks the day's papers of the topic a person upvoted and saved above the rest, with reasons, leaving out their own papers", async () => {
    await setUpvote(person.id, await paperId(id(2)), true);
    const list = await ensureDefaultList(person.id);
    await addToList(person.id, list.id, await paperId(id(3)));
    // A paper of the day already upvoted is not recommended back.
    await setUpvote(person.id, await paperId(id(11)), true);
    await compute.drainStale(prisma);
    const recs = await read.listRecommendations(person.id, { start: DAY, end: "2026-05-05" }, 20);
    const ids = recs.map((r) => r.paper.arxivId);
    expect(ids).not.toContain(id(11));
    expect(ids.slice(0, 3).sort()).toEqual([id(12), id(13), id(14)]);
    // Robots share no words with the astro papers: not recommended (the day's trending says otherwise).
    for (const r of robots.keys()) expect(ids).not.toContain(id(r + 21));
    for (const r of recs) expect(r.reason.kind === "like" ? r.reason.title : r.reason.words.join(" ")).toMatch(/\w/);
    expect(recs.some((r) => r.reason.kind === "like")).toBe(true);
  });

  it("Not interested takes a paper out at once, and undo brings it back after the recomputation", async () => {
    const target = await paperId(id(12));
    await signals.setNotInterested(person.id, target, true);
    expect(await recIds(person.id)).not.toContain(id(12));
    expect((await read.listNotInterested(person.id)).map((p) => p.id)).toEqual([target]);
    await compute.drainStale(prisma);
    expect(await recIds(person.id)).not.toContain(id(12));
    await signals.setNotInterested(person.id, target, false);
    await compute.drainStale(prisma);
    expect(await recIds(person.id)).toContain(id(12));
  });

  it("pausing drops the scores, and deleting what it learned removes Not interested marks and stays paused", async () => {
    await signals.setRecsPaused(person.id, true);
    await compute.drainStale(prisma);
    expect(await recIds(person.id)).toEqual([]);
    expect((await read.recsStatus(person.id)).paused).toBe(true);
    await signals.setRecsPaused(person.id, false);
    await compute.drainStale(prisma);
    expect((await recIds(person.id)).length).toBeGreaterThan(0);

    await signals.setNotInterested(person.id, await paperId(id(13)), true);
    await signals.forgetRecs(person.id);
    expect(await read.listNotInterested(person.id)).toEqual([]);
    expect(await recIds(person.id)).toEqual([]);
    await compute.drainStale(prisma);
    expect(await recIds(person.id)).toEqual([]);
    await signals.setRecsPaused(person.id, false);
    await compute.drainStale(prisma);
    expect((await recIds(person.id)).length).toBeGreaterThan(0);
  });

  it("papers arriving later are scored for everyone active, by the arrival job", async () => {
    await ingestText(prisma, hfDocument([{ id: id(40), title: "Dark matter halos of galaxy clusters, revisited", day: DAY }]));
    await compute.recomputeAfterArrival(prisma);
    expect((await recIds(person.id)).slice(0, 4)).toContain(id(40));
  });

  it("term vectors of an older version of the words are recomputed, and so is everyone they served", async () => {
    const before = await recIds(person.id);
    expect(before.length).toBeGreaterThan(0);
    const papers = await prisma.paper.count();
    // As after a deploy that changed lib/recs/text.ts: stored vectors (here garbage) of version 1.
    await prisma.$executeRaw`UPDATE rec_df SET df = 1 WHERE feature = -1`;
    await prisma.$executeRaw`UPDATE rec_paper_terms SET idx = '{1}', tf = '{1}'`;
    await prisma.$executeRaw`DELETE FROM rec_scores WHERE user_id = ${person.id}`;
    expect(await compute.papersWithoutTerms(prisma)).toBe(true);
    expect((await compute.ensurePaperTerms(prisma)).length).toBe(papers);
    expect(await compute.papersWithoutTerms(prisma)).toBe(false);
    const [{ garbage }] = await prisma.$queryRaw<{ garbage: number }[]>`
      SELECT count(*)::int AS garbage FROM rec_paper_terms WHERE idx = '{1}'`;
    expect(garbage).toBe(0);
    await compute.drainStale(prisma);
    expect(await recIds(person.id)).toEqual(before);
  });

  it("Papers like this list come from the list's papers alone", async () => {
    const other = await createSignedInUser(prisma, "lists@example.org");
    const robotsList = await prisma.readingList.create({ data: { userId: other.id, name: "Robots" } });
    await addToList(other.id, robotsList.id, await paperId(id(21)));
    await compute.drainStale(prisma);
    const like = (await read.listLikeThisList(robotsList.id)).map((r) => r.paper.arxivId);
    expect(like[0]).toBe(id(23));
    expect(like).not.toContain(id(21));
    expect(like).not.toContain(id(12));
  });
});

describe("a digest ordered For you", () => {
  it("sends the same filtered set as trending would, in the person's order, and still exactly once", async () => {
    const { startSmtpSink } = await import("@/lib/test/smtp-sink");
    const { mailsTo } = await import("@/lib/digest/test-helpers");
    const { parsePeriod } = await import("@/lib/digest/periods");
    const { runDigest } = await import("@/lib/digest/run-digest");
    const { createDigestMailer } = await import("@/lib/email/smtp-pool");
    const sink = await startSmtpSink();
    const reader = await createSignedInUser(prisma, "digest-reader@example.org");
    for (const n of [1, 2, 3]) await setUpvote(reader.id, await paperId(id(n)), true);
    await compute.drainStale(prisma);
    const base = { status: "active" as const, confirmedAt: new Date(), frequency: "daily" as const, limit: 3 };
    await prisma.subscription.create({ data: { ...base, email: reader.email, userId: reader.id, order: "for-you" } });
    await prisma.subscription.create({ data: { ...base, email: "trending@example.org" } });
    const mailer = createDigestMailer({ url: sink.url, connections: 1 });
    try {
      const period = parsePeriod("daily", DAY)!;
      await runDigest({ prisma, period, mailer, concurrency: 1 });
      const again = await runDigest({ prisma, period, mailer, concurrency: 1 });
      expect(again.sent).toBe(0);
    } finally {
      mailer.close();
      await sink.close();
    }
    const [mine] = await mailsTo(sink, reader.email);
    const [trending] = await mailsTo(sink, "trending@example.org");
    expect((await mailsTo(sink, reader.email)).length).toBe(1);
    const order = (text: string) =>
      [...astro, ...robots]
        .map((t) => [t, text.indexOf(t)] as const)
        .filter(([, i]) => i >= 0)
        .sort((a, b) => a[1] - b[1])
        .map(([t]) => t);
    // Trending: the robots (50 upvotes each) first; For you: the astro papers.
    expect(robots).toContain(order(trending.text)[0]);
    expect(astro).toContain(order(mine.text)[0]);
  }, 60_000);
});

describe("freshness through the job worker", () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => stop?.());

  it("an upvote is reflected within 60 seconds, by the worker, not by the request", async () => {
    const { getBoss, stopBoss } = await import("@/lib/jobs/queue");
    const { startWorker } = await import("@/lib/jobs/worker");
    await startWorker(await getBoss(url), prisma);
    stop = stopBoss;
    const fresh = await createSignedInUser(prisma, "fresh@example.org");
    for (const n of [21, 22]) await setUpvote(fresh.id, await paperId(id(n)), true);
    const started = Date.now();
    await setUpvote(fresh.id, await paperId(id(23)), true);
    // The request only marked the person: nothing is computed yet.
    expect(await recIds(fresh.id)).toEqual([]);
    let ids: (string | null)[] = [];
    while (Date.now() - started < 60_000) {
      ids = await recIds(fresh.id);
      if (ids.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(ids[0]).toBe(id(24));
  }, 90_000);
});
