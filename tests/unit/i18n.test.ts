// The catalogues: every key in every language, no empty text, the same placeholders in each,
// a label for every enum value of src/shared/records.ts and the topic catalogue, a text for
// every error code the UI shows, and Brussels-time formats.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { nl } from '../../src/shared/i18n/nl';
import { fr } from '../../src/shared/i18n/fr';
import { ENUM_LABELS } from '../../src/shared/i18n/enums';
import * as records from '../../src/shared/records';
import {
  addDaysToDay,
  brusselsDay,
  dayToIso,
  errorText,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  label,
  preferredLanguage,
  setLanguage,
  t,
  tn,
} from '../../src/shared/i18n';

const catalogues: Record<string, Record<string, string>> = { en, nl, fr };
/** Arrays of records.ts that are not value sets shown to people (field names, a table subset). */
const NOT_ENUMS = ['SERVER_FIELD_NAMES', 'REFERENCE_TABLES', 'FICHE_IMAGE_TYPES', 'SESSION_COUNTERS'];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Error codes the UI can show: server codes (src/server/README.md), sync engine and local store codes. */
const UI_ERROR_CODES = [
  'unknown',
  'network',
  'load_failed',
  'invalid_credentials',
  'invalid_enrolment_code',
  'too_many_attempts',
  'rate_limited',
  'unauthorized',
  'no_session',
  'forbidden',
  'wrong_device',
  'update_required',
  'unsupported_schema_version',
  'validation_failed',
  'invalid_record',
  'forbidden_table',
  'forbidden_record',
  'unknown_equipment',
  'asset_tag_taken',
  'storage_full',
  'loan_blocked',
  'not_found',
  'internal_error',
  'payload_too_large',
  'account_disabled',
  'weak_password',
  'invalid_reset_code',
  'token_expired',
];

describe('i18n catalogues', () => {
  for (const [lang, cat] of Object.entries(catalogues)) {
    it(`${lang} has exactly the English keys, none empty, same placeholders`, () => {
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(cat)) {
        expect(text.trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(text), `${lang}:${key}`).toEqual(
          placeholders((en as Record<string, string>)[key] ?? ''),
        );
      }
    });

    it(`${lang} labels every enum value and every error code`, () => {
      for (const [prefix, values] of Object.entries(ENUM_LABELS))
        for (const v of values) expect(cat[`${prefix}.${v}`], `${lang}: ${prefix}.${v}`).toBeTruthy();
      for (const code of UI_ERROR_CODES) expect(cat[`error.${code}`], `${lang}: error.${code}`).toBeTruthy();
    });
  }

  it('covers every exported enum array of records.ts', () => {
    const covered = new Set<readonly string[]>(Object.values(ENUM_LABELS));
    const enums = Object.entries(records).filter(
      ([name, v]) =>
        /^[A-Z_]+$/.test(name) &&
        !NOT_ENUMS.includes(name) &&
        Array.isArray(v) &&
        v.every((x) => typeof x === 'string'),
    );
    expect(enums.length).toBeGreaterThan(10);
    for (const [name, values] of enums) expect(covered.has(values as readonly string[]), name).toBe(true);
  });

  it('translates with parameters and falls back for unknown codes', async () => {
    await setLanguage('nl');
    expect(t('sync.waiting', { n: 3 })).toBe('Wacht op verzenden (3)');
    expect(label('outcome', 'solved')).toBe('Opgelost');
    expect(errorText('invalid_credentials')).toBe(nl['error.invalid_credentials']);
    expect(errorText('http_502')).toBe(nl['error.unknown']);
    await setLanguage('fr');
    expect(t('sync.waiting', { n: 2 })).toBe('En attente d’envoi (2)');
    await setLanguage('en');
    expect(t('sync.waiting', { n: 1 })).toBe('Waiting to send (1)');
  });

  it('gives every count its plural forms, in every language', () => {
    const bases = Object.keys(en)
      .filter((k) => k.endsWith('_other'))
      .map((k) => k.slice(0, -'_other'.length));
    expect(bases.length).toBeGreaterThan(4);
    for (const [lang, cat] of Object.entries(catalogues)) {
      const rules = new Intl.PluralRules(lang);
      for (const base of bases) {
        expect(cat[`${base}_one`], `${lang}: ${base}_one`).toBeTruthy();
        expect(cat[`${base}_other`], `${lang}: ${base}_other`).toBeTruthy();
        // Every form the language has for small and large counts is there or falls back to _other.
        for (const n of [0, 1, 2, 5, 21, 1_000_000]) {
          const form = rules.select(n);
          if (form !== 'one' && form !== 'other')
            expect(cat[`${base}_${form}`] ?? cat[`${base}_other`]).toBeTruthy();
        }
      }
    }
  });

  it('writes no count into a sentence without plural forms ("1 visitors")', () => {
    // `{n}` may stand in a plural message, in parentheses ("Waiting to send (3)") or after a
    // label's colon ("Help requests in this permanence: 3"); anywhere else it needs forms.
    for (const [lang, cat] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(cat)) {
        if (/_(zero|one|two|few|many|other)$/.test(key)) continue;
        const bare = text.replace(/\(\{n\}\)/g, '').replace(/: \{n\}$/, '');
        expect(bare, `${lang}:${key}`).not.toMatch(/\{n\}/);
      }
    }
  });

  it('picks the plural form by the language’s rules', async () => {
    await setLanguage('en');
    expect(tn('recent.visitors', 1)).toBe('1 visitor');
    expect(tn('recent.visitors', 0)).toBe('0 visitors');
    expect(tn('recent.visitors', 1234)).toBe('1,234 visitors');
    await setLanguage('nl');
    expect(tn('recent.visitors', 1)).toBe('1 bezoeker');
    expect(tn('recent.visitors', 0)).toBe('0 bezoekers');
    await setLanguage('fr');
    expect(tn('recent.visitors', 1)).toBe('1 visiteur');
    expect(tn('recent.visitors', 0)).toBe('0 visiteur'); // French: 0 takes the singular
    expect(tn('recent.visitors', 2)).toBe('2 visiteurs');
    expect(tn('settings.exported', 1)).toBe('1 encodage exporté.');
    await setLanguage('en');
  });

  it('picks the language from navigator.language', () => {
    expect(preferredLanguage(['fr-BE', 'nl'])).toBe('fr');
    expect(preferredLanguage(['nl-BE'])).toBe('nl');
    expect(preferredLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(preferredLanguage(['de-DE'])).toBe('en');
  });
});

