// Pure report rules shared by the server (which aggregates) and the coordinator UI (which shows
// the figures): Brussels calendar days and ISO weeks, and the hiding rule for counts of people.
//
// The hiding rule (the same for key figures, charts, tables and the funder report):
// 1. A count of people from 1 to 4 is hidden: never shown as a number, anywhere. 0 is shown.
// 2. Complementary suppression: no breakdown (and no row or column of a two-way table) has
//    exactly one hidden group, because its total and the shown groups would give it away; the
//    smallest shown group is hidden with it. A group whose total is hidden shows no details.
// 3. Hidden groups are left out of breakdowns (their keys are not listed, so a one-day report
//    does not say which group the one person was in); a single hidden figure is `null`.
// 4. A figure computed from counts of people (a share, a rate, a sum) is shown only when every
//    count it is made of is shown.
// Counts of equipment, sessions and hours are not counts of people and are never hidden.
import { z } from './zod';

/** Counts of people below this size are hidden. */
export const MIN_GROUP_SIZE = 5;
/** The time zone reports are computed in. */
export const REPORT_TIME_ZONE = 'Europe/Brussels';

/** A calendar day, `YYYY-MM-DD`. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real date',
  );

/** `?from&to` of the report routes: Brussels calendar days, both included. */
export const reportQuery = z
  .strictObject({ from: isoDay, to: isoDay })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuery>;

/** A breakdown of people as shown: group key -> count; hidden groups are not listed. */
export type Breakdown = Record<string, number>;
/** A count of people as shown: null when hidden. */
export type Shown = number | null;

/** Whether a count of people is too small to show (1 to 4). */
export function isSmall(n: number): boolean {
  return n >= 1 && n < MIN_GROUP_SIZE;
}

/** A count of people as shown: 1 to 4 become null, 0 and 5+ stay. */
export function hideSmall(n: number): Shown {
  return isSmall(n) ? null : n;
}

/** The key of the smallest non-zero count not in `hidden` (ties: the first key in sort order). */
function smallestShown(counts: Record<string, number>, keys: readonly string[], hidden: Set<string>) {
  let best: string | undefined;
  for (const k of keys) {
    const n = counts[k] ?? 0;
    if (n === 0 || hidden.has(k)) continue;
    if (best === undefined || n < (counts[best] ?? 0) || (n === counts[best] && k < best)) best = k;
  }
  return best;
}

/** Hides the smallest shown cell of a line when exactly one of its non-zero cells is hidden. */
function complete(line: Record<string, number>, hidden: Set<string>): boolean {
  const keys = Object.keys(line).filter((k) => (line[k] ?? 0) !== 0);
  if (keys.filter((k) => hidden.has(k)).length !== 1) return false;
  const extra = smallestShown(line, keys, hidden);
  if (extra === undefined) return false;
  hidden.add(extra);
  return true;
}

/** The keys of a breakdown to hide: small counts, then one more if only one was hidden. */
export function hiddenGroups(counts: Record<string, number>, allHidden = false): Set<string> {
  const keys = Object.keys(counts).filter((k) => (counts[k] ?? 0) !== 0);
  const hidden = new Set(keys.filter((k) => allHidden || isSmall(counts[k] ?? 0)));
  complete(counts, hidden);
  return hidden;
}

/**
 * A breakdown of people as shown: non-zero groups that are neither small nor needed to protect
 * a small one. `allHidden` when the breakdown's own total is hidden (then nothing is shown).
 */
export function hideGroups(counts: Record<string, number>, allHidden = false): Breakdown {
  const hidden = hiddenGroups(counts, allHidden);
  const out: Breakdown = {};
  for (const [k, n] of Object.entries(counts)) if (n !== 0 && !hidden.has(k)) out[k] = n;
  return out;
}

/**
 * One figure per listed row (places in a table whose rows are shown for other reasons): the same
 * rule, but a hidden figure stays as null so the row can say "hidden"; zeros are shown.
 */
export function hideColumn(counts: Record<string, number>, allHidden = false): Record<string, Shown> {
  const hidden = hiddenGroups(counts, allHidden);
  const out: Record<string, Shown> = {};
  for (const [k, n] of Object.entries(counts)) out[k] = hidden.has(k) ? null : n;
  return out;
}

/**
 * A two-way table of people (row -> column -> count) as shown: small cells hidden, every cell of
 * a row or column whose total is hidden elsewhere hidden, then complementary suppression along
 * rows and columns until no row and no column has exactly one hidden cell. Rows left with
 * nothing shown are left out.
 */
export function hideTable(
  table: Record<string, Record<string, number>>,
  hide: { rows?: ReadonlySet<string>; columns?: ReadonlySet<string> } = {},
): Record<string, Breakdown> {
  const hidden = new Map<string, Set<string>>();
  const columns = new Map<string, Record<string, number>>();
  for (const [row, cells] of Object.entries(table)) {
    const set = new Set<string>();
    for (const [col, n] of Object.entries(cells)) {
      if (n === 0) continue;
      (columns.get(col) ?? columns.set(col, {}).get(col)!)[row] = n;
      if (isSmall(n) || hide.rows?.has(row) || hide.columns?.has(col)) set.add(col);
    }
    hidden.set(row, set);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [row, cells] of Object.entries(table)) changed = complete(cells, hidden.get(row)!) || changed;
    for (const [col, cells] of columns) {
      const inColumn = new Set(Object.keys(cells).filter((row) => hidden.get(row)!.has(col)));
      if (!complete(cells, inColumn)) continue;
      for (const row of inColumn) hidden.get(row)!.add(col);
      changed = true;
    }
  }
  const out: Record<string, Breakdown> = {};
  for (const [row, cells] of Object.entries(table)) {
    const shown: Breakdown = {};
    for (const [col, n] of Object.entries(cells)) if (n !== 0 && !hidden.get(row)!.has(col)) shown[col] = n;
    if (Object.keys(shown).length > 0) out[row] = shown;
  }
  return out;
}

/**
 * `part / whole` rounded to a thousandth, when both counts of people are shown and whole > 0;
 * otherwise null (a share of hidden counts would give them away).
 */
export function shareOf(part: Shown | undefined, whole: Shown | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Brussels calendar day (`YYYY-MM-DD`) of an instant. */
export function brusselsDay(instant: string | Date): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The ISO-8601 week of a calendar day, as "2026-W47". */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The UTC instant at which a Brussels calendar day starts (handles summer time). */
export function brusselsDayStart(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  // Brussels is UTC+1 or UTC+2: try both offsets and keep the one that lands on local midnight.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(guess.getTime() - offsetHours * 3_600_000);
    if (brusselsDay(candidate) === day && brusselsDay(new Date(candidate.getTime() - 1)) !== day)
      return candidate;
  }
  return new Date(guess.getTime() - 3_600_000);
}

/** The next calendar day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
