// The conflicts queue: loans in conflict (a second open loan of one item) and values a stale
// write overwrote. Each resolution is a new version the phones pull on their next sync.
import { useState } from 'preact/hooks';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';

type Rec = Record<string, unknown> & { id: string };
interface Queue {
  loans: Array<{ loan: Rec; equipment: Rec | null; openLoans: Rec[] }>;
  merges: Array<{
    id: string;
    table: string;
    recordId: string;
    field: string;
    oldValue: unknown;
    newValue: unknown;
    at: string;
  }>;
}

/** The conflicts screen. */
export function Conflicts() {
  const queue = useLoad(() => call<Queue>('GET', '/conflicts'), []);
  const [notice, setNotice] = useState('');
  const resolve = async (id: string, body: unknown) => {
    try {
      await call('POST', `/conflicts/${id}/resolve`, { body });
      setNotice(ct('conflicts.resolved'));
      queue.reload();
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const q = queue.data;
  return (
    <section aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{ct('nav.conflicts')}</h1>
      <p role="status">{notice}</p>
      <Status error={queue.error} loading={!q} />
      {q && q.loans.length === 0 && q.merges.length === 0 && <p>{ct('conflicts.none')}</p>}
      {q && q.loans.length > 0 && <h2>{ct('conflicts.loans')}</h2>}
      {q?.loans.map(({ loan, equipment, openLoans }) => (
        <article class="card" key={loan.id}>
          <h3>{ct('conflicts.item', { tag: String(equipment?.assetTag ?? loan.equipmentId) })}</h3>
          {openLoans.map((o) => (
            <p key={o.id}>
              {ct('conflicts.openLoan', { code: String(o.borrowerCode), date: when(String(o.startedAt)) })}
            </p>
          ))}
          <p>
            {ct('conflicts.incoming', {
              code: String(loan.borrowerCode),
              date: when(String(loan.startedAt)),
            })}
          </p>
          <button type="button" onClick={() => void resolve(loan.id, { action: 'choose', keep: 'incoming' })}>
            {ct('conflicts.keepIncoming')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => void resolve(loan.id, { action: 'choose', keep: 'existing' })}
          >
            {ct('conflicts.keepExisting')}
          </button>
        </article>
      ))}
      {q && q.merges.length > 0 && <h2>{ct('conflicts.merges')}</h2>}
      {q?.merges.map((m) => (
        <article class="card" key={m.id}>
          <p>
            {ct('conflicts.field', {
              table: m.table,
              field: m.field,
              old: JSON.stringify(m.oldValue),
              new: JSON.stringify(m.newValue),
            })}{' '}
            <a href={`#/review/record/${m.table}/${m.recordId}`}>{ct('inbox.open')}</a>
          </p>
          <button type="button" onClick={() => void resolve(m.id, { action: 'choose', keep: 'incoming' })}>
            {ct('conflicts.keepCurrent')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => void resolve(m.id, { action: 'choose', keep: 'existing' })}
          >
            {ct('conflicts.restore')}
          </button>
        </article>
      ))}
    </section>
  );
}
