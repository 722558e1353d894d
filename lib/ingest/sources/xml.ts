import MarkdownIt from "markdown-it";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FeedParseError, type FeedFormat } from "../types";

export type XmlNode = Record<string, unknown>;

/**
 * Parses an XML feed in one streaming pass (saxes checks well-formedness as it goes), and
 * returns its root element: the name as written ("feed", "rdf:RDF") and the element as a
 * plain object with namespace prefixes removed from names. `arrayPaths` are the dotted element
 * paths (prefixes removed) that always parse as arrays.
 *
 * The object is what fast-xml-parser made of a feed before: an element with neither
 * attributes nor child elements is its text (a string, "" when empty); otherwise an object
 * with `@_name` attributes, child elements under their names (an array when repeated) and
 * its text, if any, under `#text`. Each run of text between two pieces of markup is trimmed
 * and the runs are joined as they are ("a<!-- c --> b" is "ab"); CDATA is kept untrimmed;
 * comments are left out, a processing instruction is an empty child (`"?target": ""`).
 * Attribute values are trimmed.
 */
export function parseXmlFeed(xml: string, format: FeedFormat, arrayPaths: string[]): { rootName: string; root: XmlNode } {
  let rootName = "";
  const items = streamXmlFeed(xml, format, arrayPaths, null, (name) => (rootName = name));
  for (let next = items.next(); ; next = items.next()) if (next.done) return { rootName, root: next.value };
}

/**
 * Parses an XML feed as `parseXmlFeed` does, but hands out each element at `itemPath` (a dotted
 * path such as "feed.entry", prefixes removed) as soon as it closes, instead of keeping it in the
 * tree: a feed's entries are mapped and dropped one by one, so a document's entries never all
 * live at once (and V8 does not promote a whole document's tree to its old generation while
 * the run writes). `onRoot` sees the root element's name when it opens, before any item: a
 * document of the wrong kind fails at once. Returns the root without its items.
 */
export function* streamXmlFeed(
  xml: string,
  format: FeedFormat,
  arrayPaths: string[],
  itemPath: string | null,
  onRoot: (rootName: string) => void,
): Generator<XmlNode, XmlNode> {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  // Feeds never need a DOCTYPE internal subset; refusing it rules out entity-expansion tricks.
  if (hasInternalSubset(text)) {
    throw new FeedParseError("XML with a DOCTYPE internal subset (entity declarations) is not accepted", format);
  }
  const builder = new TreeBuilder(arrayTrie(arrayPaths, itemPath));
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.ENTITIES = HTML_ENTITIES;
  // Where the last piece of markup saxes read ended: a bare "&" is looked for after it.
  let markupEnd = 0;
  parser.on("error", (err) => {
    const { line, column, message } = where(err.message);
    if (TOLERATED.has(message) || (message === "malformed character entity." && endsWithCharRef(text, parser.position))) return;
    const amp = bareAmpersand(text, markupEnd, parser.position);
    if (amp) throw new FeedParseError(`Malformed XML at line ${amp.line}, column ${amp.column}: "&" that starts no entity`, format);
    throw new FeedParseError(`Malformed XML at line ${line}, column ${column}: ${message}`, format);
  });
  parser.on("opentag", (tag) => {
    if (builder.depth >= MAX_DEPTH) {
      throw new FeedParseError(`XML nested deeper than ${MAX_DEPTH} elements at line ${parser.line}, column ${parser.column}`, format);
    }
    builder.open(tag);
    if (builder.depth === 1) onRoot(tag.name);
    markupEnd = parser.position;
  });
  parser.on("text", (t) => builder.text(t.trim()));
  parser.on("cdata", (t) => {
    builder.text(t);
    markupEnd = parser.position;
  });
  parser.on("comment", () => (markupEnd = parser.position));
  parser.on("processinginstruction", (pi) => {
    builder.instruction(pi.target);
    markupEnd = parser.position;
  });
  parser.on("closetag", () => {
    builder.close();
    markupEnd = parser.position;
  });
  // In slices, handing out the items each one completed.
  for (let at = 0; at < text.length; at += SLICE) {
    parser.write(text.slice(at, at + SLICE));
    yield* builder.takeItems();
  }
  parser.close();
  yield* builder.takeItems();
  if (!builder.rootName) throw new FeedParseError("Malformed XML: no root element", format);
  return isNode(builder.root) ? builder.root : {};
}

