// The form of a place or a partner: its name and a few details, for adding one or editing one.
// A name already in use and a refused value are explained under their field.
import { useState } from 'preact/hooks';
import type { CoordKey } from '../../../shared/i18n/coordinator/en';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { takenPath } from '../taken';
import type { Ref } from './allRecords';

export interface RefField {
  name: string;
  label: CoordKey;
  maxLength: number;
  type?: 'url';
}

interface Props {
  table: 'locations' | 'partners';
  fields: readonly RefField[];
  /** The record to edit; none: a new one. */
  record?: Ref;
  /** The form's accessible name. */
  title: string;
  submit: string;
  onDone: (notice: string) => void;
  onCancel?: () => void;
}

/** Adds or edits one place or partner. */
export function RefForm({ table, fields, record, title, submit, onDone, onCancel }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const prefix = `${table}-${record?.id ?? 'new'}`;
  const save = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const values: Record<string, string | null> = {};
    for (const f of fields) values[f.name] = String(data.get(f.name) ?? '').trim() || null;
    const name = values.name;
    if (!name) return setErrors({ name: ct('form.required') });
    try {
      if (record) await call('PATCH', `/records/${table}/${record.id}`, { body: { changes: values } });
      else await call('POST', `/records/${table}`, { body: { record: { ...values, active: true } } });
      form.reset();
      setErrors({});
      setNotice('');
      onDone(ct(record ? 'reference.savedNamed' : 'reference.added', { name }));
    } catch (err) {
      if (takenPath(err)) return setErrors({ name: ct('reference.nameTaken') });
      const { fields: byField, general } = fieldErrors(err, (path) =>
        fields.some((f) => f.name === path[0]) ? String(path[0]) : undefined,
      );
      setErrors(byField);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <form class="ws-form" onSubmit={(e) => void save(e)} noValidate aria-label={title}>
      {fields.map((f) => (
        <Field key={f.name} id={`${prefix}-${f.name}`} label={ct(f.label)} error={errors[f.name]}>
          {(a) => (
            <input
              {...a}
              name={f.name}
              type={f.type ?? 'text'}
              maxLength={f.maxLength}
              defaultValue={typeof record?.[f.name] === 'string' ? (record[f.name] as string) : ''}
              required={f.name === 'name'}
            />
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
