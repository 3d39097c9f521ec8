// The names of one of the organisation's own topics, in Dutch, French and English (at least
// one: the volunteers' topic buttons show it). For a new topic the server derives its key from
// the name; an existing topic keeps its key when renamed. A name another topic has in that
// language is refused under its field.
import { useState } from 'preact/hooks';
import type { TopicNames } from '../../../shared/i18n';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { takenPath } from '../taken';

export const TOPIC_LANGS = ['nl', 'fr', 'en'] as const;

export interface OwnTopic {
  id: string;
  labels?: TopicNames;
  active?: boolean;
}

/** The non-empty names typed in the form. */
function labelsOf(form: HTMLFormElement): TopicNames {
  const data = new FormData(form);
  const out: TopicNames = {};
  for (const lang of TOPIC_LANGS) {
    const v = String(data.get(`label_${lang}`) ?? '').trim();
    if (v) out[lang] = v;
  }
  return out;
}

/** The form field of a server issue: one of the names. */
const fieldOf = (path: PropertyKey[]): string | undefined =>
  path[0] === 'labels' && typeof path[1] === 'string'
    ? `label_${path[1]}`
    : path[0] === 'labels'
      ? 'label_en'
      : undefined;

interface Props {
  topic?: OwnTopic;
  title: string;
  submit: string;
  onDone: (notice: string) => void;
  onCancel?: () => void;
}

/** Adds a topic by its names, or renames one. */
export function TopicForm({ topic, title, submit, onDone, onCancel }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const prefix = `topic-${topic?.id ?? 'new'}`;
  const save = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const labels = labelsOf(form);
    const name = labels.nl ?? labels.fr ?? labels.en;
    if (!name) return setErrors({ label_en: ct('reference.needLabel') });
    try {
      if (topic) await call('PATCH', `/records/topics/${topic.id}`, { body: { changes: { labels } } });
      else await call('POST', '/records/topics', { body: { record: { labels, active: true } } });
      form.reset();
      setErrors({});
      setNotice('');
      onDone(ct(topic ? 'reference.savedNamed' : 'reference.added', { name }));
    } catch (err) {
      const taken = takenPath(err);
      if (taken) return setErrors({ [fieldOf(taken) ?? 'label_en']: ct('reference.topicNameTaken') });
      const { fields, general } = fieldErrors(err, fieldOf);
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <form class="ws-form" onSubmit={(e) => void save(e)} noValidate aria-label={title}>
      {TOPIC_LANGS.map((lang) => (
        <Field
          key={lang}
          id={`${prefix}-${lang}`}
          label={ct(`reference.label.${lang}`)}
          error={errors[`label_${lang}`]}
        >
          {(a) => (
            <input {...a} name={`label_${lang}`} defaultValue={topic?.labels?.[lang] ?? ''} maxLength={200} />
          )}
        </Field>
      ))}
      <div class="ws-form-actions">
        <button type="submit">{submit}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {ct('reference.cancel')}
          </button>
        )}
        <p role="status">{notice}</p>
      </div>
    </form>
  );
}