/** Characters given to saxes at a time: about a hundred arXiv entries. */
export const SLICE = 256 * 1024;

// arXiv feeds nest four deep; anything far deeper is hostile and would only grow the stacks.
const MAX_DEPTH = 64;

/**
 * Faults saxes reports and then reads past, which the old parser let through: they spoil a
 * character or two of one text, not the structure, so they do not cost the whole feed. An
 * undefined entity (`&foo;`), a reference to a character XML forbids (`&#0;`) and a control
 * character stay as written; a "<" inside an attribute value is dropped.
 */
const TOLERATED = new Set(["undefined entity.", "disallowed character.", 'the string "]]>" is disallowed in char data.']);

/** Whether the text read so far ends with a well-formed `&#...;` (and not, say, "&#233 </x>...;"). */
function endsWithCharRef(text: string, end: number): boolean {
  return /&#(?:\d{1,20}|x[\da-fA-F]{1,20});$/.test(text.slice(Math.max(0, end - 24), end));
}

/** saxes's "12:7: message": column is of the next character to read, that is, the faulty one's, counting from 1. */
function where(message: string): { line: string; column: string; message: string } {
  const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  return m ? { line: m[1], column: m[2], message: m[3] } : { line: "?", column: "?", message };
}

/**
 * An unescaped "&" makes saxes read on to the next ";" and fail far from it (often with
 * "unclosed tag" at the end), emitting nothing meanwhile. As it is the usual fault of
 * hand-made feeds, a failure is reported at a bare "&" between the last markup read and the
 * failure, if there is one (one in CDATA or a comment, which is fine, is before that markup).
 */
