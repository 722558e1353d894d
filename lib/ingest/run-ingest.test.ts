import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { runIngest, type IngestOptions, type IngestProgress } from "@/lib/ingest/run-ingest";
import { useTestDatabase } from "@/lib/test/db";
import { logger } from "@/lib/logger";
import { failInsertOf, hfDocument } from "@/lib/test/ingest";
import { feedJson, feedText, streamOf } from "@/lib/test/fixtures";

const { prisma } = await useTestDatabase();

type Entry = { title: string; numComments: number; paper: Record<string, unknown> & { id: string; title: string; upvotes: number } };

function ingest(text: string, extra: Partial<IngestOptions> = {}) {
  return runIngest({ body: streamOf(text), origin: "test", trigger: "cli", prisma, ...extra });
}

async function tableCounts() {
  const [papers, authors, links, features, orgs] = await Promise.all([
    prisma.paper.count(),
    prisma.author.count(),
    prisma.paperAuthor.count(),
    prisma.paperFeature.count(),
    prisma.organization.count(),
  ]);
  return { papers, authors, links, features, orgs };
}

async function expectNothingWritten(promise: Promise<unknown>, code: string) {
  // Handled at once: the run may fail while the counts are read.
  const settled = promise.catch((e: unknown) => e);
  const before = await tableCounts();
  const err = await settled;
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect(await tableCounts()).toEqual(before);
  const run = await prisma.ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(run.status).toBe("failed");
  expect(run.error).toBe((err as AppError).message);
  return err as AppError;
}

beforeEach(async () => {
  await prisma.$executeRawUnsafe("TRUNCATE papers, authors, organizations, ingest_runs RESTART IDENTITY CASCADE");
});

describe("ingesting a Hugging Face daily-papers capture", () => {
  const doc = feedText("hf-daily-papers-2026-08-14.json");

  it("stores every paper with its authors in order, organization and featured day", async () => {
    const summary = await ingest(doc);
    expect(summary).toMatchObject({ format: "hf-daily", new: 23, updated: 0, unchanged: 0, rejected: 0 });

    const paper = await prisma.paper.findUniqueOrThrow({
      where: { arxivId: "2608.13489" },
      include: { authors: { orderBy: { position: "asc" }, include: { author: true } }, features: true },
    });
    expect(paper.title).toBe("DreamX-Phi 1.0: Action-Conditioned Video World Model for Robotic Manipulation");
    expect(paper.authors.map((a) => a.author.name).slice(0, 3)).toEqual(["DreamX Team", "Rui Chen", "Xiangxiang Chu"]);
    expect(paper.authors).toHaveLength(10);
    expect(paper.publishedAt?.toISOString()).toBe("2026-08-13T00:00:00.000Z");
    expect(paper.features.map((f) => f.day.toISOString().slice(0, 10))).toEqual(["2026-08-14"]);
    expect(paper.features[0].submitterName).toBe("xiaochonglinghu");

    const run = await prisma.ingestRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run).toMatchObject({ status: "succeeded", format: "hf-daily", newCount: 23, rejectedCount: 0, trigger: "cli" });
    expect(run.finishedAt).not.toBeNull();
  });

  it("changes nothing when the same capture is ingested again", async () => {
    await ingest(doc);
    const before = await tableCounts();
    const updatedAt = (await prisma.paper.findMany({ orderBy: { id: "asc" }, select: { updatedAt: true } })).map((p) =>
      p.updatedAt.getTime(),
    );

    const again = await ingest(doc);
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 23, rejected: 0 });
    expect(await tableCounts()).toEqual(before);
    const after = (await prisma.paper.findMany({ orderBy: { id: "asc" }, select: { updatedAt: true } })).map((p) => p.updatedAt.getTime());
    expect(after).toEqual(updatedAt);
  });

  it("updates the mutable fields from a newer capture without duplicating anything", async () => {
    await ingest(doc);
    const before = await tableCounts();
    const entries = feedJson<Entry[]>("hf-daily-papers-2026-08-14.json");
    const target = entries[3];
    target.paper.upvotes += 40;
    target.numComments = 9;
    target.paper.githubStars = 1234;
    target.paper.ai_summary = "A newer summary.";

    const summary = await ingest(JSON.stringify(entries));
    expect(summary).toMatchObject({ new: 0, updated: 1, unchanged: 22 });
    const stored = await prisma.paper.findUniqueOrThrow({ where: { arxivId: target.paper.id.replace(/v\d+$/, "") } });
    expect(stored).toMatchObject({ upvotes: target.paper.upvotes, numComments: 9, githubStars: 1234, aiSummary: "A newer summary." });
    expect(await tableCounts()).toEqual(before);
  });

  it("keeps one record for a paper featured again on another day", async () => {
    await ingest(doc);
    const entries = feedJson<Entry[]>("hf-daily-papers-2026-08-14.json").slice(0, 1);
    entries[0].paper.submittedOnDailyAt = "2026-08-20T00:00:00.000Z";
    const summary = await ingest(JSON.stringify(entries));
    expect(summary).toMatchObject({ new: 0, updated: 1 });
    const paper = await prisma.paper.findUniqueOrThrow({
      where: { arxivId: entries[0].paper.id },
      include: { features: { orderBy: { day: "asc" } } },
    });
    expect(paper.features.map((f) => f.day.toISOString().slice(0, 10))).toEqual(["2026-08-14", "2026-08-20"]);
  });
});

