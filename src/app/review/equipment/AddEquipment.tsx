// Adds an item to the inventory (POST /records/equipment): asset tag, kind, make and model;
// it starts in `intake` until it is wiped and ready.
import { useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import { EQUIPMENT_KINDS } from '../../../shared/records';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';

const FIELDS = ['assetTag', 'kind', 'make', 'model'] as const;
type FieldName = (typeof FIELDS)[number];

/** The add form; `onAdded` reloads the list. A refused value is explained next to its field. */
export function AddEquipment({ onAdded }: { onAdded: () => void }) {
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const text = (k: FieldName) => String(f.get(k) ?? '').trim() || null;
    setNotice('');
    if (!text('assetTag')) {
      setErrors({ assetTag: ct('form.required') });
      return;
    }
    try {
      await call('POST', '/records/equipment', {
        body: {
          record: {
            assetTag: text('assetTag'),
            kind: text('kind'),
            make: text('make'),
            model: text('model'),
            status: 'intake',
          },
        },
      });
      form.reset();
      setErrors({});
      setNotice(ct('detail.saved'));
      onAdded();
    } catch (err) {
      const { fields, general } = fieldErrors(err, (path) => FIELDS.find((k) => k === path[0]));
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <form
      class="filters no-print"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={ct('equipment.add')}
    >
      <Field id="equipment-tag" label={ct('equipment.tag')} error={errors.assetTag}>
        {(a) => <input {...a} name="assetTag" required maxLength={40} />}
      </Field>
      <Field id="equipment-kind" label={ct('equipment.kind')} error={errors.kind}>
        {(a) => (
          <select {...a} name="kind">
            {EQUIPMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label('equipmentKind', k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="equipment-make" label={ct('equipment.make')} error={errors.make}>
        {(a) => <input {...a} name="make" maxLength={200} />}
      </Field>
      <Field id="equipment-model" label={ct('equipment.modelName')} error={errors.model}>
        {(a) => <input {...a} name="model" maxLength={200} />}
      </Field>
      <button type="submit">{ct('reference.add')}</button>
      <p role="status">{notice}</p>
    </form>
  );
}
