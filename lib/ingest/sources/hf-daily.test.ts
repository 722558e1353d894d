import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedsDir as FIXTURES } from "@/lib/test/fixtures";
import { FeedParseError, type ParseItem, type ParsedPaper } from "../types";
import { parseHfDaily } from "./hf-daily";

const fixture = (name: string) => path.join(FIXTURES, name);

async function collect(chunks: AsyncIterable<Uint8Array | string>): Promise<ParseItem[]> {
  const items: ParseItem[] = [];
  for await (const item of parseHfDaily(chunks)) items.push(item);
  return items;
}

async function* strings(...parts: string[]) {
  yield* parts;
}

const parseFile = (name: string) => collect(fs.createReadStream(fixture(name)));
const parseText = (text: string) => collect(strings(text));

function papers(items: ParseItem[]): ParsedPaper[] {
  return items.flatMap((i) => (i.kind === "paper" ? [i.paper] : []));
}

function paperById(items: ParseItem[], id: string): ParsedPaper {
  const found = papers(items).find((p) => p.arxivId === id);
  if (!found) throw new Error(`no paper ${id}`);
  return found;
}

async function parseError(text: string): Promise<FeedParseError> {
  const error = await parseText(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedParseError);
  return error as FeedParseError;
}

const entry = (paper: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  paper: { id: "2401.00001", title: "A paper", publishedAt: "2024-01-01T10:00:00.000Z", ...paper },
  publishedAt: "2024-01-01T06:00:00.000Z",
  ...extra,
});

