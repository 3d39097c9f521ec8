// Malformed input the fuzz test puts in every string and date parameter: strings that are not
// well-formed Unicode (lone surrogates and their kin), dates that look right but are not on the
// calendar, and the percent-encodings of both that a URL can carry. Also the check that nothing
// malformed was stored (a lone surrogate kept in a JSON column breaks PostgreSQL's jsonb later).
import { sql } from 'kysely';
import type { Db } from '../../src/server/db';

/** UTF-16 that is not well-formed: lone high/low surrogates, reversed or doubled halves. */
export const MALFORMED_UNICODE = [
  '\ud800',
  '\udfff',
  'note \ud83d',
  '\ude00 after',
  '\udfff\ud800',
  'a\ud800\ud800b',
  'x\udbffy',
  '\udc00\udc00',
];

/** Calendar days and instants that match the usual patterns but name no real moment. */
export const IMPOSSIBLE_DATES = [
  '2026-13-45',
  '0000-00-00',
  '2026-02-30',
  '2026-02-29',
  '2025-04-31',
  '2026-00-10',
  '2026-12-32',
  '9999-99-99',
  '2026-13-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01T10:61:00Z',
  '2026-01-01T23:59:60Z',
  '0000-00-00T00:00:00Z',
  '2026-06-31T00:00:00+01:00',
  '2026-01-01T00:00:00+25:00',
];

/** Percent-encoded byte sequences that do not decode as UTF-8 (in a query or a path). */
export const MALFORMED_PERCENT = ['%ED%A0%80', '%ED%BF%BF', '%C0%AF', '%FF', '%E2%82', '%F4%90%80%80', '%C3'];

/** Looks like a calendar day or an instant: such a parameter also gets impossible dates. */
export const looksLikeDate = (s: string) => /^\d{4}-\d{2}-\d{2}/.test(s);

/**
 * Percent-encodes `s` for a URL, a lone surrogate as its WTF-8 bytes (`%ED%A0%80`) instead of the
 * U+FFFD that encodeURIComponent and URLSearchParams would turn it into, so it reaches the server.
 */
export function encodeWtf8(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

/** Whether `s` is well-formed UTF-16 (no lone surrogate). */
export function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const next = s.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The path of every string in `value` (object keys are not leaves), depth first. */
export function stringLeaves(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

/** A copy of `value` with the leaf at `path` replaced by `leaf`. */
export function replaceAt(value: Json, path: Array<string | number>, leaf: Json): Json {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, leaf) : v));
  const obj = value as { [k: string]: Json };
  return { ...obj, [head!]: replaceAt(obj[head!]!, rest, leaf) };
}

/** The malformed values a string leaf gets in the sweep: its text broken, and dates if it is one. */
export function malformedVariants(original: string): string[] {
  const broken = MALFORMED_UNICODE.slice(0, 4).map((bad, i) =>
    i % 2 === 0 ? `${original}${bad}` : `${bad}${original}`,
  );
  return looksLikeDate(original) ? [...broken, ...IMPOSSIBLE_DATES] : [...broken, MALFORMED_UNICODE[5]!];
}

/** Every string in a stored value, parsed out of JSON text where the column holds JSON. */
function* storedStrings(value: unknown): Generator<string> {
  if (typeof value !== 'string') return;
  yield value;
  if (!/^[[{"]/.test(value)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return;
  }
  const stack = [parsed];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') yield v;
    else if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        yield k;
        stack.push(item);
      }
    }
  }
}

/** `table.column: value` of each stored string that is not well-formed Unicode. */
export async function findMalformedStored(db: Db, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    if (t.startsWith('kysely_')) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db);
    for (const row of rows.rows) {
      for (const [col, v] of Object.entries(row)) {
        for (const s of storedStrings(v)) if (!wellFormed(s)) found.push(`${t}.${col}: ${JSON.stringify(s)}`);
      }
    }
  }
  return found;
}
