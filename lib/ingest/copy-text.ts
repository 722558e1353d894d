/**
 * Values in PostgreSQL's COPY text format: one row per line, tab-separated, `\N` for
 * NULL. Strings lose NUL characters (Postgres text cannot hold them; feeds are
 * untrusted, so they are dropped rather than failing the run).
 */

const SPECIAL = /[\\\t\n\r\u0000]/;
const SPECIAL_ALL = /[\\\t\n\r\u0000]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\u0000": "" };

const NULL = "\\N";

export function copyText(s: string | null | undefined): string {
  if (s === null || s === undefined) return NULL;
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : s;
}

export function copyInt(n: number | null | undefined): string {
  return n === null || n === undefined ? NULL : String(n);
}

export function copyDate(d: Date | null | undefined): string {
  return d ? d.toISOString() : NULL;
}

const ARRAY_SPECIAL = /["\\]/g;

/** A text[] (or date[], timestamptz[]) literal; null elements stay NULL. */
export function copyArray(items: readonly (string | null | undefined)[] | null | undefined): string {
  if (!items) return NULL;
  let out = "{";
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i) out += ",";
    out += item === null || item === undefined ? "NULL" : `"${item.replace(ARRAY_SPECIAL, "\\$&")}"`;
  }
  return copyText(`${out}}`);
}
