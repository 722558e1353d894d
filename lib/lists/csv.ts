/**
 * CSV as RFC 4180 has it: CRLF between records, fields quoted when they hold a comma, a quote,
 * CR or LF, quotes doubled inside quotes. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or CR that some strip first) get a leading apostrophe, as
 * OWASP advises for CSV injection: a paper title is text from a feed, not a command.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, header first, every record ending in CRLF. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

export interface CsvRecord {
  /** 1-based line where the record starts (quoted fields may span lines). */
  line: number;
  fields: string[];
}

/** Reads RFC 4180 CSV (also with bare LF line ends); a leading byte-order mark is ignored. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && src[i + 1] !== "\n")) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (field !== "" || fields.length) endRecord();
  return records;
}
