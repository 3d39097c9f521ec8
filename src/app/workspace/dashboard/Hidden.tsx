// How a hidden figure reads, the same on every report screen (key figures, charts' tables, the
// table per place, the funder report), with the page's one footnote that says what it means.
// A figure the report gives as null (hidden: fewer than 5 people, or one that would let such a
// group be worked out) reads "hidden"; a cell a breakdown leaves out (none, or hidden: the report
// does not say which, so it never names the group of one person) reads "–".
import type { Lang } from '../../../shared/i18n';
import { formatNumber } from '../../../shared/i18n/format';
import { ct } from '../i18n';

/** A figure of a report: "hidden" for null, else the number in the language's format. */
export function shown(lang: Lang, n: number | null): string {
  return n === null ? ct('common.hidden') : formatNumber(lang, n);
}

/** A cell of a breakdown's table: "–" when the report gives none (none, or hidden). */
export function shownNumber(lang: Lang, n: number | null): string {
  return n === null ? '–' : formatNumber(lang, n);
}

/** The page's one footnote about hidden figures. */
export function HiddenNote() {
  return <p class="ws-footnote">{ct('dashboard.hidden')}</p>;
}
