// The data-protection page: what retention will anonymise soon, the last retention run, and
// export or erasure of one borrower's data on request.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../sync';
import { call, download } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';

interface RetentionStatus {
  withinDays: number;
  due: Record<
    'helpRequestNotes' | 'helpRequestLinks' | 'permanenceNotes' | 'borrowersWithEndedLoans',
    number
  >;
  lastRun: { ranAt: string; summary: Record<string, number> } | null;
}

/** The data-protection screen. */
export function DataProtection() {
  const status = useLoad(() => call<RetentionStatus>('GET', '/retention/status'), []);
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState('');
  const fail = (e: unknown) =>
    setNotice(e instanceof ApiError && e.status === 404 ? ct('privacy.notFound') : errorNotice(e));
  const exportData = () =>
    download(`/borrowers/${encodeURIComponent(code)}/export`, `borrower-${code}.json`).catch(fail);
  const erase = async () => {
    if (!window.confirm(ct('privacy.confirmErase', { code }))) return;
    await call('POST', `/borrowers/${encodeURIComponent(code)}/erase`)
      .then(() => setNotice(ct('privacy.erased')))
      .catch(fail);
  };
  const s = status.data;
  return (
    <section aria-labelledby="privacy-title">
      <h1 id="privacy-title">{ct('nav.privacy')}</h1>
      <Status error={status.error} loading={!s} />
      {s && (
        <>
          <h2>{ct('privacy.due', { days: s.withinDays })}</h2>
          <dl class="cards">
            {(Object.keys(s.due) as Array<keyof RetentionStatus['due']>).map((k) => (
              <div class="card" key={k}>
                <dt>{ct(`privacy.${k}`)}</dt>
                <dd class="figure">{s.due[k]}</dd>
              </div>
            ))}
          </dl>
          <h2>{ct('privacy.lastRun')}</h2>
          <p>
            {s.lastRun
              ? `${when(s.lastRun.ranAt, true)}: ${JSON.stringify(s.lastRun.summary)}`
              : ct('privacy.never')}
          </p>
        </>
      )}
      <h2>{ct('privacy.borrower')}</h2>
      <div class="filters">
        <label>
          {ct('privacy.borrower')}
          <input value={code} maxLength={40} onInput={(e) => setCode(e.currentTarget.value.trim())} />
        </label>
        <button type="button" disabled={!code} onClick={() => void exportData()}>
          {ct('privacy.export')}
        </button>
        <button type="button" class="danger" disabled={!code} onClick={() => void erase()}>
          {ct('privacy.erase')}
        </button>
      </div>
      <p role="status">{notice}</p>
    </section>
  );
}
