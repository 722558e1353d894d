import { beforeAll, describe, expect, it } from "vitest";
import type { AuthorDTO, OrganizationDTO, PaperDTO } from "@/lib/data/paper-types";
import { parseHfDaily } from "@/lib/ingest/sources/hf-daily";
import type { ParsedPaper } from "@/lib/ingest/types";
import { feedText, streamOf } from "@/lib/test/fixtures";
import { type HfDailyEntry, type HfPaperDetail, toDailyEntry, toPaperDetail } from "./shape";

const CAPTURES = ["hf-daily-papers-2025-10-01.json", "hf-daily-papers-2026-03-04.json", "hf-daily-papers-2026-08-14.json"] as const;

/**
 * What huggingface_hub reads (src/huggingface_hub/hf_api.py, the version with
 * `list_daily_papers`). Every read there is `kwargs.pop(key, default)`, so no missing key
 * raises KeyError: "required" means that without it the client's field comes out None or "".
 * What does raise is a wrong type, checked by `readLikeHfHub` below.
 */
// PaperInfo.__init__ on a daily entry (list_daily_papers, list_papers): entry-level `title`,
// `publishedAt` (-> submitted_at), `numComments` (-> comments), `submittedBy` (-> submitted_by).
const CLIENT_ENTRY_KEYS = ["paper", "title", "publishedAt", "numComments", "submittedBy"];
// PaperInfo.__init__ reads these from `paper` (`discussionId` too, which we do not have).
const CLIENT_PAPER_KEYS = ["id", "authors", "publishedAt", "summary", "upvotes"];
// PaperInfo.__init__ on the flat object of paper_info: `publishedAt` -> published_at,
// `submittedOnDailyAt` -> submitted_at, `submittedOnDailyBy` -> submitted_by.
const CLIENT_DETAIL_KEYS = [
  "id",
  "authors",
  "publishedAt",
  "title",
  "summary",
  "upvotes",
  "numComments",
  "submittedOnDailyAt",
  "submittedOnDailyBy",
];
// PaperAuthor.__init__.
const CLIENT_AUTHOR_KEYS = ["name"];
// User.__init__ (submittedOnDailyBy, authors[].user): username is `user`. HF's entry-level
// `submittedBy` has `name` instead, so its username is "" in the client, for HF and for us.
const CLIENT_USER_KEYS = ["user", "fullname", "avatarUrl"];
const CLIENT_SUBMITTER_KEYS = ["fullname", "avatarUrl"];
// Organization.__init__ reads `avatarUrl`, but HF's organizations carry `avatar`: we follow HF.
const CLIENT_ORGANIZATION_KEYS = ["name", "fullname"];

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;

// ---------------------------------------------------------------------------------------------
// The captures, and the PaperDTOs our database would hold for them.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface RawUser {
  _id: string;
  user?: string;
  name?: string;
  fullname?: string;
  avatarUrl?: string;
}
interface RawOrg {
  name: string;
  fullname?: string;
  avatar?: string;
}
interface RawEntry {
  paper: {
    id: string;
    authors: { name: string; hidden: boolean; user?: RawUser }[];
    mediaUrls?: string[];
    publishedAt: string;
    submittedOnDailyAt: string;
    title: string;
    submittedOnDailyBy: RawUser;
    summary: string;
    upvotes: number;
    projectPage?: string;
    githubRepo?: string;
    githubStars?: number;
    ai_summary?: string;
    ai_keywords?: string[];
    organization?: RawOrg;
  };
  publishedAt: string;
  title: string;
  summary: string;
  mediaUrls?: string[];
  thumbnail: string;
  numComments: number;
  submittedBy: RawUser;
  organization?: RawOrg;
  submitterOrganization?: RawOrg;
}

interface Capture {
  file: string;
  raw: JsonObject[];
  entries: RawEntry[];
  parsed: ParsedPaper[];
  dtos: PaperDTO[];
}

/**
 * Stores parsed papers the way lib/ingest/save-papers.ts does: authors and organizations are
 * rows unique by name (an author's `hf_user` is set by any feed that knows it; an
 * organization's fullname/avatar are COALESCEd), missing counters default to 0, missing
 * lists to [], other missing fields to null; ids are synthesised serials.
 */
class FakeStore {
  private readonly authors = new Map<string, AuthorDTO>();
  private readonly orgs = new Map<string, OrganizationDTO>();
  private nextPaperId = 1;

