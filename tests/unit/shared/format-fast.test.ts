// The Intl-free formats of src/shared/i18n/format.ts and pluralForm give exactly what Intl
// gives: Brussels day, time, clock and date for every hour from 1996 to 2060 and around every
// daylight-saving switch, small whole numbers, and plural categories for every count the
// phone shows. If the EU changes its summer-time rule, Node's new time-zone data makes this
// fail, and the fast path must follow.
import { describe, expect, it } from 'vitest';
import {
  brusselsDay,
  formatClock,
  formatDate,
  formatNumber,
  formatTime,
  pluralForm,
  type Lang,
} from '../../../src/shared/i18n';

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
const LANGS: Lang[] = ['nl', 'fr', 'en'];
const zone = { timeZone: 'Europe/Brussels' } as const;

const reference = new Intl.DateTimeFormat('en', {
  ...zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function intlParts(d: Date): string {
  const parts = reference.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

describe('Brussels time without Intl', () => {
  it('gives the day and the clock Intl gives, every hour (and a minute and second off) from 1996 to 2060', () => {
    const mismatches: string[] = [];
    const start = Date.UTC(1996, 0, 1);
    const end = Date.UTC(2061, 0, 1);
    for (let ms = start; ms < end && mismatches.length < 5; ms += 3_600_000) {
      const d = new Date(ms + 59_000 + 7 * 60_000); // hh:07:59 UTC: minutes and seconds too
      const expected = intlParts(d);
      const got = `${brusselsDay(d)} ${formatClock('en', d)}`;
      if (got !== expected) mismatches.push(`${d.toISOString()}: ${got} instead of ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('switches at the exact millisecond of each daylight-saving change', () => {
    const mismatches: string[] = [];
    for (let year = 1996; year <= 2060; year++) {
      for (const month of [2, 9]) {
        for (let day = 24; day <= 31; day++) {
          const at = Date.UTC(year, month, day, 1, 0, 0);
          for (const ms of [at - 1, at, at + 1]) {
            const d = new Date(ms);
            const expected = intlParts(d);
            const got = `${brusselsDay(d)} ${formatClock('en', d)}`;
            if (got !== expected) mismatches.push(`${d.toISOString()}: ${got} instead of ${expected}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('formats dates and times in each language as Intl does, before 1996 through Intl itself', () => {
    const instants = [
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-12-31T23:30:00.000Z',
      '2099-12-31T22:59:00.000Z',
      '1990-07-01T12:00:00.000Z',
      '2150-07-01T12:00:00.000Z',
    ];
    for (const lang of LANGS) {
      for (const iso of instants) {
        const d = new Date(iso);
        const intl = (o: Intl.DateTimeFormatOptions) =>
          new Intl.DateTimeFormat(LOCALES[lang], { ...o, ...zone }).format(d);
        expect(formatDate(lang, iso), `${lang} ${iso}`).toBe(
          intl({ day: '2-digit', month: '2-digit', year: 'numeric' }),
        );
        expect(formatTime(lang, d), `${lang} ${iso}`).toBe(
          intl({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
        );
        expect(formatClock(lang, d), `${lang} ${iso}`).toBe(
          intl({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
        );
      }
    }
  });

  it('refuses an invalid date as Intl does', () => {
    expect(() => brusselsDay('not a date')).toThrow(RangeError);
    expect(() => formatTime('nl', 'not a date')).toThrow(RangeError);
  });
});

describe('counts without Intl', () => {
  it('formats whole numbers as Intl does, with grouping from 1,000 on', () => {
    for (const lang of LANGS) {
      const intl = new Intl.NumberFormat(LOCALES[lang]);
      for (const n of [0, 1, 7, 42, 999, 1000, 12345, -0, -3, 2.5]) {
        expect(formatNumber(lang, n), `${lang} ${n}`).toBe(intl.format(n));
      }
    }
  });

  it('picks the plural category Intl.PluralRules picks for every count up to 100,000 and beyond', () => {
    for (const lang of LANGS) {
      const rules = new Intl.PluralRules(lang);
      const counts = [
        ...Array.from({ length: 100_001 }, (_, i) => i),
        999_999,
        1_000_000,
        2_000_000,
        1.5,
        -1,
      ];
      const wrong = counts.filter((n) => pluralForm(lang, n) !== rules.select(n));
      expect(wrong, lang).toEqual([]);
    }
  });
});
