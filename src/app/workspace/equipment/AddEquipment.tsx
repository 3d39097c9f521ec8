// Adds an item to the inventory (POST /records/equipment): asset tag, kind, make, model and
// serial number. It starts at intake until it is wiped and ready (its page says so). A tag in
// use or a refused value is explained next to its field.
import { useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import { EQUIPMENT_KINDS } from '../../../shared/records';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { takenPath } from '../taken';

const FIELDS = ['assetTag', 'kind', 'make', 'model', 'serial'] as const;
type FieldName = (typeof FIELDS)[number];

/** The add form in a panel that opens on demand; `onAdded` reloads the list. */
export function AddEquipment({ onAdded }: { onAdded: () => void }) {
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const text = (k: FieldName) => String(f.get(k) ?? '').trim() || null;
    setNotice('');
    const tag = text('assetTag');
    if (!tag) return setErrors({ assetTag: ct('form.required') });
    try {
      await call('POST', '/records/equipment', {
        body: {
          record: {
            assetTag: tag,
            kind: text('kind'),
            make: text('make'),
            model: text('model'),
            serial: text('serial'),
            status: 'intake',
          },
        },
      });
      form.reset();
      setErrors({});
      setNotice(ct('equipment.added', { tag }));
      onAdded();
    } catch (err) {
      if (takenPath(err)) return setErrors({ assetTag: ct('equipment.tagTaken') });
      const { fields, general } = fieldErrors(err, (path) => FIELDS.find((k) => k === path[0]));
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <details class="ws-panel no-print">
      <summary>
        <h2 class="ws-summary">{ct('equipment.add')}</h2>
      </summary>
      <form class="ws-form" onSubmit={(e) => void submit(e)} noValidate aria-label={ct('equipment.addTitle')}>
        <p class="field-hint ws-wide">{ct('equipment.addHint')}</p>
        <Field id="equipment-tag" label={ct('equipment.tag')} error={errors.assetTag}>
          {(a) => <input {...a} name="assetTag" required maxLength={40} autoComplete="off" />}
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
        <Field id="equipment-serial" label={ct('equipment.serial')} error={errors.serial}>
          {(a) => <input {...a} name="serial" maxLength={200} autoComplete="off" />}
        </Field>
        <div class="ws-form-actions">
          <button type="submit">{ct('reference.add')}</button>
          <p role="status">{notice}</p>
        </div>
      </form>
    </details>
  );
}