  save(p: ParsedPaper): () => PaperDTO {
    for (const a of p.authors) {
      const row = this.authors.get(a.name) ?? { id: this.authors.size + 1, name: a.name, hfUser: null };
      if (a.hfUser) row.hfUser = a.hfUser;
      this.authors.set(a.name, row);
    }
    if (p.organization) {
      const o = p.organization;
      const row = this.orgs.get(o.name) ?? { id: this.orgs.size + 1, name: o.name, fullname: null, avatar: null };
      row.fullname = o.fullname ?? row.fullname;
      row.avatar = o.avatar ?? row.avatar;
      this.orgs.set(o.name, row);
    }
    const id = this.nextPaperId++;
    // Read back after every feed is saved, as a request would.
    return () => ({
      id,
      arxivId: p.arxivId,
      title: p.title,
      abstract: p.abstract,
      publishedAt: p.publishedAt,
      upvotes: p.upvotes ?? 0,
      numComments: p.numComments ?? 0,
      githubRepo: p.githubRepo ?? null,
      githubStars: p.githubStars ?? null,
      projectPage: p.projectPage ?? null,
      aiSummary: p.aiSummary ?? null,
      aiKeywords: p.aiKeywords ?? [],
      thumbnail: p.thumbnail ?? null,
      mediaUrls: p.mediaUrls ?? [],
      categories: p.categories ?? [],
      comment: p.comment ?? null,
      authors: p.authors.map((a) => ({ ...this.authors.get(a.name)! })),
      authorCount: p.authors.length,
      organization: p.organization ? { ...this.orgs.get(p.organization.name)! } : null,
      feature: p.featured
        ? {
            day: p.featured.day,
            featuredAt: p.featured.featuredAt,
            submitter: p.featured.submitter
              ? {
                  name: p.featured.submitter.name,
                  fullname: p.featured.submitter.fullname ?? null,
                  avatarUrl: p.featured.submitter.avatarUrl ?? null,
                }
              : null,
          }
        : null,
    });
  }

  hfUserOf(name: string): string | null {
    return this.authors.get(name)?.hfUser ?? null;
  }

  organizationOf(name: string): OrganizationDTO | undefined {
    return this.orgs.get(name);
  }
}

const store = new FakeStore();
const captures = new Map<string, Capture>();

beforeAll(async () => {
  const pending: { capture: Capture; reads: (() => PaperDTO)[] }[] = [];
  for (const file of CAPTURES) {
    const text = feedText(file);
    const parsed: ParsedPaper[] = [];
    for await (const item of parseHfDaily(streamOf(text))) {
      if (item.kind !== "paper") throw new Error(`${file}: ${item.rejection.ref} rejected: ${item.rejection.reason}`);
      parsed.push(item.paper);
    }
    const raw = JSON.parse(text) as JsonObject[];
    const loaded: Capture = { file, raw, entries: raw as unknown as RawEntry[], parsed, dtos: [] };
    pending.push({ capture: loaded, reads: parsed.map((p) => store.save(p)) });
    captures.set(file, loaded);
  }
  for (const { capture, reads } of pending) capture.dtos = reads.map((read) => read());
});

