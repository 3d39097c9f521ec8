// Dates, times and numbers as people in Belgium read them: nl-BE / fr-BE / en formats, always
// in Europe/Brussels time whatever the phone's zone. Calendar-day arithmetic is done on UTC
// dates (no time zone, no DST), so this first-load module needs no date library.
//
// The formats Home and the sync bar use (the Brussels day, "10:02", "23/11/2026", small whole
// numbers) are computed without Intl: the first Intl object a page makes loads ICU's locale
// and time-zone data, one task of 120-180 ms at 4x CPU throttling, which was half of Home's
// total blocking time (`npm run bench`, offline-start). They give exactly what Intl gives for
// nl-BE, fr-BE and en-GB: tests/unit/format-fast.test.ts compares them with Intl for every
// hour from 1996 to 2060, across both daylight-saving switches of each year, and for every
// count up to 100,000. Brussels' offset follows the EU summer-time rule (Directive
// 2000/84/EC, the same since 1996): UTC+2 from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC, else UTC+1. Instants before 1996 go through Intl. Should the EU
// change the rule, that test fails on the next Node with the new time-zone data.

export const TIME_ZONE = 'Europe/Brussels';
export type Lang = 'nl' | 'fr' | 'en';

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function dtf(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...opts, timeZone: TIME_ZONE });
    cache.set(key, f);
  }
  return f;
}

const asDate = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** From this instant on (1996-01-01) the EU summer-time rule below gives Brussels' offset. */
const EU_RULE_FROM = Date.UTC(1996, 0, 1);
/** Up to this instant (2100-01-01) too: beyond, ISO years and Date's range need no fast path. */
const EU_RULE_UNTIL = Date.UTC(2100, 0, 1);

/** The last Sunday of `month` (0-based) in `year`, at 01:00 UTC, as epoch milliseconds. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

/**
 * The instant `d` shifted by Brussels' offset from UTC, so that its UTC fields read as
 * Brussels wall-clock time; undefined outside 1996-2099 (callers then use Intl).
 */
function brusselsWallClock(d: Date): Date | undefined {
  const ms = d.getTime();
  if (!(ms >= EU_RULE_FROM && ms < EU_RULE_UNTIL)) return undefined; // NaN too
  const year = d.getUTCFullYear();
  const summer = ms >= lastSundayAt1Utc(year, 2) && ms < lastSundayAt1Utc(year, 9);
  return new Date(ms + (summer ? 2 : 1) * HOUR_MS);
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A calendar date, e.g. "23/11/2026" (nl-BE), "23/11/2026" (fr-BE), "23/11/2026" (en). */
export function formatDate(lang: Lang, d: Date | string): string {
  const w = brusselsWallClock(asDate(d));
  if (w) return `${two(w.getUTCDate())}/${two(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
  return dtf(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(asDate(d));
}

/** A time of day, 24-hour, e.g. "10:02". */
export function formatTime(lang: Lang, d: Date | string): string {
  const w = brusselsWallClock(asDate(d));
  if (w) return `${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
  return dtf(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(asDate(d));
}

/** A time of day with seconds, e.g. "10:02:07" (feedback that something just happened). */
export function formatClock(lang: Lang, d: Date | string): string {
  const w = brusselsWallClock(asDate(d));
  if (w) return `${two(w.getUTCHours())}:${two(w.getUTCMinutes())}:${two(w.getUTCSeconds())}`;
  return dtf(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(
    asDate(d),
  );
}

/** A short date and time, e.g. "23/11/2026 10:02". */
export function formatDateTime(lang: Lang, d: Date | string): string {
  return `${formatDate(lang, d)} ${formatTime(lang, d)}`;
}

/** A number with the language's grouping and decimal marks. */
export function formatNumber(lang: Lang, n: number, opts?: Intl.NumberFormatOptions): string {
  // Whole numbers from 0 to 999 read the same in all three formats (no grouping, no decimals).
  if (!opts && Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  return new Intl.NumberFormat(LOCALES[lang], opts).format(n);
}

/** A byte count as "12.3 MB" in the language's number format. */
export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${formatNumber(lang, v, { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}

/** The calendar day of an instant in Brussels, as "YYYY-MM-DD". */
export function brusselsDay(d: Date | string = new Date()): string {
  const w = brusselsWallClock(asDate(d));
  if (w) return w.toISOString().slice(0, 10);
  const parts = dtf('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(asDate(d));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A Brussels calendar day `days` after `day` ("YYYY-MM-DD"). */
export function addDaysToDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** A calendar day ("YYYY-MM-DD") as an instant at midday that day (same day in Brussels). */
export function dayToIso(day: string): string {
  return `${day}T12:00:00.000Z`;
}
