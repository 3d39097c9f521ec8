// What the inbox shows, kept while the coordinator opens records from it: the filters, the
// server's sort and the records in that order as far as they were read (with the cursor of the
// next page). The record page walks this order with n / p (reading further pages when needed),
// and the inbox opens again on the same filters, order and row. One per browser tab, in memory.
import type { RecordSort } from '../../../shared/review';
import { call } from '../api';
import type { InboxFilter } from './Filters';

export type SortDir = 'asc' | 'desc';

export interface InboxView {
  /** Whose view it is: another account signed in on this tab starts from the defaults. */
  userId: string;
  filter: InboxFilter;
  sort: RecordSort;
  dir: SortDir;
  /** The record ids in list order, as far as the list was read. */
  ids: string[];
  /** The next page's cursor of this order, or null at the end. */
  cursor: string | null;
  /** The row the coordinator was on (the record last opened). */
  current?: string;
}

export const DEFAULT_FILTER: InboxFilter = {
  table: 'help_requests',
  from: '',
  to: '',
  reviewState: 'new',
  topic: '',
  createdBy: '',
  locationId: '',
  followUp: '',
};

let view: InboxView | undefined;

/** The inbox's last view of `userId` (undefined before the inbox was opened in this tab). */
export function inboxView(userId: string | undefined): InboxView | undefined {
  return view && view.userId === userId ? view : undefined;
}

/** Keeps what the inbox shows now. */
export function saveInboxView(v: InboxView): void {
  view = { ...v, ids: [...v.ids] };
}

/** Forgets the view: the inbox opens on its defaults. */
export function forgetInboxView(): void {
  view = undefined;
}

/** The server's query of a filter and order (empty values are left out by call()). */
export function listQuery(filter: InboxFilter, sort: RecordSort, dir: SortDir) {
  const help = filter.table === 'help_requests';
  return {
    from: filter.from,
    to: filter.to,
    reviewState: filter.reviewState,
    createdBy: filter.createdBy,
    locationId: filter.locationId,
    topic: help ? filter.topic : '',
    followUp: help ? filter.followUp : '',
    // Outcome is a help request's; other tables fall back to the time order.
    sort: !help && sort === 'outcome' ? 'when' : sort,
    dir,
  };
}

/**
 * The record `step` places from `id` (+1 next, -1 previous) in the inbox's order, reading the
 * next page of the list when the next record is past what was read. Undefined at either end, or
 * when `id` is not in the inbox's list of `table`.
 */
export async function neighbour(table: string, id: string, step: 1 | -1): Promise<string | undefined> {
  const v = view;
  if (!v || v.filter.table !== table) return undefined;
  const i = v.ids.indexOf(id);
  if (i < 0) return undefined;
  if (step === 1 && i === v.ids.length - 1 && v.cursor) {
    const page = await call<{ records: Array<{ id: string }>; cursor: string | null }>(
      'GET',
      `/records/${table}`,
      { query: { ...listQuery(v.filter, v.sort, v.dir), cursor: v.cursor } },
    );
    // Only if the view did not change meanwhile.
    if (view === v) {
      v.ids.push(...page.records.map((r) => r.id).filter((x) => !v.ids.includes(x)));
      v.cursor = page.cursor;
    }
  }
  const next = v.ids[i + step];
  if (next && view === v) v.current = next;
  return next;
}

/** Where `id` is in the inbox's order of `table`: [position from 1, count read, more to read]. */
export function positionOf(table: string, id: string): [number, number, boolean] | undefined {
  const v = view;
  if (!v || v.filter.table !== table) return undefined;
  const i = v.ids.indexOf(id);
  return i < 0 ? undefined : [i + 1, v.ids.length, v.cursor !== null];
}