function capture(file: string): Capture {
  const c = captures.get(file);
  if (!c) throw new Error(`capture ${file} not loaded`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// huggingface_hub's parsing, ported: PaperInfo, PaperAuthor, User, Organization (hf_api.py)
// and parse_datetime (utils/_datetime.py). Throws where the Python raises.

interface PyUser {
  username: Json;
  fullname: Json;
  avatar_url: Json;
}
interface PyOrganization {
  name: Json;
  fullname: Json;
  avatar_url: Json;
}
interface PyPaperInfo {
  id: Json;
  authors: { name: Json; user: PyUser | null; status_last_changed_at: Date | null; hidden: Json }[] | null;
  published_at: Date | null;
  title: Json;
  summary: Json;
  upvotes: Json;
  discussion_id: Json;
  comments: Json;
  submitted_at: Date | null;
  submitted_by: PyUser | null;
  ai_summary: Json;
  ai_keywords: Json;
  organization: PyOrganization | null;
  project_page: Json;
  github_repo: Json;
  github_stars: Json;
}

/** `Cls(**value)`: a TypeError unless value is a mapping. Returns a copy to pop from. */
function pyKwargs(value: unknown, cls: string): Record<string, Json> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${cls}() argument after ** must be a mapping, not ${value === null ? "NoneType" : typeof value}`);
  }
  return { ...(value as Record<string, Json>) };
}

function pyPop(d: Record<string, Json>, key: string, fallback: Json = null): Json {
  if (!(key in d)) return fallback;
  const v = d[key];
  delete d[key];
  return v;
}

function pyTruthy(v: Json | undefined): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}

/** strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ"): `+00:00`, a missing fraction or a missing Z are ValueErrors. */
function pyParseDatetime(v: Json): Date {
  if (typeof v !== "string" || !/^\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{1,2}:\d{1,2}\.\d{1,6}Z$/.test(v)) {
    throw new Error(`ValueError: Cannot parse '${String(v)}' as a datetime`);
  }
  return new Date(v);
}

function pyOrganization(value: Json): PyOrganization {
  const kw = pyKwargs(value, "Organization");
  return { avatar_url: pyPop(kw, "avatarUrl", ""), name: pyPop(kw, "name", ""), fullname: pyPop(kw, "fullname", "") };
}

function pyUser(value: Json): PyUser {
  const kw = pyKwargs(value, "User");
  const user = { username: pyPop(kw, "user", ""), fullname: pyPop(kw, "fullname", ""), avatar_url: pyPop(kw, "avatarUrl", "") };
  const orgs = pyPop(kw, "orgs", []);
  if (!Array.isArray(orgs)) throw new TypeError("User.orgs is not iterable");
  orgs.forEach(pyOrganization);
  return user;
}

function pyPaperAuthor(value: Json): NonNullable<PyPaperInfo["authors"]>[number] {
  const kw = pyKwargs(value, "PaperAuthor");
  const name = pyPop(kw, "name", "");
  const user = pyPop(kw, "user");
  const changed = pyPop(kw, "statusLastChangedAt");
  return {
    name,
    user: pyTruthy(user) ? pyUser(user) : null,
    status_last_changed_at: pyTruthy(changed) ? pyParseDatetime(changed) : null,
    hidden: pyPop(kw, "hidden"),
  };
}

/** PaperInfo.__init__, line by line (`a or b` evaluates and pops b only when a is falsy). */
function readLikeHfHub(body: unknown): PyPaperInfo {
  const kw = pyKwargs(structuredClone(body), "PaperInfo");
  const paperValue = pyPop(kw, "paper", {});
  if (typeof paperValue !== "object" || paperValue === null || Array.isArray(paperValue)) {
    throw new Error("AttributeError: `paper` has no attribute 'pop'");
  }
  const paper = paperValue as Record<string, Json>;
  const either = (a: () => Json, b: () => Json) => {
    const first = a();
    return pyTruthy(first) ? first : b();
  };

  const id = either(
    () => pyPop(kw, "id"),
    () => pyPop(paper, "id"),
  );
  const authors = either(
    () => pyPop(paper, "authors"),
    () => pyPop(kw, "authors"),
  );
  if (pyTruthy(authors) && !Array.isArray(authors)) throw new TypeError("authors is not a list");
  const publishedAt = either(
    () => pyPop(paper, "publishedAt"),
    () => pyPop(kw, "publishedAt"),
  );
  const info: Partial<PyPaperInfo> = {
    id,
    authors: pyTruthy(authors) ? (authors as Json[]).map(pyPaperAuthor) : null,
    published_at: pyTruthy(publishedAt) ? pyParseDatetime(publishedAt) : null,
    title: pyPop(kw, "title"),
  };
  pyPop(kw, "source");
  info.summary = either(
    () => pyPop(paper, "summary"),
    () => pyPop(kw, "summary"),
  );
  info.upvotes = either(
    () => pyPop(paper, "upvotes"),
    () => pyPop(kw, "upvotes"),
  );
  info.discussion_id = either(
    () => pyPop(paper, "discussionId"),
    () => pyPop(kw, "discussionId"),
  );
  info.comments = pyPop(kw, "numComments", 0);
  const submittedAt = either(
    () => pyPop(kw, "publishedAt"),
    () => pyPop(kw, "submittedOnDailyAt"),
  );
  info.submitted_at = pyTruthy(submittedAt) ? pyParseDatetime(submittedAt) : null;
  const submittedBy = either(
    () => pyPop(kw, "submittedBy"),
    () => pyPop(kw, "submittedOnDailyBy"),
  );
  info.submitted_by = pyTruthy(submittedBy) ? pyUser(submittedBy) : null;
  info.ai_summary = pyPop(kw, "ai_summary");
  info.ai_keywords = pyPop(kw, "ai_keywords");
  const organization = pyPop(kw, "organization");
  info.organization = pyTruthy(organization) ? pyOrganization(organization) : null;
  info.project_page = pyPop(kw, "projectPage");
  info.github_repo = pyPop(kw, "githubRepo");
  info.github_stars = pyPop(kw, "githubStars");
  return info as PyPaperInfo;
}

// ---------------------------------------------------------------------------------------------
// Shape helpers.

type Kind = "object" | "array" | "string" | "number" | "boolean" | "null";

function kindOf(v: unknown): Kind {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v as Kind;
}

/** Every (path, value) in a JSON document; array elements share the path `...[]`. */
function* walk(v: unknown, path: string): Generator<[string, unknown]> {
  yield [path, v];
  if (Array.isArray(v)) for (const x of v) yield* walk(x, `${path}[]`);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) yield* walk(x, `${path}.${k}`);
}

/** For every path in HF's answers, the kinds of value seen there. */
function hfKinds(docs: unknown[], root: string): Map<string, Set<Kind>> {
  const kinds = new Map<string, Set<Kind>>();
  for (const doc of docs) {
    for (const [path, v] of walk(doc, root)) {
      // The 2025 shape's entry-level `submitterOrganization` is today's `organization`.
      const p = path.replace(".submitterOrganization", ".organization");
      kinds.set(p, (kinds.get(p) ?? new Set()).add(kindOf(v)));
    }
  }
  return kinds;
}

function expectHfShape(ours: unknown, root: string, hf: Map<string, Set<Kind>>, extra: Record<string, Kind> = {}) {
  for (const [path, v] of walk(ours, root)) {
    const seen = hf.get(path) ?? (extra[path] ? new Set([extra[path]]) : undefined);
    expect(seen, `${path} is not a key HF sends`).toBeDefined();
    expect([...seen!], `${path} is a ${kindOf(v)} here`).toContain(kindOf(v));
  }
}

function expectTimestamps(doc: unknown) {
  for (const [path, v] of walk(doc, "")) {
    const key = path.split(".").pop()!;
    if (/At$/.test(key)) expect(v, path).toMatch(ISO_UTC);
    if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) expect(v, path).toMatch(ISO_UTC);
  }
}

function expectNoNulls(doc: unknown) {
  for (const [path, v] of walk(doc, "")) {
    expect(v, `${path} is null`).not.toBeNull();
    expect(v, `${path} is undefined`).not.toBeUndefined();
  }
}

function expectKeys(obj: object | undefined, keys: string[], where: string) {
  expect(obj, where).toBeDefined();
  for (const k of keys) expect(Object.keys(obj!), `${where} lacks ${k}`).toContain(k);
}

/**
 * An organization is one row per handle, updated by the latest feed: HF moved some avatars
 * to a new CDN between captures, and every paper of that organization shows the newest one.
 */
function expectedOrganization(capOrg: RawOrg): RawOrg {
  const avatars = CAPTURES.flatMap((f) =>
    capture(f).entries.flatMap((e) => [e.organization, e.submitterOrganization, e.paper.organization]),
  ).flatMap((o) => (o?.name === capOrg.name ? [o.avatar] : []));
  const stored = store.organizationOf(capOrg.name)?.avatar ?? undefined;
  expect(avatars).toContain(stored);
  expect(stored).toBe(avatars.filter(Boolean).at(-1));
  return { name: capOrg.name, fullname: capOrg.fullname, avatar: stored };
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

function dto(overrides: Partial<PaperDTO> = {}): PaperDTO {
  return {
    id: 7,
    arxivId: "2601.00042",
    title: "A Paper",
    abstract: "An abstract.",
    publishedAt: new Date("2026-01-01T17:00:00.000Z"),
    upvotes: 3,
    numComments: 1,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    aiKeywords: [],
    thumbnail: null,
    mediaUrls: [],
    categories: ["cs.CL"],
    comment: null,
    authors: [{ id: 11, name: "Ada Lovelace", hfUser: null }],
    authorCount: 1,
    organization: null,
    feature: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------

describe.each(CAPTURES)("toDailyEntry on %s", (file) => {
  let c: Capture;
  let out: HfDailyEntry[];
  beforeAll(() => {
    c = capture(file);
    out = c.dtos.map(toDailyEntry);
  });

  it("stores and serializes every entry", () => {
    expect(c.parsed).toHaveLength(c.entries.length);
    expect(out.map((e) => e.paper.id)).toEqual(c.entries.map((e) => e.paper.id));
  });

  it("gives back every field we store, as HF sent it", () => {
    c.entries.forEach((cap, i) => {
      const e = out[i];
      const at = `${file} #${i} ${cap.paper.id}`;
      const capOrg = cap.organization ?? cap.submitterOrganization;

      expect(e.paper.id, at).toBe(cap.paper.id);
      // The parser collapses whitespace in titles (2025 titles carry arXiv's line breaks).
      expect(e.title, at).toBe(collapse(cap.title));
      expect(e.paper.title, at).toBe(collapse(cap.paper.title));
      expect(e.summary, at).toBe(cap.summary);
      expect(e.paper.summary, at).toBe(cap.paper.summary);
      expect(e.publishedAt, at).toBe(cap.publishedAt);
      expect(e.paper.publishedAt, at).toBe(cap.paper.publishedAt);
      // We store the featured day, not HF's submission instant: midnight of the same day.
      expect(e.paper.submittedOnDailyAt, at).toBe(`${cap.paper.submittedOnDailyAt.slice(0, 10)}T00:00:00.000Z`);
      if (cap.paper.submittedOnDailyAt.endsWith("T00:00:00.000Z"))
        expect(e.paper.submittedOnDailyAt, at).toBe(cap.paper.submittedOnDailyAt);
      expect(e.paper.upvotes, at).toBe(cap.paper.upvotes);
      expect(e.numComments, at).toBe(cap.numComments);
      expect(e.thumbnail, at).toBe(cap.thumbnail);
      expect(e.mediaUrls, at).toEqual(cap.mediaUrls);
      expect(e.paper.mediaUrls, at).toEqual(cap.paper.mediaUrls);
      expect(e.paper.githubRepo, at).toBe(cap.paper.githubRepo);
      expect(e.paper.githubStars, at).toBe(cap.paper.githubStars);
      expect(e.paper.projectPage, at).toBe(cap.paper.projectPage);
      expect(e.paper.ai_summary, at).toBe(cap.paper.ai_summary);
      expect(e.paper.ai_keywords, at).toEqual(cap.paper.ai_keywords);
      expect(e.isAuthorParticipating, at).toBe(false);

      expect(
        e.paper.authors.map((a) => a.name),
        at,
      ).toEqual(cap.paper.authors.map((a) => a.name));
      e.paper.authors.forEach((a, j) => {
        const capAuthor = cap.paper.authors[j];
        expect(a.hidden, at).toBe(capAuthor.hidden);
        if (capAuthor.user) expect(a.user?.user, `${at} author ${a.name}`).toBe(capAuthor.user.user);
        if (a.user) expect(a.user.user, `${at} author ${a.name}`).toBe(store.hfUserOf(a.name));
        else expect(store.hfUserOf(a.name), `${at} author ${a.name}`).toBeNull();
      });

      const orgs = [e.organization, e.paper.organization];
      if (!capOrg) expect(orgs, at).toEqual([undefined, undefined]);
      for (const org of capOrg ? orgs : []) {
        expect(org && { name: org.name, fullname: org.fullname, avatar: org.avatar }, at).toEqual(expectedOrganization(capOrg!));
      }
      if (cap.paper.organization) expect(e.paper.organization?.name, at).toBe(cap.paper.organization.name);

      expect(
        e.submittedBy && { name: e.submittedBy.name, fullname: e.submittedBy.fullname, avatarUrl: e.submittedBy.avatarUrl },
        at,
      ).toEqual({
        name: cap.submittedBy.name,
        fullname: cap.submittedBy.fullname,
        avatarUrl: cap.submittedBy.avatarUrl,
      });
      const by = e.paper.submittedOnDailyBy;
      const capBy = cap.paper.submittedOnDailyBy;
      expect(by && { user: by.user, name: by.name, fullname: by.fullname, avatarUrl: by.avatarUrl }, at).toEqual({
        user: capBy.user,
        name: capBy.name ?? capBy.user,
        fullname: capBy.fullname,
        avatarUrl: capBy.avatarUrl,
      });
    });
  });

  it("uses HF's key names, nesting and value kinds only", () => {
    const hf = hfKinds(
      CAPTURES.flatMap((f) => capture(f).raw),
      "",
    );
    for (const e of out) expectHfShape(e, "", hf);
  });

  it("writes every timestamp as YYYY-MM-DDTHH:MM:SS.sssZ", () => {
    for (const e of out) expectTimestamps(e);
  });

  it("has no null anywhere, and objects where HF has objects", () => {
    for (const e of out) {
      expectNoNulls(e);
      for (const v of [
        e.paper,
        e.submittedBy,
        e.paper.submittedOnDailyBy,
        ...(e.organization ? [e.organization, e.paper.organization] : []),
      ]) {
        expect(kindOf(v)).toBe("object");
      }
      for (const a of e.paper.authors) {
        expect(kindOf(a)).toBe("object");
        if ("user" in a) expect(kindOf(a.user)).toBe("object");
      }
    }
  });

  it("has the keys huggingface_hub reads", () => {
    for (const e of out) {
      const at = e.paper.id;
      expectKeys(e, CLIENT_ENTRY_KEYS, `${at} entry`);
      expectKeys(e.paper, CLIENT_PAPER_KEYS, `${at} paper`);
      for (const a of e.paper.authors) {
        expectKeys(a, CLIENT_AUTHOR_KEYS, `${at} author`);
        if (a.user) expectKeys(a.user, ["user"], `${at} author.user`);
      }
      expectKeys(e.paper.submittedOnDailyBy, CLIENT_USER_KEYS, `${at} submittedOnDailyBy`);
      expectKeys(e.submittedBy, CLIENT_SUBMITTER_KEYS, `${at} submittedBy`);
      if (e.organization) expectKeys(e.organization, CLIENT_ORGANIZATION_KEYS, `${at} organization`);
    }
  });

  it("is read by huggingface_hub's PaperInfo as HF's own answer is", () => {
    c.raw.forEach((raw, i) => {
      const at = `${file} #${i}`;
      const theirs = readLikeHfHub(raw);
      const ours = readLikeHfHub(out[i]);
      expect(project(ours), at).toEqual({ ...project(theirs), title: collapse(theirs.title as string) });
      expect(ours.submitted_at?.toISOString(), at).toBe(c.entries[i].publishedAt);
      expect(ours.discussion_id, at).toBeNull(); // we have no discussions yet
      // The 2025 shape's `submitterOrganization` is not read by the client; our `organization` is.
      const capOrg = c.entries[i].organization ?? c.entries[i].submitterOrganization;
      expect(ours.organization?.name ?? null, at).toBe(capOrg?.name ?? null);
      if (theirs.organization) expect(ours.organization, at).toEqual(theirs.organization);
    });
  });
});

