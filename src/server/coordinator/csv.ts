// The CSV writer of the exports: UTF-8 with a byte-order mark and `;` between fields, so that a
// Belgian Excel (whose list separator is `;`) opens the file with accents and columns intact.
//
// Two guards against a spreadsheet running a cell as a formula (OWASP "CSV injection"):
// - A field is quoted (RFC 4180) when it holds `;`, `,`, a tab, a quote or a line break. A
//   spreadsheet whose list separator is `,` or a tab then still reads one field, so `1030,=2+2`
//   cannot split into a second cell that starts with `=`. Quoting costs nothing visible.
// - A field that itself starts like a formula (`=`, `+`, `-`, `@`, a tab or a line break) gets a
//   leading apostrophe. Quotes do not stop Excel or LibreOffice from running `"=1+1"`, so this
//   is the one guard that shows; it is added only where a formula would otherwise run: never to
//   a number (`-5`, `+3,5` are read as numbers, harmless), never inside a field, and never by
//   the readable export to values it writes itself (dates, times, numbers, words, names of
//   choices). It remains only on text a person typed that starts like a formula. The XLSX
//   export needs none: its text cells are text, never formulas.

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
const NEEDS_QUOTES = /[;,"\t\r\n]/;
/** What Excel and LibreOffice start a formula with. */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/** A number a spreadsheet reads as a number, not a formula ("-5", "+3,5", "-2.25"). */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Text that a spreadsheet would run as a formula, with a leading apostrophe; the rest as is. */
export function inert(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Renders one raw value as CSV text: null/undefined empty, arrays of text joined, objects as
 * JSON, text that would start a formula made inert.
 */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return inert(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return inert(value.join(', '));
  return inert(JSON.stringify(value));
}

/** Quotes a field when it holds `;`, `,`, a tab, `"` or a line break (inner quotes doubled). */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One raw value as a CSV field: rendered, made inert, quoted when needed. */
export function csvField(value: unknown): string {
  return quoteField(csvValue(value));
}

/** One CSV line (without its CRLF) of fields already rendered as text. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(quoteField).join(CSV_SEPARATOR);
}

/** A whole CSV document of rendered text: BOM, header row, rows, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return CSV_BOM + lines.map((l) => `${l}\r\n`).join('');
}

/** A whole CSV document of raw values (the `raw` export): each value rendered by csvValue. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const rendered = function* () {
    for (const row of rows) yield row.map(csvValue);
  };
  return csvDocument(header.map(inert), rendered());
}
