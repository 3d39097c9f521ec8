// Places, topics and referral partners: the reference data phones pull. A coordinator adds them
// here online (POST /records/:table) and switches them on or off (an audited correction).
// Topics have their own section (Topics.tsx): a key and a name per language.
import { useState } from 'preact/hooks';
import { call } from '../api';
import { Field } from '../Field';
import { errorNotice, fieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';
import { Topics } from './Topics';

type Table = 'locations' | 'partners';
type Rec = Record<string, unknown> & { id: string };

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
    try {
      await call('POST', `/records/${table}`, { body: { record: { name: text, active: true } } });
      form.reset();
      setError(undefined);
      setNotice(ct('detail.saved'));
      list.reload();
    } catch (err) {
      // The one text field is the name: the record's other fields are ours.
      const { fields, general } = fieldErrors(err, (path) => (path[0] === 'name' ? 'text' : undefined));
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
              {String(r.name)}
            </label>
          </li>
        ))}
      </ul>
      <form class="filters" onSubmit={(e) => void add(e)} noValidate aria-label={ct(`table.${table}`)}>
        <Field id={`${table}-new`} label={ct('reference.new')} error={error}>
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
      <Topics />
      <RefTable table="partners" />
    </section>
  );
}
