// The coordinator catalogue lookup: the lazy review chunk carries its own strings (nl, fr, en),
// so volunteers' phones never download them, and follows the app's current language.
import { formatNumber, getLanguage, type Lang } from '../../shared/i18n';
import { en, type CoordKey, type CoordMessages } from '../../shared/i18n/coordinator/en';
import { fr } from '../../shared/i18n/coordinator/fr';
import { nl } from '../../shared/i18n/coordinator/nl';

const catalogues: Record<Lang, CoordMessages> = { en, nl, fr };

/** The coordinator message `key` in the current language, `{name}` placeholders filled. */
export function ct(key: CoordKey, params?: Record<string, string | number>): string {
  const text = catalogues[getLanguage()][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The keys that come as count forms `<base>_one` / `<base>_other`, by base (as tn() in src/shared/i18n). */
type PluralBase = CoordKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/** The count form of `base` for `n` (Intl.PluralRules; `_other` when the form is missing), `{n}` formatted. */
export function ctn(base: PluralBase, n: number, params?: Record<string, string | number>): string {
  const lang = getLanguage();
  const form = `${base}_${new Intl.PluralRules(lang).select(n)}`;
  const key = (form in catalogues[lang] ? form : `${base}_other`) as CoordKey;
  return ct(key, { ...params, n: formatNumber(lang, n) });
}

/** A date or instant shown in the coordinator's language, Brussels time. */
export function when(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(`${getLanguage()}-BE`, {
    timeZone: 'Europe/Brussels',
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
  }).format(d);
}