describe("papers that arrive without an arXiv id", () => {
  const page = feedText("hf-papers-page-excerpt.txt");
  const bellman = "Inverting the Bellman Equation: From $Q$-Values to World Models";

  function hfEntryFor(title: string, id: string) {
    const [entry] = feedJson<Entry[]>("hf-daily-papers-2026-08-14.json");
    entry.title = title;
    entry.paper.title = title;
    entry.paper.id = id;
    return JSON.stringify([entry]);
  }

  it("are kept under their title and merged when a feed brings the id", async () => {
    const first = await ingest(page, { year: 2026 });
    expect(first).toMatchObject({ format: "hf-page-text", new: 20 });
    const titleOnly = await prisma.paper.findFirstOrThrow({ where: { title: bellman } });
    expect(titleOnly.arxivId).toBeNull();

    const merged = await ingest(hfEntryFor(bellman, "2606.99999"));
    expect(merged).toMatchObject({ new: 0, updated: 1 });
    expect(await prisma.paper.count()).toBe(20);
    const paper = await prisma.paper.findUniqueOrThrow({ where: { id: titleOnly.id }, include: { features: true, authors: true } });
    expect(paper.arxivId).toBe("2606.99999");
    expect(paper.key).toBe("2606.99999");
    expect(paper.authors.length).toBeGreaterThan(0);
    expect(paper.features.length).toBe(2);
  });

  it("merge into the paper a feed already brought with its id", async () => {
    await ingest(hfEntryFor(bellman, "2606.99999"));
    const summary = await ingest(page, { year: 2026 });
    expect(summary).toMatchObject({ new: 19 });
    expect(await prisma.paper.count({ where: { title: bellman } })).toBe(1);
    expect((await prisma.paper.findFirstOrThrow({ where: { title: bellman } })).arxivId).toBe("2606.99999");
  });
});

