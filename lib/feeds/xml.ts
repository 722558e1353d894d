/**
 * Text into XML, for feeds. Everything a feed carries (titles, abstracts, author names, list
 * names, search queries) comes from outside, so it is escaped here and never wrapped in CDATA:
 * a `]]>` in the text would end a CDATA section early and break the document.
 */

// Characters XML 1.0 cannot carry at all, not even as &#n; references: C0 controls other than
// tab, LF and CR, U+FFFE/U+FFFF, and UTF-16 halves without their partner (lone surrogates,
// which a UTF-8 encoder would turn into U+FFFD anyway). One of these makes a document not
// well-formed, and strict readers then drop the whole feed.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without characters XML cannot hold. Line ends become \n, which is what an XML parser
 * reports for any of \r\n, \r and \n anyway.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "").replace(/\r\n?/g, "\n");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Element content. `>` is escaped too, so a `]]>` in the text can never read as markup. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (c) => ESCAPES[c]);
}

/** A double-quoted attribute value; tabs and line ends as references, which attribute normalisation would otherwise turn into spaces. */
export function xmlAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n]/g, (c) => ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}

/** `<name attrs>text</name>`; the name and attribute names are ours, never from input. */
export function element(name: string, text: string, attrs: Record<string, string> = {}): string {
  return `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}

/** `<name attrs/>`. */
export function emptyElement(name: string, attrs: Record<string, string>): string {
  return `<${name}${attributes(attrs)}/>`;
}

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
    .join("");
}

/**
 * HTML that shows the text as it is, for RSS's <description>: readers render that element as
 * HTML, so plain text going in as-is would let `<img onerror>` in an abstract run as markup.
 */
export function htmlOfText(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => (c === "'" ? "&#39;" : ESCAPES[c]));
}
