// The form that corrects an item's details: every field of equipmentInput but its status (the
// lifecycle buttons and loans set that). Empty fields are removed; accessories are one per line;
// "wiped on" is a calendar day. A refused value is explained next to its field.
import { useState } from 'preact/hooks';
import { dayToIso, brusselsDay, label } from '../../../shared/i18n';
import type { EquipmentRecord } from '../../../shared/inventory';
import { EQUIPMENT_KINDS } from '../../../shared/records';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import { takenPath } from '../taken';

const KEYBOARDS = ['azerty', 'qwerty', 'other'] as const;

/** The changes the form asks for, in the shape of equipmentInput. */
function changesOf(form: HTMLFormElement): Record<string, unknown> {
  const f = new FormData(form);
  const text = (k: string) => String(f.get(k) ?? '').trim() || null;
  const number = (k: string) => {
    const v = text(k);
    return v === null ? null : Number(v.replace(',', '.'));
  };
  const wiped = text('wipedAt');
  return {
    assetTag: text('assetTag') ?? '',
    kind: text('kind'),
    make: text('make'),
    model: text('model'),
    serial: text('serial'),
    specs: {
      ramGb: number('ramGb'),
      storageGb: number('storageGb'),
      os: text('os'),
      keyboard: text('keyboard'),
    },
    condition: text('condition'),
    accessories: String(f.get('accessories') ?? '')
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    wipedAt: wiped ? dayToIso(wiped) : null,
    notes: text('notes'),
  };
}

/** Which form field a server issue path belongs to. */
const fieldOf = (path: PropertyKey[]): string | undefined =>
  path[0] === 'specs' ? String(path[1] ?? 'ramGb') : typeof path[0] === 'string' ? path[0] : undefined;

/** The edit form; `onDone(true)` after a save, `onDone(false)` on cancel. */
export function AssetEdit({
  equipment: e,
  onDone,
}: {
  equipment: EquipmentRecord;
  onDone: (saved: boolean) => void;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const specs = e.specs ?? {};
  const save = async (ev: Event) => {
    ev.preventDefault();
    const changes = changesOf(ev.currentTarget as HTMLFormElement);
    if (!changes.assetTag) return setErrors({ assetTag: ct('form.required') });
    try {
      await call('PATCH', `/records/equipment/${e.id}`, { body: { changes } });
      onDone(true);
    } catch (err) {
      if (takenPath(err)) return setErrors({ assetTag: ct('equipment.tagTaken') });
      const { fields, general } = fieldErrors(err, fieldOf);
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  const input = (name: string, labelText: string, value: string | number | null | undefined, more = {}) => (
    <Field id={`asset-${name}`} label={labelText} error={errors[name]}>
      {(a) => (
        <input
          {...a}
          name={name}
          defaultValue={value == null ? '' : String(value)}
          maxLength={200}
          {...more}
        />
      )}
    </Field>
  );
  return (
    <form
      class="ws-form"
      onSubmit={(ev) => void save(ev)}
      noValidate
      aria-label={ct('asset.editTitle', { tag: e.assetTag })}
    >
      {input('assetTag', ct('equipment.tag'), e.assetTag, {
        maxLength: 40,
        required: true,
        autoComplete: 'off',
      })}
      <Field id="asset-kind" label={ct('equipment.kind')} error={errors.kind}>
        {(a) => (
          // Preact has no defaultValue on a select: the stored value's option is `selected`.
          <select {...a} name="kind">
            {EQUIPMENT_KINDS.map((k) => (
              <option key={k} value={k} selected={k === e.kind}>
                {label('equipmentKind', k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {input('make', ct('equipment.make'), e.make)}
      {input('model', ct('equipment.modelName'), e.model)}
      {input('serial', ct('equipment.serial'), e.serial, { autoComplete: 'off' })}
      {input('ramGb', ct('asset.ramGb'), specs.ramGb, { inputMode: 'decimal' })}
      {input('storageGb', ct('asset.storageGb'), specs.storageGb, { inputMode: 'decimal' })}
      {input('os', ct('asset.os'), specs.os)}
      <Field id="asset-keyboard" label={ct('asset.keyboard')} error={errors.keyboard}>
        {(a) => (
          <select {...a} name="keyboard">
            <option value="">{ct('asset.keyboard.unknown')}</option>
            {KEYBOARDS.map((k) => (
              <option key={k} value={k} selected={k === specs.keyboard}>
                {ct(`asset.keyboard.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {input('condition', ct('asset.condition'), e.condition)}
      {input('wipedAt', ct('asset.wipedAt'), e.wipedAt ? brusselsDay(e.wipedAt) : '', { type: 'date' })}
      <Field
        id="asset-accessories"
        label={ct('asset.accessories')}
        hint={ct('asset.accessoriesHint')}
        error={errors.accessories}
      >
        {(a) => (
          <textarea {...a} name="accessories" rows={3} defaultValue={(e.accessories ?? []).join('\n')} />
        )}
      </Field>
      <div class="ws-wide">
        <Field id="asset-notes" label={ct('asset.notes')} error={errors.notes}>
          {(a) => <textarea {...a} name="notes" rows={3} maxLength={2000} defaultValue={e.notes ?? ''} />}
        </Field>
      </div>
      <div class="ws-form-actions">
        <button type="submit">{ct('common.save')}</button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {ct('asset.cancel')}
        </button>
        <p role="status">{notice}</p>
      </div>
    </form>
  );
}