describe("parseHfDaily on real captures", () => {
  it("reads every entry of the three captures", async () => {
    for (const [name, count] of [
      ["hf-daily-papers-2025-10-01.json", 37],
      ["hf-daily-papers-2026-03-04.json", 24],
      ["hf-daily-papers-2026-08-14.json", 23],
    ] as const) {
      const items = await parseFile(name);
      expect(items).toHaveLength(count);
      expect(items.every((i) => i.kind === "paper")).toBe(true);
      // Same order, ids and author lists as the document itself.
      const raw = JSON.parse(fs.readFileSync(fixture(name), "utf8")) as { paper: { id: string; authors: { name: string }[] } }[];
      expect(papers(items).map((p) => p.arxivId)).toEqual(raw.map((e) => e.paper.id));
      expect(papers(items).map((p) => p.authors.map((a) => a.name))).toEqual(raw.map((e) => e.paper.authors.map((a) => a.name)));
    }
  });

  it("maps the top entry of 2025-10-01 (older shape)", async () => {
    const p = paperById(await parseFile("hf-daily-papers-2025-10-01.json"), "2509.25541");
    expect(p.title).toBe("Vision-Zero: Scalable VLM Self-Improvement via Strategic Gamified Self-Play");
    expect(p.abstract).toMatch(/^Although reinforcement learning \(RL\) can effectively enhance the reasoning\ncapabilities/);
    expect(p.abstract).toMatch(/https:\/\/github\.com\/wangqinsi1\/Vision-Zero\.$/);
    expect(p.authors.map((a) => a.name)).toEqual([
      "Qinsi Wang",
      "Bo Liu",
      "Tianyi Zhou",
      "Jing Shi",
      "Yueqian Lin",
      "Yiran Chen",
      "Hai Helen Li",
      "Kun Wan",
      "Wentian Zhao",
    ]);
    expect(p.publishedAt).toEqual(new Date("2025-09-29T21:55:55.000Z"));
    expect(p.featured).toEqual({
      day: "2025-10-01",
      featuredAt: new Date("2025-09-29T17:55:55.000Z"),
      submitter: {
        name: "taesiri",
        fullname: "taesiri",
        avatarUrl: "https://cdn-avatars.huggingface.co/v1/production/uploads/6039478ab3ecf716b1a5fd4d/_Thy4E7taiSYBLKxEKJbT.jpeg",
      },
    });
    expect(p.upvotes).toBe(55);
    expect(p.numComments).toBe(1);
    expect(p.githubRepo).toBe("https://github.com/wangqinsi1/Vision-Zero");
    expect(p.githubStars).toBe(6);
    expect(p.thumbnail).toBe("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2509.25541.png");
    expect(p.aiKeywords).toEqual([
      "reinforcement learning",
      "vision-language models",
      "strategic self-play framework",
      "self-play",
      "reinforcement learning with verifiable rewards",
      "Iterative Self-Play Policy Optimization",
    ]);
    expect(p.aiSummary).toMatch(/^Vision-Zero is a domain-agnostic framework/);
    // No organization, project page or media in this entry: absent, not null.
    for (const key of ["organization", "projectPage", "mediaUrls"]) expect(p).not.toHaveProperty(key);
  });

  it("takes the organization from submitterOrganization in the older shape", async () => {
    const items = await parseFile("hf-daily-papers-2025-10-01.json");
    const p = paperById(items, "2509.22613");
    expect(p.title).toBe("Benefits and Pitfalls of Reinforcement Learning for Language Model Planning: A Theoretical Perspective");
    expect(p.organization).toEqual({
      name: "MicrosoftResearch",
      fullname: "Microsoft Research",
      avatar: "https://cdn-uploads.huggingface.co/production/uploads/6529a4f2f1205983224fa513/PeuVr7jSuJflmDBBGxoDX.png",
    });
    expect(p.upvotes).toBe(4);
    expect(p.featured?.submitter?.name).toBe("yshenaw");
    expect(paperById(items, "2509.25911").title).toBe("Mem-α: Learning Memory Construction via Reinforcement Learning");
    const ocean = paperById(items, "2509.26536");
    expect(ocean.githubStars).toBe(25);
    expect(ocean.projectPage).toBe("https://oceangpt.github.io/OceanGym/");
    expect(ocean.mediaUrls).toEqual([
      "https://cdn-uploads.huggingface.co/production/uploads/620b3bbb0668e435407c8d0a/1Nye1TFWd66krDhvPXjQ1.png",
    ]);
  });

  it("maps the 2026-03-04 shape with entry-level organization", async () => {
    const items = await parseFile("hf-daily-papers-2026-03-04.json");
    const p = paperById(items, "2603.03283");
    expect(p.title).toBe("Utonia: Toward One Encoder for All Point Clouds");
    expect(p.authors.map((a) => a.name)).toEqual([
      "Yujia Zhang",
      "Xiaoyang Wu",
      "Yunhan Yang",
      "Xianzhe Fan",
      "Han Li",
      "Yuechen Zhang",
      "Zehao Huang",
      "Naiyan Wang",
      "Hengshuang Zhao",
    ]);
    expect(p.organization).toEqual({
      name: "Pointcept",
      fullname: "Pointcept",
      avatar: "https://cdn-uploads.huggingface.co/production/uploads/643e5d6a1d0e956d94bb3608/dtbQ44h-xIjwQlHT9Nbbv.png",
    });
    expect(p.featured?.day).toBe("2026-03-04");
    expect(p.featured?.featuredAt).toEqual(new Date("2026-03-03T13:59:58.000Z"));
    expect(p.featured?.submitter).toMatchObject({ name: "Gofinge", fullname: "Xiaoyang Wu" });
    expect(p.publishedAt).toEqual(new Date("2026-03-03T18:59:58.000Z"));
    expect([p.upvotes, p.numComments, p.githubStars]).toEqual([39, 1, 49]);
    expect(p.projectPage).toBe("https://pointcept.github.io/Utonia/");
    expect(p.mediaUrls).toHaveLength(2);
    expect(p.abstract).toMatch(/^We dream of a future where point clouds from all domains/);

    expect(paperById(items, "2603.00729").githubStars).toBe(15848);
    const noKeywords = paperById(items, "2603.02398");
    expect(noKeywords).not.toHaveProperty("aiKeywords");
    expect(noKeywords).not.toHaveProperty("aiSummary");
    expect(noKeywords.authors).toEqual([{ name: "A. I. Perminov" }]);
    expect(paperById(items, "2602.23496").authors).toContainEqual({ name: "Bo Shi", hfUser: "solstice0621" });
  });

  it("maps the newest 2026-08-14 shape", async () => {
    const items = await parseFile("hf-daily-papers-2026-08-14.json");
    const p = paperById(items, "2608.13489");
    expect(p.title).toBe("DreamX-Phi 1.0: Action-Conditioned Video World Model for Robotic Manipulation");
    expect([p.upvotes, p.numComments, p.githubStars]).toEqual([61, 2, 23]);
    expect(p.organization?.name).toBe("alibabagroup");
    expect(p.organization?.fullname).toBe("alibaba");
    expect(p.authors.slice(0, 3)).toEqual([
      { name: "DreamX Team" },
      { name: "Rui Chen", hfUser: "ruichen9618" },
      { name: "Xiangxiang Chu" },
    ]);
    expect(p.aiKeywords).toContain("SE(3) transformations");
    expect(p.publishedAt).toEqual(new Date("2026-08-13T00:00:00.000Z"));
    expect(p.featured).toMatchObject({ day: "2026-08-14", featuredAt: new Date("2026-08-12T20:00:00.000Z") });
    expect(p.featured?.submitter?.name).toBe("xiaochonglinghu");

    const big = paperById(items, "2608.13505");
    expect(big.authors).toHaveLength(125);
    expect(big.authors[0]).toEqual({ name: "Lei Bai" });
    expect(big.authors[124]).toEqual({ name: "Yicheng Zou" });
    expect(big.authors.filter((a) => a.hfUser).map((a) => a.hfUser)).toEqual(["KouShi2", "nowsyn", "Rubin-Wei", "yuhangzang", "dongsheng"]);
  });

  it("streams: entries come out before the document has been read to the end", async () => {
    let chunksRead = 0;
    async function* source() {
      for await (const chunk of fs.createReadStream(fixture("hf-daily-papers-2026-03-04.json"), { highWaterMark: 4096 })) {
        chunksRead++;
        yield chunk as Buffer;
      }
    }
    const total = Math.ceil(fs.statSync(fixture("hf-daily-papers-2026-03-04.json")).size / 4096);
    for await (const item of parseHfDaily(source())) {
      expect(item.kind === "paper" && item.paper.arxivId).toBe("2603.03283");
      expect(chunksRead).toBeLessThan(total / 4);
      break;
    }
  });

  it("gives the same result whatever the chunking, even splitting UTF-8 sequences", async () => {
    const whole = await parseFile("hf-daily-papers-2025-10-01.json");
    const bytes = fs.readFileSync(fixture("hf-daily-papers-2025-10-01.json"));
    const alpha = bytes.indexOf(Buffer.from("Mem-α")) + 5; // inside the two bytes of "α"
    async function* pieces() {
      yield bytes.subarray(0, alpha);
      for (let i = alpha; i < bytes.length; i += 61) yield bytes.subarray(i, i + 61);
    }
    expect(await collect(pieces())).toEqual(whole);
    const asString = await parseText(fs.readFileSync(fixture("hf-daily-papers-2025-10-01.json"), "utf8"));
    expect(asString).toEqual(whole);
  });
});

