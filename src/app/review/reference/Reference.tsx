// Places, topics and referral partners: the reference data phones pull. A coordinator adds them
// here online (POST /records/:table) and switches them on or off (an audited correction).
import { useState } from 'preact/hooks';
import { call } from '../api';
import { Field } from '../Field';
import { errorNotice, fieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';

type Table = 'locations' | 'topics' | 'partners';

/** What a topic key looks like (src/shared/records.ts topicKey). */
const TOPIC_KEY = /^[a-z][a-z0-9_]{1,39}$/;
type Rec = Record<string, unknown> & { id: string };

/** What a new record of `table` looks like from the one text field. */
function newRecord(table: Table, text: string): Record<string, unknown> {
  if (table === 'topics') return { key: text, labels: {}, active: true };
  return { name: text, active: true };
}

/** One reference table with its add form. */
function RefTable({ table }: { table: Table }) {
  const list = useLoad(
    () => call<{ records: Rec[] }>('GET', `/records/${table}`, { query: { limit: 500 } }),
    [table],
  );
  const [notice, setNotice] = useState('');
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      setNotice(ct('detail.saved'));
      list.reload();
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const [error, setError] = useState<string>();
  const add = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '').trim();
    setNotice('');
    if (!text) return setError(ct('form.required'));
    if (table === 'topics' && !TOPIC_KEY.test(text)) return setError(ct('reference.badKey'));
    try {
      await call('POST', `/records/${table}`, { body: { record: newRecord(table, text) } });
      form.reset();
      setError(undefined);
      setNotice(ct('detail.saved'));
      list.reload();
    } catch (err) {
      // The one text field is the name (or a topic's key): the record's other fields are ours.
      const { fields, general } = fieldErrors(err, (path) =>
        path[0] === 'name' || path[0] === 'key' ? 'text' : undefined,
      );
      setError(fields.text);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <section aria-labelledby={`${table}-title`}>
      <h2 id={`${table}-title`}>{ct(`table.${table}`)}</h2>
      <Status error={list.error} loading={!list.data} />
      <ul>
        {(list.data?.records ?? []).map((r) => (
          <li key={r.id}>
            <label class="inline">
              <input
                type="checkbox"
                checked={r.active !== false}
                onChange={(ev) =>
                  void run(
                    call('PATCH', `/records/${table}/${r.id}`, {
                      body: { changes: { active: ev.currentTarget.checked } },
                    }),
                  )
                }
              />
              {String(r.name ?? r.key)}
            </label>
          </li>
        ))}
      </ul>
      <form class="filters" onSubmit={(e) => void add(e)} noValidate aria-label={ct(`table.${table}`)}>
        <Field
          id={`${table}-new`}
          label={ct('reference.new')}
          hint={table === 'topics' ? ct('reference.keyHint') : undefined}
          error={error}
        >
          {(a) => <input {...a} name="text" required maxLength={200} />}
        </Field>
        <button type="submit">{ct('reference.add')}</button>
      </form>
      <p role="status">{notice}</p>
    </section>
  );
}

/** The places, topics and partners screen. */
export function Reference() {
  return (
    <section aria-labelledby="reference-title">
      <h1 id="reference-title">{ct('nav.reference')}</h1>
      <RefTable table="locations" />
      <RefTable table="topics" />
      <RefTable table="partners" />
    </section>
  );
}
