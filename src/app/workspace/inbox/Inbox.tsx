// The review inbox: synced help requests and permanence logs in a dense table, filtered, sorted
// by the server (column headers) and read page after page with its keyset cursor, so every
// record is reachable in any order. Bulk "mark reviewed", and the keyboard: j/k (or arrows on a
// row) move the current row, Enter opens it, x selects it, r marks it (or the selection)
// reviewed. The view is kept (view.ts) so the record page walks the same order with n/p.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReferenceNames } from '../../../shared/references';
import type { RecordSort } from '../../../shared/review';
import { useSession } from '../../session';
import { call } from '../api';
import { fieldErrors } from '../fieldErrors';
import { allRecords } from '../reference/allRecords';
import { ct, ctn } from '../i18n';
import { Status } from '../Status';
import { useTopicNames } from '../topicNames';
import { KeyHint, useShortcuts } from '../ui/keys';
import { PageHeader } from '../ui/PageHeader';
import type { Sort } from '../ui/sort';
import { useLoad } from '../useLoad';
import { usePaged } from '../usePaged';
import { Filters, type InboxFilter } from './Filters';
import { RecordRows, type Row } from './RecordRows';
import { DEFAULT_FILTER, inboxView, listQuery, saveInboxView, type SortDir } from './view';

interface ListPage {
  records: Array<Record<string, unknown> & { id: string; reviewState: string }>;
  names: ReferenceNames;
  cursor: string | null;
  hasMore: boolean;
}

/** The server's order as the table header shows it. */
const toSort = (sort: RecordSort, dir: SortDir): Sort<RecordSort> => ({
  key: sort,
  dir: dir === 'asc' ? 'ascending' : 'descending',
});

/** An element the page's Enter must leave alone (a link, button or form control has its own). */
const ownsEnter = (t: EventTarget | null) =>
  t instanceof Element && t.closest('a, button, input, select, textarea, summary') !== null;

