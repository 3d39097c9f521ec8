// The exports screen: what (a table), which period (empty: everything) and which file, in
// words: a spreadsheet (XLSX with typed cells), a CSV for Excel, or the raw data for people who
// link tables. Readable files come in the coordinator's current language.
import { useState } from 'preact/hooks';
import { getLanguage } from '../../../shared/i18n';
import { TABLES, type TableName } from '../../../shared/records';
import { download } from '../api';
import { Field } from '../Field';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { PageHeader } from '../ui/PageHeader';

const FORMATS = [
  { id: 'xlsx', label: 'exports.xlsx', hint: 'exports.xlsxHint' },
  { id: 'csv', label: 'exports.csv', hint: 'exports.csvHint' },
  { id: 'raw', label: 'exports.raw', hint: 'exports.rawHint' },
] as const;
type Format = (typeof FORMATS)[number]['id'];

/** The file name the server also suggests: `<table name>_<from>_<to>.<ext>`. */
function fileName(table: TableName, format: Format, from: string, to: string): string {
  const name = format === 'raw' ? table : ct(`table.${table}`);
  return `${name}${from ? `_${from}` : ''}${to ? `_${to}` : ''}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
}

/** The exports screen. */
export function Exports() {
  const [table, setTable] = useState<TableName>('help_requests');
  const [format, setFormat] = useState<Format>('xlsx');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const badPeriod = from !== '' && to !== '' && to < from;

  const get = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (badPeriod) return;
    setBusy(true);
    const ext = format === 'xlsx' ? 'xlsx' : 'csv';
    const query = format === 'raw' ? { from, to, format: 'raw' } : { from, to, lang: getLanguage() };
    await download(`/export/${table}.${ext}`, fileName(table, format, from, to), query)
      .catch((err: unknown) => setError(errorNotice(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby="exports-title">
      <PageHeader id="exports-title" title={ct('exports.title')} sub={ct('exports.hint')} />
      <form class="ws-form" onSubmit={(e) => void get(e)}>
        <Field id="export-table" label={ct('exports.what')}>
          {(a) => (
            <select {...a} value={table} onChange={(e) => setTable(e.currentTarget.value as TableName)}>
              {TABLES.map((t) => (
                <option key={t} value={t}>
                  {ct(`table.${t}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="export-from" label={ct('filter.from')} hint={ct('exports.periodHint')}>
          {(a) => <input {...a} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field
          id="export-to"
          label={ct('filter.to')}
          error={badPeriod ? ct('filter.toBeforeFrom') : undefined}
        >
          {(a) => <input {...a} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}
        </Field>
        <fieldset class="ws-wide export-formats">
          <legend>{ct('exports.format')}</legend>
          {FORMATS.map((f) => (
            <div class="export-format" key={f.id}>
              <label class="inline">
                <input
                  type="radio"
                  name="export-format"
                  value={f.id}
                  checked={format === f.id}
                  aria-describedby={`export-${f.id}-hint`}
                  onChange={() => setFormat(f.id)}
                />
                {ct(f.label)}
              </label>
              <p class="field-hint" id={`export-${f.id}-hint`}>
                {ct(f.hint)}
              </p>
            </div>
          ))}
        </fieldset>
        <div class="ws-form-actions">
          <button type="submit" disabled={busy}>
            {busy ? ct('exports.busy') : ct('exports.download')}
          </button>
        </div>
        <p class="ws-wide field-error" role="alert">
          {error}
        </p>
      </form>
    </section>
  );
}
