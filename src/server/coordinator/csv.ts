// The CSV writer of the exports: UTF-8 with a byte-order mark and `;` between fields, so that a
// Belgian Excel (whose list separator is `;`) opens the file with accents and columns intact.
// Fields are quoted as RFC 4180 says when they hold the separator, a quote or a line break, and
// text that a spreadsheet would run as a formula is prefixed with an apostrophe.

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
const NEEDS_QUOTES = /[;"\r\n]/;
/** What Excel and LibreOffice start a formula with (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+32 470...`, `@SUM(...)`) gets
 * a leading apostrophe, so a note typed on a phone cannot run on the coordinator's computer.
 */
function inert(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Renders one value as CSV text: null/undefined empty, arrays of text joined, objects as JSON,
 * text that would start a formula made inert.
 */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return inert(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return inert(value.join(', '));
  return JSON.stringify(value);
}

/** Quotes a field when it holds `;`, `"` or a line break (inner quotes doubled). */
export function csvField(value: unknown): string {
  const text = csvValue(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (without its CRLF). */
export function csvLine(fields: readonly unknown[]): string {
  return fields.map(csvField).join(CSV_SEPARATOR);
}

/** A whole CSV document: BOM, header row, rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return CSV_BOM + lines.map((l) => `${l}\r\n`).join('');
}
