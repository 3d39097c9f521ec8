// Dates, times and numbers as people in Belgium read them: nl-BE / fr-BE / en formats, always
// in Europe/Brussels time whatever the phone's zone. Intl formats; calendar-day arithmetic is
// done on UTC dates (no time zone, no DST), so this first-load module needs no date library.

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

/** A calendar date, e.g. "23/11/2026" (nl-BE), "23/11/2026" (fr-BE), "23/11/2026" (en). */
export function formatDate(lang: Lang, d: Date | string): string {
  return dtf(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(asDate(d));
}

/** A time of day, 24-hour, e.g. "10:02". */
export function formatTime(lang: Lang, d: Date | string): string {
  return dtf(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(asDate(d));
}

/** A time of day with seconds, e.g. "10:02:07" (feedback that something just happened). */
export function formatClock(lang: Lang, d: Date | string): string {
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