/** What PaperInfo holds that we store: not HF's ids, discussions, or claimed users' profiles. */
function project(info: PyPaperInfo) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...info,
    authors: info.authors?.map((a) => ({ name: a.name, username: a.user?.username ?? null, hidden: a.hidden })) ?? null,
    published_at: iso(info.published_at),
    submitted_at: iso(info.submitted_at),
    discussion_id: undefined,
    organization: undefined,
  };
}

describe.each(CAPTURES)("toPaperDetail on %s", (file) => {
  let c: Capture;
  let out: HfPaperDetail[];
  beforeAll(() => {
    c = capture(file);
    out = c.dtos.map(toPaperDetail);
  });

  it("is the entry's paper object, flat, plus the entry's counters", () => {
    c.dtos.forEach((p, i) => {
      const { numComments, isAuthorParticipating, ...paper } = out[i];
      expect(paper).toEqual(toDailyEntry(p).paper);
      expect(numComments).toBe(c.entries[i].numComments);
      expect(isAuthorParticipating).toBe(false);
    });
  });

  it("gives back every field we store, as HF sent it", () => {
    c.entries.forEach((cap, i) => {
      const d = out[i];
      const at = `${file} #${i} ${cap.paper.id}`;
      expect(d.id, at).toBe(cap.paper.id);
      expect(d.title, at).toBe(collapse(cap.paper.title));
      expect(d.summary, at).toBe(cap.paper.summary);
      expect(d.publishedAt, at).toBe(cap.paper.publishedAt);
      expect(d.submittedOnDailyAt?.slice(0, 10), at).toBe(cap.paper.submittedOnDailyAt.slice(0, 10));
      expect(d.upvotes, at).toBe(cap.paper.upvotes);
      expect(d.numComments, at).toBe(cap.numComments);
      expect(
        d.authors.map((a) => a.name),
        at,
      ).toEqual(cap.paper.authors.map((a) => a.name));
      expect(d.mediaUrls, at).toEqual(cap.paper.mediaUrls);
      expect(d.githubRepo, at).toBe(cap.paper.githubRepo);
      expect(d.githubStars, at).toBe(cap.paper.githubStars);
      expect(d.projectPage, at).toBe(cap.paper.projectPage);
      expect(d.ai_summary, at).toBe(cap.paper.ai_summary);
      expect(d.ai_keywords, at).toEqual(cap.paper.ai_keywords);
      expect(d.submittedOnDailyBy?.user, at).toBe(cap.paper.submittedOnDailyBy.user);
      expect(d.submittedOnDailyBy?.fullname, at).toBe(cap.paper.submittedOnDailyBy.fullname);
      expect(d.submittedOnDailyBy?.avatarUrl, at).toBe(cap.paper.submittedOnDailyBy.avatarUrl);
      const capOrg = cap.paper.organization ?? cap.organization ?? cap.submitterOrganization;
      expect(d.organization && { name: d.organization.name, fullname: d.organization.fullname, avatar: d.organization.avatar }, at).toEqual(
        capOrg && expectedOrganization(capOrg),
      );
    });
  });

  it("uses HF's key names, nesting and value kinds only", () => {
    const hf = hfKinds(
      CAPTURES.flatMap((f) => capture(f).raw.map((e) => e.paper)),
      "",
    );
    for (const d of out) expectHfShape(d, "", hf, { ".numComments": "number", ".isAuthorParticipating": "boolean" });
  });

  it("writes every timestamp as YYYY-MM-DDTHH:MM:SS.sssZ, with no null anywhere", () => {
    for (const d of out) {
      expectTimestamps(d);
      expectNoNulls(d);
    }
  });

  it("has the keys huggingface_hub's paper_info reads, and PaperInfo reads them", () => {
    c.entries.forEach((cap, i) => {
      const d = out[i];
      expectKeys(d, CLIENT_DETAIL_KEYS, d.id);
      expectKeys(d.submittedOnDailyBy, CLIENT_USER_KEYS, `${d.id} submittedOnDailyBy`);
      const info = readLikeHfHub(d);
      expect(info.id).toBe(cap.paper.id);
      expect(info.title).toBe(collapse(cap.paper.title));
      expect(info.authors?.map((a) => a.name)).toEqual(cap.paper.authors.map((a) => a.name));
      expect(info.published_at?.toISOString()).toBe(cap.paper.publishedAt);
      expect(info.submitted_at?.toISOString()).toBe(d.submittedOnDailyAt);
      expect(info.comments).toBe(cap.numComments);
      expect(info.upvotes).toBe(cap.paper.upvotes);
      expect(info.submitted_by?.username).toBe(cap.paper.submittedOnDailyBy.user);
      expect(info.ai_summary).toBe(cap.paper.ai_summary ?? null);
      expect(info.ai_keywords).toEqual(cap.paper.ai_keywords ?? null);
      expect(info.github_repo).toBe(cap.paper.githubRepo ?? null);
      expect(info.github_stars).toBe(cap.paper.githubStars ?? null);
      expect(info.project_page).toBe(cap.paper.projectPage ?? null);
      expect(info.organization?.name ?? null).toBe((cap.organization ?? cap.submitterOrganization)?.name ?? null);
    });
  });
});

