// The organisation's own topics, next to the built-in catalogue: a key (what records and reports
// store) and a name in Dutch, French and English (what a volunteer's topic chips show, in the
// phone's language). Names can be corrected later; each change is an audited correction that
// reaches the phones with their next pull.
import { useState } from 'preact/hooks';
import { topicLabel, type Lang, type TopicNames } from '../../../shared/i18n';
import { call } from '../api';
import { Field } from '../Field';
import { errorNotice, fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';

/** What a topic key looks like (src/shared/records.ts topicKey). */
const TOPIC_KEY = /^[a-z][a-z0-9_]{1,39}$/;
const LANGS = ['nl', 'fr', 'en'] as const satisfies readonly Lang[];
interface Topic {
  id: string;
  key: string;
  labels?: TopicNames;
  active?: boolean;
}

/** The non-empty names typed in a form (`label_nl`, `label_fr`, `label_en`). */
function labelsOf(form: HTMLFormElement): TopicNames {
  const data = new FormData(form);
  const out: TopicNames = {};
  for (const lang of LANGS) {
    const v = String(data.get(`label_${lang}`) ?? '').trim();
    if (v) out[lang] = v;
  }
  return out;
}

/** The form field a server issue belongs to: the key or one of the names. */
const fieldOf = (path: PropertyKey[]): string | undefined =>
  path[0] === 'key'
    ? 'key'
    : path[0] === 'labels' && typeof path[1] === 'string'
      ? `label_${path[1]}`
      : undefined;

/** The three name fields of a topic. */
function NameFields({
  idPrefix,
  labels,
  errors,
}: {
  idPrefix: string;
  labels?: TopicNames;
  errors: FieldErrors;
}) {
  return (
    <>
      {LANGS.map((lang) => (
        <Field
          key={lang}
          id={`${idPrefix}-${lang}`}
          label={ct(`reference.label.${lang}`)}
          error={errors[`label_${lang}`]}
        >
          {(a) => <input {...a} name={`label_${lang}`} defaultValue={labels?.[lang] ?? ''} maxLength={200} />}
        </Field>
      ))}
    </>
  );
}

/** Correcting the names of one topic. */
function EditNames({ topic, onSaved }: { topic: Topic; onSaved: (notice: string) => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    const labels = labelsOf(e.currentTarget as HTMLFormElement);
    if (Object.keys(labels).length === 0) return setErrors({ label_en: ct('reference.needLabel') });
    try {
      await call('PATCH', `/records/topics/${topic.id}`, { body: { changes: { labels } } });
      setErrors({});
      setNotice('');
      onSaved(ct('detail.saved'));
    } catch (err) {
      const { fields, general } = fieldErrors(err, fieldOf);
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <details>
      <summary>{ct('reference.editNames', { key: topic.key })}</summary>
      <form
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label={ct('reference.editNames', { key: topic.key })}
      >
        <NameFields idPrefix={`topic-${topic.id}`} labels={topic.labels} errors={errors} />
        <button type="submit">{ct('common.save')}</button>
        <p role="status">{notice}</p>
      </form>
    </details>
  );
}

/** The topics section of the reference screen. */
export function Topics() {
  const list = useLoad(
    () => call<{ records: Topic[] }>('GET', '/records/topics', { query: { limit: 500 } }),
    [],
  );
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const names = new Map((list.data?.records ?? []).map((t) => [t.key, t.labels]));
  const saved = (text: string) => {
    setNotice(text);
    list.reload();
  };
  const setActive = async (t: Topic, active: boolean) => {
    try {
      await call('PATCH', `/records/topics/${t.id}`, { body: { changes: { active } } });
      saved(ct('detail.saved'));
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const key = String(new FormData(form).get('key') ?? '').trim();
    const labels = labelsOf(form);
    const problems: FieldErrors = {};
    if (!TOPIC_KEY.test(key)) problems.key = key ? ct('reference.badKey') : ct('form.required');
    // Without a name the volunteers' chips would show the bare key.
    if (Object.keys(labels).length === 0) problems.label_en = ct('reference.needLabel');
    setErrors(problems);
    setNotice('');
    if (Object.keys(problems).length > 0) return;
    try {
      await call('POST', '/records/topics', { body: { record: { key, labels, active: true } } });
      form.reset();
      saved(ct('detail.saved'));
    } catch (err) {
      const { fields, general } = fieldErrors(err, fieldOf);
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">{ct('table.topics')}</h2>
      <p class="field-hint">{ct('reference.topicsHint')}</p>
      <Status error={list.error} loading={!list.data} />
      <ul>
        {(list.data?.records ?? []).map((t) => (
          <li key={t.id}>
            <label class="inline">
              <input
                type="checkbox"
                checked={t.active !== false}
                onChange={(ev) => void setActive(t, ev.currentTarget.checked)}
              />
              {topicLabel(t.key, names)} <code>{t.key}</code>
            </label>
            <EditNames topic={t} onSaved={saved} />
          </li>
        ))}
      </ul>
      <form class="filters" onSubmit={(e) => void add(e)} noValidate aria-label={ct('table.topics')}>
        <Field
          id="topics-new-key"
          label={ct('reference.topicKey')}
          hint={ct('reference.keyHint')}
          error={errors.key}
        >
          {(a) => <input {...a} name="key" required maxLength={40} autoComplete="off" />}
        </Field>
        <NameFields idPrefix="topics-new" errors={errors} />
        <button type="submit">{ct('reference.add')}</button>
      </form>
      <p role="status">{notice}</p>
    </section>
  );
}
