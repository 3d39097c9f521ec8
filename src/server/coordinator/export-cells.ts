// The cells of a readable export and the words they are written in. A cell is text, a number,
// a Brussels calendar day or a Brussels time of day; the CSV writer renders days as
// `2026-11-23` and times as `10:02` (both read as a real date and time by Excel and LibreOffice
// in any locale), the XLSX writer as date and time cells.
import { en as coordEn, type CoordKey } from '../../shared/i18n/coordinator/en';
import { fr as coordFr } from '../../shared/i18n/coordinator/fr';
import { nl as coordNl } from '../../shared/i18n/coordinator/nl';
import { en } from '../../shared/i18n/en';
import type { EnumPrefix } from '../../shared/i18n/enums';
import { formatDate, formatTime, type Lang } from '../../shared/i18n/format';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';
import { brusselsDay } from '../../shared/report';
import { inert } from './csv';

export interface DayCell {
  day: string;
}
export interface TimeCell {
  time: string;
}
export type Cell = string | number | null | DayCell | TimeCell;

const APP = { nl, fr, en } as const;
const COORD = { nl: coordNl, fr: coordFr, en: coordEn } as const;

/** Words of one language for an export: column headers, choices, yes and no. */
export interface Words {
  lang: Lang;
  col(key: CoordKey): string;
  /** The label of a choice (`outcome`, `solved` -> "Opgelost"); an unknown value as it is. */
  choice(prefix: EnumPrefix, value: unknown): string | null;
  yesNo(value: unknown): string | null;
  /** A date as people read it, inside a text cell ("23/11/2026"). */
  date(instant: string): string;
}

/** The export words of `lang`. */
export function wordsOf(lang: Lang): Words {
  const app = APP[lang] as Record<string, string>;
  return {
    lang,
    col: (key) => COORD[lang][key],
    choice: (prefix, value) => {
      if (typeof value !== 'string' || value === '') return null;
      return app[`${prefix}.${value}`] ?? value;
    },
    yesNo: (value) => (value === true ? app['common.yes']! : value === false ? app['common.no']! : null),
    date: (instant) => formatDate(lang, instant),
  };
}

/** Whether a value is an instant the export can place in Brussels time. */
function instantOf(v: unknown): string | null {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** The Brussels calendar day of an instant, as a date cell. */
export function dayCell(v: unknown): DayCell | null {
  const at = instantOf(v);
  return at ? { day: brusselsDay(at) } : null;
}

/** The Brussels time of day of an instant (24 h), as a time cell. */
export function timeCell(v: unknown): TimeCell | null {
  const at = instantOf(v);
  return at ? { time: formatTime('nl', at) } : null;
}

/** Text, or null when empty. */
export function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** A number, or null. */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A list flattened to readable text ("itsme, E-mail"), or null when empty. */
export function list(values: readonly (string | null | undefined)[]): string | null {
  const kept = values.filter((v): v is string => typeof v === 'string' && v !== '');
  return kept.length > 0 ? kept.join(', ') : null;
}

/** A cell as CSV text in `lang`: days ISO, times HH:MM, decimals with the language's mark. */
export function cellText(cell: Cell, lang: Lang): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return lang === 'en' ? String(cell) : String(cell).replace('.', ',');
  if (typeof cell === 'string') return inert(cell);
  return 'day' in cell ? cell.day : cell.time;
}