describe("bad input", () => {
  it("rejects broken entries by name and stores the others", async () => {
    const entries = feedJson<Entry[]>("hf-daily-papers-2026-03-04.json");
    delete (entries[0].paper as Record<string, unknown>).id;
    entries[1].title = "";
    entries[1].paper.title = "";
    entries[2].paper.publishedAt = "2025-13-40T00:00:00.000Z";
    const summary = await ingest(JSON.stringify(entries));
    expect(summary).toMatchObject({ new: 21, rejected: 3 });
    const rejections = await prisma.ingestRejection.findMany({ where: { runId: summary.runId }, orderBy: { id: "asc" } });
    expect(rejections).toHaveLength(3);
    expect(rejections[0].ref).toBe(entries[0].title);
    expect(rejections[2].ref).toBe(entries[2].paper.id);
    for (const r of rejections) expect(r.reason).toMatch(/\w/);
    expect(await prisma.paper.count()).toBe(21);
  });

  it("refuses malformed JSON and writes nothing, even after good entries", async () => {
    await ingest(feedText("hf-daily-papers-2025-10-01.json"));
    const doc = feedText("hf-daily-papers-2026-08-14.json");
    const truncated = doc.slice(0, Math.floor(doc.length * 0.8));
    const err = await expectNothingWritten(ingest(truncated, { batchSize: 2 }), "parse_error");
    expect(err.message).toMatch(/JSON/i);
  });

  it("refuses a document of no known format", async () => {
    const err = await expectNothingWritten(ingest("<!doctype html><html><body>Hello</body></html>"), "unsupported_format");
    expect(err.message).toMatch(/Unrecognised feed format/);
  });

  it("refuses an empty document", async () => {
    await expectNothingWritten(ingest(""), "unsupported_format");
  });

  it("refuses a body over the size limit", async () => {
    const doc = feedText("hf-daily-papers-2026-08-14.json");
    const err = await expectNothingWritten(ingest(doc, { maxBytes: 50_000, batchSize: 2 }), "payload_too_large");
    expect(err.httpStatus).toBe(413);
  });

  it("refuses an announced oversize body before reading it", async () => {
    let read = false;
    const body = (async function* () {
      read = true;
      yield Buffer.from("[]");
    })();
    await expectNothingWritten(
      runIngest({ body, origin: "test", trigger: "api", prisma, maxBytes: 1000, declaredBytes: 5000 }),
      "payload_too_large",
    );
    expect(read).toBe(false);
  });

  it("keeps hostile text as plain text", async () => {
    const [entry] = feedJson<Entry[]>("hf-daily-papers-2026-08-14.json");
    const title = `<script>alert(1)</script><img src=x onerror=alert(2)> \u0000Paper`;
    entry.title = title;
    entry.paper.title = title;
    await ingest(JSON.stringify([entry]));
    const stored = await prisma.paper.findUniqueOrThrow({ where: { arxivId: entry.paper.id } });
    expect(stored.title).toBe("<script>alert(1)</script><img src=x onerror=alert(2)> Paper");
  });

  it("leaves no half-written paper when the database fails mid-run", async () => {
    const entries = feedJson<Entry[]>("hf-daily-papers-2026-08-14.json");
    const poisoned = entries[15].paper.id;
    const heal = await failInsertOf(prisma, poisoned);
    try {
      const err = await expectNothingWritten(ingest(JSON.stringify(entries), { batchSize: 5 }), "internal");
      expect(err.message).toMatch(/nothing was saved/);
      expect(await prisma.paper.count()).toBe(0);
      expect(await prisma.author.count()).toBe(0);
    } finally {
      await heal();
    }
  });
});

describe("every supported format", () => {
  it.each([
    ["arxiv-api-query-cs.RO-2025-10-17.xml", "arxiv-atom", 2],
    ["arxiv-rss-cs.AI-2026-04-27.xml", "arxiv-rss", 3],
    ["hf-daily-papers-2025-10-01.json", "hf-daily", 37],
    ["hf-daily-papers-2026-03-04.json", "hf-daily", 24],
  ])("%s is detected and stored", async (file, format, count) => {
    const summary = await ingest(feedText(file));
    expect(summary).toMatchObject({ format, new: count, rejected: 0 });
    expect(await prisma.paper.count()).toBe(count);
  });

  it("two runs of one feed at the same time store each paper once", async () => {
    const doc = feedText("hf-daily-papers-2025-10-01.json");
    const results = await Promise.all([ingest(doc, { batchSize: 5 }), ingest(doc, { batchSize: 5 })]);
    expect(results.map((r) => r.new + r.updated + r.unchanged)).toEqual([37, 37]);
    expect(results[0].new + results[1].new).toBe(37);
    expect(await prisma.paper.count()).toBe(37);
    expect(await prisma.paperFeature.count()).toBe(37);
  });
});

