// Sortable tables: `useSort` holds the column and direction, `SortHeader` is the column's
// header (a button; `aria-sort` on the th tells assistive technology the order) and `sortRows`
// orders rows by what the cell shows (numbers as numbers, words in the coordinator's language).
import { useState } from 'preact/hooks';
import { getLanguage } from '../../../shared/i18n';

export type SortDir = 'ascending' | 'descending';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}

/** The sort state of a table; `toggle(key)` sorts by `key`, or flips the order if it already does. */
export function useSort<K extends string>(initial: Sort<K>) {
  const [sort, setSort] = useState(initial);
  const toggle = (key: K) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: 'ascending' },
    );
  return { sort, toggle, setSort };
}

interface HeaderProps<K extends string> {
  column: K;
  label: string;
  sort: Sort<K>;
  onSort: (key: K) => void;
  /** Extra class of the th (e.g. `num` for a numeric column). */
  class?: string;
}

/** A column header that sorts the table when pressed. */
export function SortHeader<K extends string>({ column, label, sort, onSort, class: cls }: HeaderProps<K>) {
  const active = sort.key === column;
  return (
    <th scope="col" class={cls} aria-sort={active ? sort.dir : undefined}>
      <button type="button" class="ws-sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );
}

type Sortable = string | number | boolean | null | undefined;

/** A copy of `rows` ordered by `valueOf(row, key)`; empty values last in either direction. */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: Sort<K>,
  valueOf: (row: T, key: K) => Sortable,
): T[] {
  const collator = new Intl.Collator(getLanguage(), { numeric: true, sensitivity: 'base' });
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const empty = (v: Sortable) => v === null || v === undefined || v === '';
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (empty(x) || empty(y)) return empty(x) === empty(y) ? 0 : empty(x) ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}