const BARE_AMPERSAND = /&(?!(?:[\p{L}_:][\p{L}\p{N}._:\u00B7-]*|#\d+|#x[\da-fA-F]+);)/gu;

function bareAmpersand(text: string, from: number, before: number): { line: number; column: number } | null {
  BARE_AMPERSAND.lastIndex = from;
  const m = BARE_AMPERSAND.exec(text);
  if (!m || m.index >= before) return null;
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf("\n"); nl >= 0 && nl < m.index; nl = text.indexOf("\n", nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: m.index - lineStart + 1 };
}

/**
 * Named entities: HTML's (`&eacute;`, `&nbsp;`, and XML's five among them), looked up in the
 * HTML5 table markdown-it already carries rather than a copy of its 2,000 names. Values are
 * fixed strings: nothing expands further, so there are no entity bombs.
 */
const { unescapeAll } = new MarkdownIt().utils;
const DECODED = new Map<string, string>();
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9]{1,31}$/;

function namedEntity(name: string): string | undefined {
  const known = DECODED.get(name);
  if (known !== undefined || !ENTITY_NAME.test(name)) return known;
  const ref = `&${name};`;
  const value = unescapeAll(ref);
  if (value === ref) return undefined;
  DECODED.set(name, value); // at most the size of the HTML table
  return value;
}

const HTML_ENTITIES = new Proxy<Record<string, string>>(
  {},
  { get: (_target, name) => (typeof name === "string" ? namedEntity(name) : undefined) },
);

/** The dotted paths as a tree of names, so each element finds its own in one step at any depth. */
interface PathTrie {
  array: boolean;
  /** Elements at this path are handed out as items, not kept in the tree. */
  item: boolean;
  children: Map<string, PathTrie>;
}

function arrayTrie(paths: string[], itemPath: string | null): PathTrie {
  const top: PathTrie = { array: false, item: false, children: new Map() };
  const at = (p: string) => {
    let node = top;
    for (const name of p.split(".")) {
      let next = node.children.get(name);
      if (!next) node.children.set(name, (next = { array: false, item: false, children: new Map() }));
      node = next;
    }
    return node;
  };
  for (const p of paths) at(p).array = true;
  if (itemPath) at(itemPath).item = true;
  return top;
}

interface OpenElement {
  name: string;
  /** This element's place in the array-path tree; null once no array path can match below. */
  trie: PathTrie | null;
  node: XmlNode;
  hasAttributes: boolean;
  hasChildren: boolean;
  text: string;
}

/** Builds the object tree from SAX events, with an explicit stack: no recursion, whatever the depth. */
class TreeBuilder {
  rootName: string | null = null;
  root: unknown = undefined;
  private readonly stack: OpenElement[] = [];
  private items: XmlNode[] = [];

  constructor(private readonly arrays: PathTrie) {}

  get depth(): number {
    return this.stack.length;
  }

  open(tag: SaxesTagPlain) {
    const { stack } = this;
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    if (!parent) this.rootName = tag.name;
    const name = localName(tag.name);
    const node: XmlNode = {};
    let hasAttributes = false;
    const { attributes } = tag;
    for (const key of Object.keys(attributes)) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue;
      node[`@_${localName(key)}`] = attributes[key].trim();
      hasAttributes = true;
    }
    const trie = parent ? (parent.trie?.children.get(name) ?? null) : (this.arrays.children.get(name) ?? null);
    this.stack.push({ name, trie, node, hasAttributes, hasChildren: false, text: "" });
  }

  text(t: string) {
    const { stack } = this;
    if (stack.length && t) stack[stack.length - 1].text += t;
  }

  /** As fast-xml-parser had it, a processing instruction in an element is an empty child `?target`. */
  instruction(target: string) {
    const { stack } = this;
    if (!stack.length) return;
    const top = stack[stack.length - 1];
    setChild(top.node, `?${target}`, "");
    top.hasChildren = true;
  }

  /** The items completed since the last call. */
  takeItems(): XmlNode[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  close() {
    const el = this.stack.pop();
    if (!el) return;
    let value: unknown = el.text;
    if (el.hasAttributes || el.hasChildren) {
      if (el.text) el.node["#text"] = el.text;
      value = el.node;
    }
    const parent = this.stack.length ? this.stack[this.stack.length - 1] : undefined;
    if (!parent) {
      this.root = value;
      return;
    }
    parent.hasChildren = true;
    if (el.trie?.item) {
      // An item of text alone (`<entry>x</entry>`) is left out, as `nodes()` leaves it out of a tree.
      if (isNode(value)) this.items.push(value);
      return;
    }
    const siblings = Object.hasOwn(parent.node, el.name) ? parent.node[el.name] : undefined;
    if (el.trie?.array) {
      if (Array.isArray(siblings)) siblings.push(value);
      else setChild(parent.node, el.name, [value]);
    } else if (siblings === undefined) setChild(parent.node, el.name, value);
    else if (Array.isArray(siblings)) siblings.push(value);
    else setChild(parent.node, el.name, [siblings, value]);
  }
}

/** `node[key] = value`, where an element named "__proto__" is only data, not the node's prototype. */
function setChild(node: XmlNode, key: string, value: unknown) {
  if (key === "__proto__") Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else node[key] = value;
}

/** "arxiv:comment" -> "comment". */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const DOCTYPE = /<!DOCTYPE/gi;

/**
 * Whether a `<!DOCTYPE` is followed by `[` before any `>`, as `/<!DOCTYPE[^>[]*\[/i` tests,
 * in one pass: the regex scanned from every `<!DOCTYPE` to the next `>` or `[`, so text of
 * nothing but "<!DOCTYPE " was quadratic. A later `<!DOCTYPE` before the `>` or `[` that
 * ended a scan would stop at the same character, so the search resumes after it.
 */
export function hasInternalSubset(text: string): boolean {
  DOCTYPE.lastIndex = 0;
  for (let m = DOCTYPE.exec(text); m; m = DOCTYPE.exec(text)) {
    let i = DOCTYPE.lastIndex;
    while (i < text.length && text[i] !== ">" && text[i] !== "[") i++;
    if (text[i] === "[") return true;
    if (i >= text.length) return false;
    DOCTYPE.lastIndex = i + 1;
  }
  return false;
}

export function isNode(v: unknown): v is XmlNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text content of an element (string, or `#text` of an element with attributes). */
export function textOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (isNode(v) && typeof v["#text"] === "string") return v["#text"];
  return undefined;
}

export function nodes(v: unknown): XmlNode[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isNode);
}

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === "string" ? v : undefined;
}
