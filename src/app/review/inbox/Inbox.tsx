// The review inbox: synced help requests and permanence logs, filtered, with bulk "mark
// reviewed" and a link to each record's detail (correction and audit trail).
import { useState } from 'preact/hooks';
import { call } from '../api';
import { fieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useTopicNames } from '../topicNames';
import { useLoad } from '../useLoad';
import { Filters, type InboxFilter } from './Filters';
import { RecordRows, type Row } from './RecordRows';

interface Page {
  records: Row[];
  cursor: string | null;
  hasMore: boolean;
}

const initial: InboxFilter = {
  table: 'help_requests',
  from: '',
  to: '',
  reviewState: 'new',
  topic: '',
  createdBy: '',
  locationId: '',
};

/** The inbox screen. */
export function Inbox() {
  const [filter, setFilter] = useState(initial);
  const [extra, setExtra] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const people = useLoad(() => call<{ users: Array<{ id: string; name: string }> }>('GET', '/people'), []);
  const topics = useTopicNames();
  const places = useLoad(() => call<Page>('GET', '/records/locations', { query: { limit: 500 } }), []);
  const { table, ...query } = filter;
  const topic = table === 'help_requests' ? query.topic : '';
  const page = useLoad(async () => {
    const p = await call<Page>('GET', `/records/${table}`, { query: { ...query, topic } });
    setExtra([]);
    setCursor(p.cursor);
    setSelected(new Set());
    return p;
  }, [JSON.stringify(filter)]);
  const rows = [...(page.data?.records ?? []), ...extra];
  // A filter the server refused: its message goes next to the field, the list stays empty.
  const refused =
    page.failure === undefined ? undefined : fieldErrors(page.failure, (p) => String(p[0] ?? ''));

  const more = async () => {
    if (!cursor) return;
    const p = await call<Page>('GET', `/records/${table}`, { query: { ...query, topic, cursor } });
    setExtra((e) => [...e, ...p.records]);
    setCursor(p.cursor);
  };
  const markReviewed = async () => {
    try {
      const res = await call<{ updated: number }>('POST', `/records/${table}/review`, {
        body: { ids: [...selected], reviewState: 'reviewed' },
      });
      setNotice(ct('inbox.marked', { n: res.updated }));
      page.reload();
    } catch (e) {
      setNotice(fieldErrors(e, () => undefined).general ?? ct('detail.notSaved'));
    }
  };

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{ct('nav.inbox')}</h1>
      <Filters
        value={filter}
        people={people.data?.users ?? []}
        places={(places.data?.records ?? []).map((r) => ({ id: r.id, name: String(r.name ?? r.id) }))}
        topics={topics}
        errors={refused?.fields}
        onChange={setFilter}
      />
      <p aria-live="polite">{notice}</p>
      <button type="button" disabled={selected.size === 0} onClick={() => void markReviewed()}>
        {ct('inbox.markReviewed')} ({selected.size})
      </button>
      {refused ? refused.general && <p role="alert">{refused.general}</p> : <Status loading={!page.data} />}
      {page.data && !refused && rows.length === 0 && <p>{ct('inbox.empty')}</p>}
      {!refused && rows.length > 0 && (
        <RecordRows
          table={table}
          rows={rows}
          people={people.data?.users ?? []}
          topicName={topics.name}
          selected={selected}
          onSelect={setSelected}
        />
      )}
      {cursor && (
        <button type="button" class="secondary" onClick={() => void more()}>
          {ct('common.more')}
        </button>
      )}
    </section>
  );
}