describe('formats', () => {
  it('shows Brussels time in nl-BE, fr-BE and en formats', () => {
    // 23:30 UTC on 31 Dec is already 1 January in Brussels (UTC+1 in winter).
    const instant = '2026-12-31T23:30:00.000Z';
    expect(brusselsDay(instant)).toBe('2027-01-01');
    expect(formatDateTime('nl', instant)).toBe('01/01/2027 00:30');
    expect(formatDate('fr', instant)).toBe('01/01/2027');
    // Summer time: UTC+2.
    expect(formatDateTime('en', '2026-07-01T08:05:00.000Z')).toBe('01/07/2026 10:05');
  });

  it('puts an instant near midnight UTC on the Brussels day, in winter and in summer', () => {
    // Winter (UTC+1): 23:10 UTC is 00:10 the next day; 22:50 UTC is still the same day.
    expect(brusselsDay('2026-01-15T23:10:00.000Z')).toBe('2026-01-16');
    expect(brusselsDay('2026-01-15T22:50:00.000Z')).toBe('2026-01-15');
    expect(formatDateTime('fr', '2026-01-15T23:10:00.000Z')).toBe('16/01/2026 00:10');
    // Summer (UTC+2): 22:10 UTC is already the next day, 21:50 UTC is not.
    expect(brusselsDay('2026-07-31T22:10:00.000Z')).toBe('2026-08-01');
    expect(brusselsDay('2026-07-31T21:50:00.000Z')).toBe('2026-07-31');
    expect(formatDateTime('nl', '2026-07-31T22:10:00.000Z')).toBe('01/08/2026 00:10');
    expect(formatTime('en', '2026-07-31T21:50:00.000Z')).toBe('23:50');
    // The night the clocks go forward (29 March 2026, 02:00 -> 03:00).
    expect(formatTime('nl', '2026-03-29T00:59:00.000Z')).toBe('01:59');
    expect(formatTime('nl', '2026-03-29T01:00:00.000Z')).toBe('03:00');
    // A due date picked as a calendar day stays that day in Brussels.
    expect(brusselsDay(dayToIso(addDaysToDay('2026-10-24', 1)))).toBe('2026-10-25');
  });

  it('formats numbers with the language’s decimal mark', () => {
    expect(formatNumber('nl', 1234.5)).toMatch(/^1\.234,5$/);
    expect(formatNumber('fr', 1234.5).replace(/\s/g, ' ')).toMatch(/^1 234,5$/);
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
  });
});
