// The coordinator catalogue lookup: the lazy review chunk carries its own strings (nl, fr, en),
// so volunteers' phones never download them, and follows the app's current language.
import { getLanguage, type Lang } from '../../shared/i18n';
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

/** A count of a report breakdown: null means "fewer than 5". */
export function count(n: number | null | undefined): string {
  return n === null ? ct('common.fewer5') : String(n ?? 0);
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