/** The inbox screen. */
export function Inbox() {
  // The view the coordinator left (opening a record), else the defaults: new help requests, newest first.
  const userId = useSession()?.user.id ?? '';
  const [kept] = useState(() => inboxView(userId));
  const [filter, setFilter] = useState<InboxFilter>(kept?.filter ?? DEFAULT_FILTER);
  const [order, setOrder] = useState<{ sort: RecordSort; dir: SortDir }>({
    sort: kept?.sort ?? 'when',
    dir: kept?.dir ?? 'desc',
  });
  // Counts the filter form's submits: applying the same filters again reads the list anew.
  const [applied, setApplied] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  // The row the keyboard is on (index in the list), -1 for none yet.
  const [current, setCurrent] = useState(-1);
  // The current row as of the last key, before Preact re-renders: two quick presses of j must
  // move two rows (the render's `current` would still be the old one for the second press).
  const currentNow = useRef(current);
  currentNow.current = current;
  const focusRow = useRef(false);
  // Going one past the last row read asks for the next page and moves on when it is there.
  const pendingStep = useRef(false);
  // Review states set here since the list was read: the rows stay listed with their new state
  // until the filters are applied again (a marked row does not vanish under the mouse).
  const [marked, setMarked] = useState<Map<string, string>>(new Map());
  // Back from a record: the first read takes as many rows as were read before (up to the
  // server's 500), so the row left is there again.
  const restoreLimit = useRef(kept && kept.ids.length > 50 ? Math.min(kept.ids.length, 500) : undefined);
  const people = useLoad(() => call<{ users: Array<{ id: string; name: string }> }>('GET', '/people'), []);
  const topics = useTopicNames();
  const places = useLoad(
    async () => ({ records: await allRecords<{ id: string; name?: string }>('locations') }),
    [],
  );
  const { table } = filter;
  const list = usePaged<Row, null>(
    async (cursor) => {
      const limit = cursor ? undefined : restoreLimit.current;
      restoreLimit.current = undefined;
      const p = await call<ListPage>('GET', `/records/${table}`, {
        query: { ...listQuery(filter, order.sort, order.dir), cursor, limit },
      });
      const items = p.records.map((r) => ({
        ...r,
        placeName: r.locationId ? p.names.locations[String(r.locationId)] : undefined,
        volunteerName: r.createdBy ? p.names.users[String(r.createdBy)] : undefined,
      }));
      return { items, cursor: p.cursor, meta: null };
    },
    [JSON.stringify(filter), order.sort, order.dir, applied],
  );
  const rows = (list.items ?? []).map((r) => {
    const state = marked.get(r.id);
    return state ? { ...r, reviewState: state } : r;
  });
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  // Back from a record: its row is the current one again.
  const wanted = useRef(kept?.current);
  useEffect(() => {
    if (list.loading || !list.items || !wanted.current) return;
    const at = list.items.findIndex((r) => r.id === wanted.current);
    wanted.current = undefined;
    setCurrent(at);
    const row = at >= 0 ? document.querySelector(`tr[data-row="${at}"]`) : null;
    // (jsdom has no scrollIntoView)
    if (row && 'scrollIntoView' in row) row.scrollIntoView({ block: 'center' });
  }, [list.loading]);

  // Keep the view for the record page's n/p and for coming back.
  useEffect(() => {
    if (!list.items || list.loading || list.failure !== undefined) return;
    saveInboxView({
      userId,
      filter,
      sort: order.sort,
      dir: order.dir,
      ids: list.items.map((r) => r.id),
      cursor: list.cursor,
      current: rows[current]?.id,
    });
  }, [list.items, list.loading, list.cursor, current]);

  // The next page arrived after a step past the last row: go on to its first row.
  useEffect(() => {
    if (pendingStep.current && !list.loadingMore) {
      pendingStep.current = false;
      if (current < rows.length - 1) moveTo(current + 1);
    }
  }, [list.loadingMore]);

  // The current row gets the focus (a screen reader reads it) after a keyboard move.
  useEffect(() => {
    if (!focusRow.current) return;
    focusRow.current = false;
    document.querySelector<HTMLElement>(`tr[data-row="${current}"]`)?.focus();
  }, [current]);

  const moveTo = (i: number) => {
    focusRow.current = true;
    currentNow.current = i;
    setCurrent(i);
  };
  const step = (by: 1 | -1) => {
    const n = rowsRef.current.length;
    if (n === 0) return;
    const current = currentNow.current;
    if (current < 0) return moveTo(by === 1 ? 0 : n - 1);
    if (by === 1 && current === n - 1) {
      if (list.hasMore) {
        pendingStep.current = true;
        list.more();
      }
      return;
    }
    moveTo(Math.max(0, Math.min(n - 1, current + by)));
  };
  const open = (i: number) => {
    const r = rowsRef.current[i];
    if (!r || !list.items) return;
    saveInboxView({
      userId,
      filter,
      sort: order.sort,
      dir: order.dir,
      ids: list.items.map((x) => x.id),
      cursor: list.cursor,
      current: r.id,
    });
    window.location.hash = `#/review/record/${table}/${r.id}`;
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const markReviewed = async (ids: string[]) => {
    if (ids.length === 0) return;
    try {
      const res = await call<{ updated: number }>('POST', `/records/${table}/review`, {
        body: { ids, reviewState: 'reviewed' },
      });
      // All or nothing on the server: every id sent is reviewed now.
      setMarked((m) => new Map([...m, ...ids.map((id) => [id, 'reviewed'] as const)]));
      setSelected(new Set());
      setNotice(ct('inbox.marked', { n: res.updated }));
    } catch (e) {
      setNotice(fieldErrors(e, () => undefined).general ?? ct('detail.notSaved'));
    }
  };

  useShortcuts((e) => {
    const onRow = e.target instanceof Element && e.target.matches('tr[data-row]');
    const current = currentNow.current;
    const row = rowsRef.current[current];
    switch (e.key) {
      case 'j':
        return step(1);
      case 'k':
        return step(-1);
      case 'ArrowDown':
      case 'ArrowUp':
        // Arrows scroll the page, except on a row of the table.
        if (!onRow) return;
        e.preventDefault();
        return step(e.key === 'ArrowDown' ? 1 : -1);
      case 'Enter':
        if (!row || ownsEnter(e.target)) return;
        e.preventDefault();
        return open(current);
      case 'x':
        if (row) toggle(row.id);
        return;
      case 'r':
        return void markReviewed(selected.size > 0 ? [...selected] : row ? [row.id] : []);
    }
  });

  // A new list (filters, order): nothing selected, no row current.
  const newList = () => {
    setCurrent(-1);
    setSelected(new Set());
    setMarked(new Map());
    setNotice('');
  };
  const onSort = (key: RecordSort) => {
    newList();
    setOrder((o) =>
      o.sort === key
        ? { sort: key, dir: o.dir === 'asc' ? 'desc' : 'asc' }
        : { sort: key, dir: key === 'when' ? 'desc' : 'asc' },
    );
  };

  // A filter the server refused: its message goes next to the field, the list stays empty.
  const refused =
    list.failure === undefined ? undefined : fieldErrors(list.failure, (p) => String(p[0] ?? ''));
  const shown = list.items?.length ?? 0;
  return (
    <section aria-labelledby="inbox-title">
      <PageHeader
        id="inbox-title"
        title={ct('nav.inbox')}
        sub={
          list.items && !refused && (list.hasMore ? ctn('inbox.shownMore', shown) : ctn('inbox.shown', shown))
        }
      />
      <Filters
        value={filter}
        people={people.data?.users ?? []}
        places={(places.data?.records ?? []).map((r) => ({ id: r.id, name: String(r.name ?? '') }))}
        topics={topics}
        errors={refused?.fields}
        onChange={(f) => {
          newList();
          // Permanence logs have no outcome: their list goes by time.
          if (f.table !== 'help_requests' && order.sort === 'outcome')
            setOrder({ sort: 'when', dir: 'desc' });
          setFilter(f);
          setApplied((n) => n + 1);
        }}
      />
      <div class="ws-inbox-bar">
        <button type="button" disabled={selected.size === 0} onClick={() => void markReviewed([...selected])}>
          {ct('inbox.markReviewed')} ({selected.size})
        </button>
        <KeyHint
          label={ct('keys.label')}
          keys={[
            [['j', 'k'], ct('keys.move')],
            [['Enter'], ct('keys.open')],
            [['x'], ct('keys.select')],
            [['r'], ct('keys.mark')],
          ]}
        />
      </div>
      <p aria-live="polite">{notice}</p>
      {refused ? (
        refused.general && <p role="alert">{refused.general}</p>
      ) : (
        <Status loading={list.loading && !list.items} />
      )}
      {list.items && !list.loading && !refused && rows.length === 0 && <p>{ct('inbox.empty')}</p>}
      {!refused && rows.length > 0 && (
        <RecordRows
          table={table}
          rows={rows}
          topicName={topics.name}
          sort={toSort(order.sort, order.dir)}
          onSort={onSort}
          busy={list.loading}
          current={current}
          onCurrent={setCurrent}
          onOpen={open}
          selected={selected}
          onSelect={setSelected}
        />
      )}
      {!refused && list.hasMore && (
        <button type="button" class="secondary" disabled={list.loadingMore} onClick={list.more}>
          {ct('common.more')}
        </button>
      )}
    </section>
  );
}