describe("parseHfDaily on bad input", () => {
  it("throws FeedParseError on malformed JSON, locating it", async () => {
    const text = `[${JSON.stringify(entry({}))}, {"paper": }]`;
    const at = Buffer.byteLength(text) - 3;
    const match = /^Invalid JSON between bytes (\d+) and (\d+): expected a value$/.exec((await parseError(text)).message);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeLessThanOrEqual(at);
    expect(Number(match![2])).toBeGreaterThan(at);
  });

  it("throws on a truncated document", async () => {
    const text = fs.readFileSync(fixture("hf-daily-papers-2026-03-04.json"), "utf8").slice(0, 5000);
    expect((await parseError(text)).message).toMatch(/ends unexpectedly at byte \d+ \(truncated\?\)/);
  });

  it("throws when the top level is not an array or object", async () => {
    expect((await parseError('"hello"')).message).toBe("Expected a JSON array of daily-papers entries, got a string");
    expect((await parseError("  42 ")).message).toBe("Expected a JSON array of daily-papers entries, got a number");
    expect((await parseError("null")).message).toBe("Expected a JSON array of daily-papers entries, got null");
    expect((await parseError("true")).message).toBe("Expected a JSON array of daily-papers entries, got a boolean");
    expect((await parseError("")).message).toMatch(/^Empty document/);
    expect((await parseError("   \n")).message).toMatch(/^Empty document/);
    expect((await parseError("[] []")).message).toMatch(/^Invalid JSON/);
    expect((await parseError("tru")).message).toMatch(/^Invalid JSON/);
    const badUtf8 = await collect(
      (async function* () {
        yield new Uint8Array([0x5b, 0xff, 0x5d]);
      })(),
    ).catch((e: unknown) => e);
    expect(badUtf8).toBeInstanceOf(FeedParseError);
    expect((badUtf8 as Error).message).toBe("Invalid UTF-8 after byte 0");
  });

  it("reports Hugging Face's error object as such", async () => {
    expect((await parseError('{"error": "Invalid date"}')).message).toBe("Hugging Face API error: Invalid date");
  });

  it("refuses absurdly deep nesting", async () => {
    expect((await parseError("[".repeat(10_000))).message).toMatch(/nested deeper than 64 levels/);
  });

  it("rejects bad entries by name while the others parse", async () => {
    const doc = [
      entry({ title: "Good one" }),
      entry({ id: undefined, title: "No id here" }),
      entry({ id: "2401.00003", title: undefined }, { title: "   " }),
      entry({ id: "2401.00004", title: "Bad date", submittedOnDailyAt: "2025-13-40" }),
      entry({ id: "2401.00005", title: "Negative votes", upvotes: -3 }),
      entry({ id: "2401.00006", title: "Half a comment" }, { numComments: 1.5 }),
      entry({ id: "not-an-id", title: "Bad id" }),
      42,
      { title: "Entry without paper" },
      entry({ id: "2401.00009", title: "Unparseable date", publishedAt: "yesterday" }),
      entry({ id: "2401.00010", title: "Good two" }),
    ];
    const items = await parseText(JSON.stringify(doc));
    expect(items).toHaveLength(11);
    expect(papers(items).map((p) => p.title)).toEqual(["Good one", "Good two"]);
    const rejections = items.flatMap((i) => (i.kind === "rejected" ? [i.rejection] : []));
    expect(rejections.map((r) => r.ref)).toEqual([
      "No id here",
      "2401.00003",
      "2401.00004",
      "2401.00005",
      "2401.00006",
      "not-an-id",
      "entry #8",
      "Entry without paper",
      "2401.00009",
    ]);
    expect(rejections[0].reason).toBe("missing paper.id");
    expect(rejections[1].reason).toBe("missing or empty title");
    expect(rejections[2].reason).toBe('paper.submittedOnDailyAt is not a valid date: "2025-13-40"');
    expect(rejections[3].reason).toBe("paper.upvotes must be a non-negative integer, got -3");
    expect(rejections[4].reason).toBe("numComments must be a non-negative integer, got 1.5");
    expect(rejections[5].reason).toBe('paper.id is not an arXiv id: "not-an-id"');
    expect(rejections[6].reason).toBe("entry is 42, not an object");
    expect(rejections[7].reason).toBe("entry has no `paper` object");
  });

  it("normalises versioned and old-style ids", async () => {
    const items = await parseText(
      JSON.stringify([entry({ id: "2406.12345v2" }), entry({ id: "hep-th/9901001v1" }), entry({ id: "math.AG/0601001" })]),
    );
    expect(papers(items).map((p) => p.arxivId)).toEqual(["2406.12345", "hep-th/9901001", "math.AG/0601001"]);
  });

  it("keeps markup and LaTeX in titles as plain text, and drops non-web links", async () => {
    const title = '<script>alert("x")</script> $\\mathcal{B}$-Coder';
    const [item] = await parseText(
      JSON.stringify([entry({ title: "ignored", githubRepo: "javascript:alert(1)", projectPage: "https://example.org/p" }, { title })]),
    );
    expect(item.kind === "paper" && item.paper.title).toBe(title);
    expect(item.kind === "paper" && item.paper).not.toHaveProperty("githubRepo");
    expect(item.kind === "paper" && item.paper.projectPage).toBe("https://example.org/p");
  });

  it("accepts a BOM, a single flat paper, hidden authors and the singular mediaUrl", async () => {
    const flat = {
      id: "2406.12345v3",
      title: "Flat\n  paper",
      summary: "  Abstract.\n",
      authors: [
        { name: "Ann", hidden: true },
        { name: "Bob", user: { user: "bob" } },
      ],
      publishedAt: "2024-06-17T17:59:00.000Z",
      submittedOnDailyAt: "2024-06-18T01:02:03.000Z",
      submittedOnDailyBy: { user: "akhaliq", fullname: "AK" },
      mediaUrl: "https://example.org/v.mp4",
      upvotes: 7,
      numComments: 2,
    };
    const [item] = await parseText(`\uFEFF${JSON.stringify(flat)}`);
    expect(item).toEqual({
      kind: "paper",
      paper: {
        arxivId: "2406.12345",
        title: "Flat paper",
        abstract: "Abstract.",
        authors: [{ name: "Ann" }, { name: "Bob", hfUser: "bob" }],
        publishedAt: new Date("2024-06-17T17:59:00.000Z"),
        featured: { day: "2024-06-18", featuredAt: new Date("2024-06-18T01:02:03.000Z"), submitter: { name: "akhaliq", fullname: "AK" } },
        upvotes: 7,
        numComments: 2,
        mediaUrls: ["https://example.org/v.mp4"],
      },
    });
  });
});