describe("author lists", () => {
  const base = { id: "2601.00001", title: "Author lists under test", day: "2026-01-05" };

  async function storedNames() {
    const paper = await prisma.paper.findUniqueOrThrow({
      where: { arxivId: base.id },
      include: { authors: { orderBy: { position: "asc" }, include: { author: true } } },
    });
    return { names: paper.authors.map((a) => a.author.name), authorNames: paper.authorNames };
  }

  it("replaces a changed list in its new order, and leaves an unchanged one alone", async () => {
    await ingest(hfDocument([{ ...base, authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper"] }]));
    const changed = await ingest(hfDocument([{ ...base, authors: ["Grace Hopper", "Ada Lovelace"] }]));
    expect(changed).toMatchObject({ new: 0, updated: 1, unchanged: 0 });
    expect(await storedNames()).toEqual({ names: ["Grace Hopper", "Ada Lovelace"], authorNames: "Grace Hopper, Ada Lovelace" });
    const same = await ingest(hfDocument([{ ...base, authors: ["Grace Hopper", "Ada Lovelace"] }]));
    expect(same).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
  });

  it("keeps an author's Hugging Face user once known, from any paper of any run", async () => {
    // Authors as HF lists them: `user` only for those who claimed the paper.
    const doc = (papers: { id: string; authors: [string, string?][] }[]) =>
      JSON.stringify(
        papers.map((p) => ({
          title: `Paper ${p.id}`,
          paper: {
            id: p.id,
            title: `Paper ${p.id}`,
            summary: "An abstract.",
            publishedAt: "2026-01-05T00:00:00.000Z",
            authors: p.authors.map(([name, user]) => ({ name, hidden: false, ...(user ? { user: { user } } : {}) })),
          },
        })),
      );
    const hfUsers = async () =>
      Object.fromEntries((await prisma.author.findMany({ orderBy: { name: "asc" } })).map((a) => [a.name, a.hfUser]));

    // Within one batch, the mention that gives a user wins.
    await ingest(
      doc([
        { id: "2601.00011", authors: [["Ada Lovelace", "ada"], ["Alan Turing"]] },
        { id: "2601.00012", authors: [["Ada Lovelace"], ["Alan Turing"]] },
      ]),
    );
    expect(await hfUsers()).toEqual({ "Ada Lovelace": "ada", "Alan Turing": null });
    // A later run names Turing's user; one that names none changes nothing.
    await ingest(doc([{ id: "2601.00013", authors: [["Alan Turing", "turing"]] }]));
    await ingest(doc([{ id: "2601.00014", authors: [["Ada Lovelace"], ["Alan Turing"], ["Grace Hopper"]] }]));
    expect(await hfUsers()).toEqual({ "Ada Lovelace": "ada", "Alan Turing": "turing", "Grace Hopper": null });
    expect(await prisma.paperAuthor.count()).toBe(8);
  });

  it("tells apart lists whose names join to the same text", async () => {
    await ingest(hfDocument([{ ...base, authors: ["Lovelace, Ada"] }]));
    const summary = await ingest(hfDocument([{ ...base, authors: ["Lovelace", "Ada"] }]));
    expect(summary).toMatchObject({ updated: 1 });
    expect((await storedNames()).names).toEqual(["Lovelace", "Ada"]);
    const back = await ingest(hfDocument([{ ...base, authors: ["Lovelace, Ada"] }]));
    expect(back).toMatchObject({ updated: 1 });
    expect((await storedNames()).names).toEqual(["Lovelace, Ada"]);
  });
});

describe("progress", () => {
  it("reports papers and bytes after each batch", async () => {
    const doc = feedText("hf-daily-papers-2025-10-01.json");
    const seen: IngestProgress[] = [];
    const summary = await ingest(doc, { batchSize: 10, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.new)).toEqual([10, 20, 30, 37]);
    expect(seen.at(-1)).toMatchObject({ new: 37, bytes: Buffer.byteLength(doc) });
    for (let i = 1; i < seen.length; i++) expect(seen[i].bytes).toBeGreaterThanOrEqual(seen[i - 1].bytes);
    expect(summary.bytes).toBe(Buffer.byteLength(doc));
  });

  it("says where its time went: waits for bytes apart from parsing, phases within the run's time", async () => {
    const doc = feedText("hf-daily-papers-2025-10-01.json");
    // A sender that pauses 100 ms before each of its 4 chunks: 400 ms of waiting for bytes.
    async function* slowBody() {
      for await (const chunk of streamOf(doc, Math.ceil(Buffer.byteLength(doc) / 4))) {
        await new Promise((r) => setTimeout(r, 100));
        yield chunk;
      }
    }
    const started = performance.now();
    const summary = await ingest("", { body: slowBody(), batchSize: 10 });
    const wall = performance.now() - started;
    const t = summary.timings;
    expect(summary.new).toBe(37);
    expect(t.readMs).toBeGreaterThanOrEqual(350);
    expect(t.parseMs).toBeLessThan(t.readMs);
    for (const phase of ["startMs", "parseMs", "prepareMs", "saveMs", "commitMs", "afterCommitMs", "recordMs"] as const) {
      expect(t[phase], phase).toBeGreaterThan(0);
    }
    const phases = t.startMs + t.readMs + t.parseMs + t.prepareMs + t.saveMs + t.commitMs + t.afterCommitMs + t.recordMs;
    expect(phases).toBeLessThanOrEqual(t.totalMs + 1); // each is rounded to 0.1 ms
    expect(t.totalMs).toBeLessThanOrEqual(wall);
    expect(t.totalMs).toBeGreaterThanOrEqual(summary.durationMs - 1);
  });

  it("logs the progress of a long run every 10 seconds", async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const record = (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg });
    const fake = { info: record, warn: record, error: record } as unknown as ReturnType<typeof logger.child>;
    const child = vi.spyOn(logger, "child").mockReturnValue(fake);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // Each batch seems to take 6 s: a progress line every other batch.
      await ingest(feedText("hf-daily-papers-2025-10-01.json"), { batchSize: 10, onProgress: () => vi.setSystemTime(Date.now() + 6000) });
    } finally {
      vi.useRealTimers();
      child.mockRestore();
    }
    const progress = lines.filter((l) => l.msg === "ingest progress");
    expect(progress.map((l) => l.obj.papers)).toEqual([20, 37]);
    expect(progress[0].obj).toMatchObject({ new: 20, rejected: 0, papersPerSecond: expect.any(Number) });
    expect(lines.at(-1)?.msg).toBe("ingest run finished");
  });

  it("stores the same search vectors whether computed beside the run or by the trigger", async () => {
    // Batches of 5: from the second on, vectors of new papers come from a second connection.
    await ingest(feedText("hf-daily-papers-2025-10-01.json"), { batchSize: 5 });
    const [{ papers, mismatched }] = await prisma.$queryRawUnsafe<{ papers: number; mismatched: number }[]>(
      `SELECT count(*)::int AS papers,
              count(*) FILTER (WHERE search_vector IS DISTINCT FROM paper_search_vector(title, abstract, author_names))::int AS mismatched
         FROM papers`,
    );
    expect({ papers, mismatched }).toEqual({ papers: 37, mismatched: 0 });
    // The vectors stored beside the run are gone with it.
    const [{ left }] = await prisma.$queryRawUnsafe<{ left: number }[]>(`SELECT count(*)::int AS left FROM ingest_search_vectors`);
    expect(left).toBe(0);
    // Updates still go through the trigger.
    await prisma.$executeRawUnsafe(`UPDATE papers SET title = 'Wombat burrows' WHERE id = (SELECT min(id) FROM papers)`);
    const [{ hits }] = await prisma.$queryRawUnsafe<{ hits: number }[]>(
      `SELECT count(*)::int AS hits FROM papers WHERE search_vector @@ websearch_to_tsquery('english', 'wombat')`,
    );
    expect(hits).toBe(1);
  });

  it("finds papers by full-text search as soon as the run returns", async () => {
    await ingest(
      hfDocument([
        { id: "2601.00002", title: "Quokka locomotion on sand", summary: "Marsupials hop.", authors: ["Zelda Quill"], day: "2026-01-05" },
      ]),
    );
    const hits = await prisma.$queryRawUnsafe<{ arxiv_id: string }[]>(
      `SELECT arxiv_id FROM papers WHERE search_vector @@ websearch_to_tsquery('english', $1)`,
      "quokkas hopping quill",
    );
    expect(hits.map((h) => h.arxiv_id)).toEqual(["2601.00002"]);
  });
});