describe("hf-shape", () => {
  it("refuses papers without an arXiv id", () => {
    expect(() => toDailyEntry(dto({ arxivId: null }))).toThrow(/arXiv id/);
    expect(() => toPaperDetail(dto({ arxivId: null }))).toThrow(/arXiv id/);
  });

  it("leaves out what we do not have rather than sending null", () => {
    const entry = toDailyEntry(dto({ abstract: null, publishedAt: null }));
    expect(Object.keys(entry).sort()).toEqual(["isAuthorParticipating", "numComments", "paper", "title"]);
    expect(Object.keys(entry.paper).sort()).toEqual(["authors", "id", "title", "upvotes"]);
    const detail = toPaperDetail(dto({ abstract: null, publishedAt: null }));
    expect(Object.keys(detail).sort()).toEqual(["authors", "id", "isAuthorParticipating", "numComments", "title", "upvotes"]);
    expect(entry.paper.authors[0]).toEqual({ _id: expect.stringMatching(OBJECT_ID), name: "Ada Lovelace", hidden: false });
    expect(readLikeHfHub(entry).published_at).toBeNull();
    expect(readLikeHfHub(detail).submitted_by).toBeNull();
  });

  it("gives a never-featured paper its own publication time as the listing time", () => {
    const entry = toDailyEntry(dto());
    expect(entry.publishedAt).toBe("2026-01-01T17:00:00.000Z");
    expect(entry.paper.submittedOnDailyAt).toBeUndefined();
    expect(entry.submittedBy).toBeUndefined();
  });

  it("uses the featured day at midnight UTC and the listing's own time", () => {
    const feature = { day: "2026-01-03", featuredAt: new Date("2026-01-02T13:00:00Z"), submitter: null };
    const entry = toDailyEntry(dto({ feature }));
    expect(entry.publishedAt).toBe("2026-01-02T13:00:00.000Z");
    expect(entry.paper.submittedOnDailyAt).toBe("2026-01-03T00:00:00.000Z");
    expect(entry.paper.publishedAt).toBe("2026-01-01T17:00:00.000Z");
    expect(entry.submittedBy).toBeUndefined();
    expect(toPaperDetail(dto({ feature })).submittedOnDailyAt).toBe("2026-01-03T00:00:00.000Z");
  });

  it("leaves out dates the client could not parse", () => {
    const entry = toDailyEntry(dto({ publishedAt: new Date(Date.UTC(10000, 0, 1)) }));
    expect(entry.paper.publishedAt).toBeUndefined();
    expect(toDailyEntry(dto({ publishedAt: new Date(Number.NaN) })).paper.publishedAt).toBeUndefined();
  });

  it("derives stable 24-hex _ids: one per author, organization and user handle", () => {
    const org = { id: 11, name: "acme", fullname: "Acme", avatar: null };
    const submitter = { name: "ada", fullname: "Ada L.", avatarUrl: "/avatars/ada.svg" };
    const feature = { day: "2026-01-03", featuredAt: new Date("2026-01-03T01:00:00Z"), submitter };
    const ada = { id: 11, name: "Ada Lovelace", hfUser: "ada" };
    const bob = { id: 12, name: "Bob", hfUser: null };
    const a = toDailyEntry(dto({ id: 1, authors: [ada, bob], organization: org, feature }));
    const b = toDailyEntry(dto({ id: 2, arxivId: "2601.00043", authors: [bob, ada], organization: org }));

    const ids = [a.paper.authors[0]._id, a.paper.authors[1]._id, a.organization!._id, a.submittedBy!._id];
    for (const id of ids) expect(id).toMatch(OBJECT_ID);
    expect(new Set(ids).size).toBe(4); // author 11 and organization 11 differ
    expect(b.paper.authors[1]._id).toBe(a.paper.authors[0]._id);
    expect(b.paper.authors[0]._id).toBe(a.paper.authors[1]._id);
    expect(b.organization!._id).toBe(a.organization!._id);
    expect(a.paper.organization).toEqual(a.organization);
    // One handle, one _id: as submitter, as daily submitter and as claimed author.
    expect(a.paper.submittedOnDailyBy!._id).toBe(a.submittedBy!._id);
    expect(a.paper.authors[0].user).toEqual({ _id: a.submittedBy!._id, user: "ada", name: "ada", type: "user" });
    expect(toDailyEntry(dto({ id: 1, authors: [ada, bob], organization: org, feature }))).toEqual(a);
    expect(toDailyEntry(dto({ authors: [{ id: Number.MAX_SAFE_INTEGER, name: "Zed", hfUser: null }] })).paper.authors[0]._id).toMatch(
      OBJECT_ID,
    );
  });

  it("sends the submitter as HF does: `name` on the entry, `user` and `name` on the paper", () => {
    const submitter = { name: "ada", fullname: null, avatarUrl: null };
    const entry = toDailyEntry(dto({ feature: { day: "2026-01-03", featuredAt: new Date("2026-01-03T01:00:00Z"), submitter } }));
    expect(entry.submittedBy).toEqual({ _id: expect.stringMatching(OBJECT_ID), name: "ada", type: "user" });
    expect(entry.paper.submittedOnDailyBy).toEqual({ _id: entry.submittedBy!._id, user: "ada", name: "ada", type: "user" });
  });
});
