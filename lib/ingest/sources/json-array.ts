import { isUtf8 } from "node:buffer";

/** Where a document stops being well-formed, in the reader's own words. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** Absolute byte offset of the offending byte. */
    readonly at: number,
  ) {
    super(message);
  }
}

/** One element of the top-level array: its text and where it starts in the document. */
export interface JsonElement {
  text: string;
  start: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

const enum At {
  /** Before the top-level `[`. */
  Start,
  /** After `[`: a value or `]`. */
  FirstValue,
  /** After `,`: a value. */
  Value,
  /** Inside an element. */
  Element,
  /** After an element: `,` or `]`. */
  Separator,
  /** After the closing `]`: only whitespace. */
  End,
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Cuts a top-level JSON array into the text of its elements, as bytes arrive, without
 * tokenizing them: it follows only strings and nesting, so it reads hundreds of MB/s and
 * each element can go to `JSON.parse`, which checks it properly. The array's own
 * punctuation (commas, brackets, what follows the end) is checked here; the UTF-8 of the
 * whole document is checked too, as a fatal decoder would.
 */
export class JsonArraySplitter {
  private at = At.Start;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The element is a bare number or literal, ended by whitespace, `,` or `]`. */
  private bare = false;
  /** Bytes of the current element held over from earlier chunks. */
  private held: Uint8Array[] = [];
  private elementStart = 0;
  /** Bytes of an incomplete UTF-8 sequence at the end of the last chunk. */
  private utf8Tail: Uint8Array | null = null;
  private offset = 0;
  private out: JsonElement[] = [];

  /**
   * @param maxDepth nesting allowed inside an element (the array itself not counted).
   * @param onDepth called when an element nests deeper; it throws.
   */
  constructor(
    private readonly maxDepth: number,
    private readonly onDepth: (at: number) => never,
  ) {}

  /** True once the opening `[` has been seen. */
  get started(): boolean {
    return this.at !== At.Start;
  }

  /** Absolute offset of the next byte to be written. */
  get bytesRead(): number {
    return this.offset;
  }

  /** Checks and consumes a chunk; returns the elements it completed. */
  write(chunk: Uint8Array): JsonElement[] {
    this.checkUtf8(chunk);
    const base = this.offset;
    const n = chunk.length;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, n);
    let i = 0;
    let start = this.at === At.Element ? 0 : -1;
    while (i < n) {
      if (this.at === At.Element) {
        if (this.inString) {
          const end = this.stringEnd(buf, i);
          if (end < 0) {
            i = n;
            break;
          }
          this.inString = false;
          i = end + 1;
          if (this.depth === 0) {
            this.finish(chunk, start, i);
            start = -1;
          }
          continue;
        }
        const b = chunk[i];
        if (this.bare) {
          if (isSpace(b) || b === COMMA || b === CLOSE_ARRAY) {
            this.finish(chunk, start, i);
            start = -1;
            continue; // the separator is read in the Separator state
          }
          i++;
          continue;
        }
        if (b === QUOTE) this.inString = true;
        else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
          if (++this.depth > this.maxDepth) this.onDepth(base + i);
        } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
          if (--this.depth === 0) {
            i++;
            this.finish(chunk, start, i);
            start = -1;
            continue;
          }
        }
        i++;
        continue;
      }

      const b = chunk[i];
      if (isSpace(b)) {
        i++;
        continue;
      }
      switch (this.at) {
        case At.Start:
          if (b !== OPEN_ARRAY) throw new JsonSyntaxError("expected `[`", base + i);
          this.at = At.FirstValue;
          i++;
          break;
        case At.FirstValue:
        case At.Value:
          if (b === CLOSE_ARRAY && this.at === At.FirstValue) {
            this.at = At.End;
            i++;
            break;
          }
          if (b === COMMA || b === CLOSE_ARRAY) throw new JsonSyntaxError("expected a value", base + i);
          this.at = At.Element;
          this.elementStart = base + i;
          start = i;
          this.bare = false;
          if (b === QUOTE) {
            this.inString = true;
            this.depth = 0;
          } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
            this.depth = 1;
          } else {
            this.bare = true;
            this.depth = 0;
          }
          i++;
          break;
        case At.Separator:
          if (b === COMMA) this.at = At.Value;
          else if (b === CLOSE_ARRAY) this.at = At.End;
          else throw new JsonSyntaxError("expected `,` or `]` after an entry", base + i);
          i++;
          break;
        case At.End:
          throw new JsonSyntaxError("unexpected content after the closing `]`", base + i);
      }
    }
    // Copied: a caller may reuse its buffer for the next chunk.
    if (this.at === At.Element && start >= 0) this.held.push(Uint8Array.prototype.slice.call(chunk, start, n));
    this.offset = base + n;
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Called at the end of the document: throws unless the array was closed. */
  end(): JsonElement[] {
    if (this.utf8Tail) throw new JsonSyntaxError("invalid UTF-8", this.offset - this.utf8Tail.length);
    if (this.at === At.Element && this.bare) {
      // A bare value running to the end of the document.
      this.finish(new Uint8Array(0), 0, 0);
    }
    if (this.at !== At.End) throw new JsonSyntaxError("the document ends unexpectedly", this.offset);
    const out = this.out;
    this.out = [];
    return out;
  }

  /**
   * Position of the quote closing the string that continues at `from`, or -1 when the
   * chunk ends first (then `escaped` tells whether its last byte escapes the next one).
   * Long strings (abstracts) are skipped with a native byte search.
   */
  private stringEnd(buf: Buffer, from: number): number {
    let j = from;
    if (this.escaped) {
      this.escaped = false;
      j++;
    }
    const n = buf.length;
    for (;;) {
      const q = j < n ? buf.indexOf(QUOTE, j) : -1;
      if (q < 0) {
        let run = 0;
        while (n - 1 - run >= j && buf[n - 1 - run] === BACKSLASH) run++;
        this.escaped = run % 2 === 1;
        return -1;
      }
      let run = 0;
      while (q - 1 - run >= j && buf[q - 1 - run] === BACKSLASH) run++;
      if (run % 2 === 0) return q;
      j = q + 1;
    }
  }

  private finish(chunk: Uint8Array, start: number, end: number) {
    let bytes: Buffer;
    if (this.held.length) {
      this.held.push(chunk.subarray(Math.max(0, start), end));
      bytes = Buffer.concat(this.held);
      this.held = [];
    } else {
      bytes = Buffer.from(chunk.buffer, chunk.byteOffset + start, end - start);
    }
    this.out.push({ text: bytes.toString("utf8"), start: this.elementStart });
    this.at = At.Separator;
    this.bare = false;
    this.depth = 0;
  }

  private checkUtf8(chunk: Uint8Array) {
    let bytes = chunk;
    if (this.utf8Tail) {
      bytes = Buffer.concat([this.utf8Tail, chunk]);
      this.utf8Tail = null;
    }
    // Hold back a sequence cut by the chunk boundary until the next chunk completes it.
    let cut = bytes.length;
    for (let k = 1; k <= Math.min(3, bytes.length); k++) {
      const b = bytes[bytes.length - k];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > k) cut = bytes.length - k;
      break;
    }
    const whole = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    if (!isUtf8(whole)) throw new JsonSyntaxError("invalid UTF-8", this.offset);
    if (cut < bytes.length) this.utf8Tail = Uint8Array.prototype.slice.call(bytes, cut);
  }
}
