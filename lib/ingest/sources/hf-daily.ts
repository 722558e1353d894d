import { none } from "stream-chain/defs.js";
import Assembler from "stream-json/core/assembler.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";
import streamArray from "stream-json/core/streamers/stream-array.js";
import { FeedParseError, type ParseItem, type ParsedOrganization, type ParsedPaper, type ParsedSubmitter } from "../types";
import { JsonArraySplitter, JsonSyntaxError, type JsonElement } from "./json-array";
import { collapseWhitespace, normalizeArxivId, parseIsoDateTime, utcDay } from "./text";

/**
 * Hugging Face `/api/daily_papers` JSON (a top-level array of entries), streamed: entries
 * are yielded as they complete, so the document never sits in memory whole. A single
 * top-level entry or flat paper (`/api/papers/{id}`) is accepted too.
 */
export async function* parseHfDaily(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<ParseItem> {
  const reader = new HfDailyReader();
  let position = 0;
  for await (const chunk of chunks) {
    for (const entry of reader.write(chunk)) yield toItem(entry, ++position);
  }
  for (const entry of reader.end()) yield toItem(entry, ++position);
}

/**
 * Arrays, the usual case, go through the fast splitter and `JSON.parse`; anything else
 * (a single object, a scalar, an error object) through the tokenizing reader, which
 * also words the error when an entry does not parse.
 */
class HfDailyReader {
  private mode: "undecided" | "array" | "other" = "undecided";
  private head: Buffer[] = [];
  private seen = 0;
  private readonly splitter = new JsonArraySplitter(MAX_DEPTH - 1, (at) => {
    throw deepError(at);
  });
  private other?: TopLevelReader;

  write(chunk: Uint8Array | string): unknown[] {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (this.mode === "undecided") return this.decide(bytes);
    if (this.mode === "other") return this.other!.write(bytes);
    return this.split(() => this.splitter.write(bytes));
  }

  end(): unknown[] {
    if (this.mode === "undecided") {
      // Nothing but whitespace (or nothing at all): let the tokenizer say so.
      this.mode = "other";
      this.other = new TopLevelReader();
      for (const b of this.head) this.other.write(b);
    }
    if (this.mode === "other") return this.other!.end();
    return this.split(() => this.splitter.end());
  }

  private decide(bytes: Uint8Array): unknown[] {
    let from = 0;
    if (this.seen === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
    this.seen += bytes.length;
    let i = from;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
    if (i === bytes.length) {
      this.head.push(Buffer.from(bytes));
      return [];
    }
    if (bytes[i] === 0x5b) {
      this.mode = "array";
      // Whitespace before the `[` counts for byte positions in messages.
      const skipped = this.head.reduce((n, b) => n + b.length, 0) + from;
      this.head = [];
      return this.split(() => {
        if (skipped) this.splitter.write(Buffer.alloc(skipped, 0x20));
        return this.splitter.write(bytes.subarray(from));
      });
    }
    this.mode = "other";
    this.other = new TopLevelReader();
    for (const b of this.head) this.other.write(b);
    this.head = [];
    return this.other.write(bytes);
  }

  private split(run: () => JsonElement[]): unknown[] {
    let elements: JsonElement[];
    try {
      elements = run();
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      if (e.message === "invalid UTF-8") throw new FeedParseError(`Invalid UTF-8 after byte ${e.at}`, FORMAT);
      if (e.message === "the document ends unexpectedly") {
        throw new FeedParseError(`Invalid JSON: the document ends unexpectedly at byte ${e.at} (truncated?)`, FORMAT);
      }
      throw new FeedParseError(`Invalid JSON between bytes ${e.at} and ${e.at + 1}: ${e.message}`, FORMAT);
    }
    return elements.map(parseElement);
  }
}

function parseElement(element: JsonElement): unknown {
  try {
    return JSON.parse(element.text);
  } catch (e) {
    // Let the tokenizer find and word the error, as if the entry were the array's first.
    const reader = new TopLevelReader(element.start - 1);
    reader.write("[");
    reader.write(element.text);
    throw new FeedParseError(`Invalid JSON in the entry at byte ${element.start}: ${(e as Error).message}`, FORMAT);
  }
}

function deepError(at: number) {
  return new FeedParseError(`JSON nested deeper than ${MAX_DEPTH} levels near byte ${at}`, FORMAT);
}

// Characters handed to the tokenizer per call; a syntax error is located to within one slice.
const SLICE = 256;
// HF entries nest six deep; anything far deeper is hostile and would only grow the stacks.
const MAX_DEPTH = 64;
const FORMAT = "hf-daily";
type Tokens = ReturnType<ReturnType<typeof jsonParser>>;

class TopLevelReader {
  private readonly tokenizer = jsonParser({ streamKeys: false, streamNumbers: false });
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly array = streamArray();
  private readonly object = new Assembler();
  private kind: "array" | "object" | undefined;
  private depth = 0;
  private bytesIn = 0;
  private bytesParsed: number;
  private started = false;
  private sawContent = false;
  private out: unknown[] = [];

  /** @param offset byte position of the first byte written, for messages. */
  constructor(offset = 0) {
    this.bytesParsed = offset;
    this.bytesIn = offset;
  }

  write(chunk: Uint8Array | string): unknown[] {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else {
      text = this.decode(() => this.decoder.decode(chunk, { stream: true }));
      this.bytesIn += chunk.byteLength;
    }
    if (!this.started && text) {
      text = text.replace(/^\uFEFF/, "");
      this.started = true;
    }
    for (let i = 0; i < text.length; i += SLICE) this.feed(text.slice(i, i + SLICE));
    return this.drain();
  }

  end(): unknown[] {
    this.feed(this.decode(() => this.decoder.decode()));
    let tokens;
    try {
      // Flushing with `none` is stream-chain's protocol; the typings only admit strings.
      tokens = (this.tokenizer as unknown as (flush: typeof none) => Tokens)(none);
    } catch {
      if (!this.sawContent) throw new FeedParseError("Empty document: expected a JSON array of daily-papers entries", FORMAT);
      throw new FeedParseError(`Invalid JSON: the document ends unexpectedly at byte ${this.bytesParsed} (truncated?)`, FORMAT);
    }
    this.consume(tokens);
    return this.drain();
  }

  private decode(run: () => string): string {
    try {
      return run();
    } catch {
      throw new FeedParseError(`Invalid UTF-8 after byte ${this.bytesIn}`, FORMAT);
    }
  }

  private feed(slice: string): void {
    if (!slice) return;
    this.sawContent ||= /\S/.test(slice);
    let tokens;
    try {
      tokens = this.tokenizer(slice);
    } catch (e) {
      const reason = (e as Error).message.replace(/^Parser cannot parse input: /, "");
      const end = this.bytesParsed + Buffer.byteLength(slice);
      throw new FeedParseError(`Invalid JSON between bytes ${this.bytesParsed} and ${end}: ${reason}`, FORMAT);
    }
    this.bytesParsed += Buffer.byteLength(slice);
    this.consume(tokens);
  }

  private consume(tokens: Tokens): void {
    if (tokens === none) return;
    for (const token of tokens.values) {
      if (!this.kind) this.kind = topLevelKind(token);
      if (token.name === "startArray" || token.name === "startObject") {
        if (++this.depth > MAX_DEPTH) throw deepError(this.bytesParsed);
      } else if (token.name === "endArray" || token.name === "endObject") this.depth--;
      if (this.kind === "array") {
        const item = this.array(token);
        if (item !== none && "value" in item) this.out.push(item.value);
      } else {
        this.object.consume(token);
        if (this.object.done) this.out.push(fromTopLevelObject(this.object.current));
      }
    }
  }

  private drain(): unknown[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}

function topLevelKind(token: Token): "array" | "object" {
  if (token.name === "startArray") return "array";
  if (token.name === "startObject") return "object";
  const got = /string/i.test(token.name)
    ? "a string"
    : /number/i.test(token.name)
      ? "a number"
      : token.name === "nullValue"
        ? "null"
        : "a boolean";
  throw new FeedParseError(`Expected a JSON array of daily-papers entries, got ${got}`, FORMAT);
}

/** A single entry is used as is; a flat paper (`/api/papers/{id}`) becomes an entry around it. */
function fromTopLevelObject(value: unknown): unknown {
  const obj = value as Obj;
  if (isObj(obj.paper)) return obj;
  if ("id" in obj || "title" in obj) return { paper: obj, numComments: obj.numComments };
  if (typeof obj.error === "string") throw new FeedParseError(`Hugging Face API error: ${obj.error}`, FORMAT);
  throw new FeedParseError(
    "Expected a JSON array of daily-papers entries or a single paper, got an object with neither `paper` nor `id`",
    FORMAT,
  );
}

type Obj = Record<string, unknown>;

class Rejection extends Error {}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toItem(entry: unknown, position: number): ParseItem {
  const paper = isObj(entry) && isObj(entry.paper) ? entry.paper : undefined;
  const rawId = typeof paper?.id === "string" ? paper.id.trim() : "";
  const title = collapseWhitespace(text(isObj(entry) ? entry.title : undefined) ?? text(paper?.title) ?? "");
  const ref = rawId || title || `entry #${position}`;
  try {
    if (!isObj(entry)) throw new Rejection(`entry is ${describe(entry)}, not an object`);
    if (!paper) throw new Rejection("entry has no `paper` object");
    return { kind: "paper", paper: toPaper(entry, paper, rawId, title) };
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    return { kind: "rejected", rejection: { ref, reason: e.message } };
  }
}

function toPaper(entry: Obj, paper: Obj, rawId: string, title: string): ParsedPaper {
  if (!rawId) throw new Rejection("missing paper.id");
  const arxivId = normalizeArxivId(rawId);
  if (!arxivId) throw new Rejection(`paper.id is not an arXiv id: ${describe(rawId)}`);
  if (!title) throw new Rejection("missing or empty title");

  const publishedAt = date(paper.publishedAt, "paper.publishedAt");
  const dailyAt = date(paper.submittedOnDailyAt, "paper.submittedOnDailyAt");
  const listedAt = date(entry.publishedAt, "publishedAt");
  const day = dailyAt ?? listedAt;
  const featuredAt = listedAt ?? dailyAt;
  const submitter = submitterOf(entry, paper);

  return defined<ParsedPaper>({
    arxivId,
    title,
    abstract: text(paper.summary) ?? text(entry.summary) ?? null,
    authors: (Array.isArray(paper.authors) ? paper.authors : []).filter(isObj).flatMap((a) => {
      const name = text(a.name);
      return name ? [defined({ name: collapseWhitespace(name), hfUser: isObj(a.user) ? text(a.user.user) : undefined })] : [];
    }),
    publishedAt,
    featured: day && featuredAt ? defined({ day: utcDay(day), featuredAt, submitter }) : null,
    upvotes: count(paper.upvotes, "paper.upvotes"),
    numComments: count(entry.numComments, "numComments"),
    githubRepo: url(paper.githubRepo),
    githubStars: count(paper.githubStars, "paper.githubStars"),
    projectPage: url(paper.projectPage),
    aiSummary: text(paper.ai_summary),
    aiKeywords: strings(paper.ai_keywords, text),
    thumbnail: url(entry.thumbnail),
    mediaUrls: strings(entry.mediaUrls, url) ?? strings(paper.mediaUrls, url) ?? strings([entry.mediaUrl ?? paper.mediaUrl], url),
    organization: organizationOf([entry.organization, paper.organization, entry.submitterOrganization]),
  });
}

function submitterOf(entry: Obj, paper: Obj): ParsedSubmitter | undefined {
  for (const s of [entry.submittedBy, paper.submittedOnDailyBy]) {
    if (!isObj(s)) continue;
    const name = text(s.name) ?? text(s.user);
    if (name) return defined({ name, fullname: text(s.fullname), avatarUrl: url(s.avatarUrl) });
  }
  return undefined;
}

function organizationOf(candidates: unknown[]): ParsedOrganization | undefined {
  for (const o of candidates) {
    const name = isObj(o) ? text(o.name) : undefined;
    if (isObj(o) && name) return defined({ name, fullname: text(o.fullname), avatar: url(o.avatar) });
  }
  return undefined;
}

/** A trimmed non-empty string, else undefined. */
function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

// Only web links (or HF's root-relative avatar paths) are kept: these end up as hrefs/srcs.
function url(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  if (/^\/(?!\/)/.test(s)) return s;
  return /^https?:\/\/[^\s/]/i.test(s) && URL.canParse(s) ? s : undefined;
}

function strings(v: unknown, item: (x: unknown) => string | undefined): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const list = v.map(item).filter((s): s is string => s !== undefined);
  return list.length || v.length === 0 ? list : undefined;
}

function date(v: unknown, field: string): Date | null {
  if (v === undefined || v === null) return null;
  const parsed = typeof v === "string" ? parseIsoDateTime(v) : null;
  if (!parsed) throw new Rejection(`${field} is not a valid date: ${describe(v)}`);
  return parsed;
}

function count(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  throw new Rejection(`${field} must be a non-negative integer, got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : String(v);
}

/** Drops keys whose value is undefined, so missing optional fields are absent. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
