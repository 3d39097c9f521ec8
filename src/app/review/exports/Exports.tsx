// CSV downloads per table for a period (UTF-8 with BOM, `;`-separated, for a Belgian Excel).
import { useState } from 'preact/hooks';
import { TABLES } from '../../../shared/records';
import { download } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Field } from '../Field';

/** The exports screen. */
export function Exports() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState('');
  const badPeriod = from !== '' && to !== '' && to < from;
  const get = async (table: string) => {
    setError('');
    if (badPeriod) return;
    const name = `${table}${from ? `_${from}` : ''}${to ? `_${to}` : ''}.csv`;
    await download(`/export/${table}.csv`, name, { from, to }).catch((e: unknown) =>
      setError(errorNotice(e)),
    );
  };
  return (
    <section aria-labelledby="exports-title">
      <h1 id="exports-title">{ct('exports.title')}</h1>
      <p>{ct('exports.hint')}</p>
      <div class="filters">
        <Field id="export-from" label={ct('filter.from')}>
          {(a) => <input {...a} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field
          id="export-to"
          label={ct('filter.to')}
          error={badPeriod ? ct('filter.toBeforeFrom') : undefined}
        >
          {(a) => <input {...a} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}
        </Field>
      </div>
      <p role="alert">{error}</p>
      <ul class="cards">
        {TABLES.map((table) => (
          <li key={table}>
            <button type="button" onClick={() => void get(table)}>
              {ct('exports.download', { table: ct(`table.${table}`) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
