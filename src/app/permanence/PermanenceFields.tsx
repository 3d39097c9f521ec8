// The correctable fields of a permanence log (place, counts, extra helpers, closing notes) and
// how the typed form becomes record fields. Pure, so the phone's edit page (from its local
// store) and the coordinator's correction (from the server) use the same form.
import { t } from '../../shared/i18n';
import { Field, fieldAria } from '../ui/Field';

export interface PermanenceForm {
  locationId: string;
  visitorCount: string;
  turnedAwayCount: string;
  extraHelpers: string;
  notes: string;
  difficulties: string;
  serviceSignals: string;
}

interface Stored {
  locationId?: string | null;
  visitorCount: number;
  turnedAwayCount: number;
  extraHelpers?: number | undefined;
  notes?: string | null;
  difficulties?: string | null;
  serviceSignals?: string | null;
}

/** The form of a stored permanence. */
export function permanenceForm(p: Stored): PermanenceForm {
  return {
    locationId: p.locationId ?? '',
    visitorCount: String(p.visitorCount),
    turnedAwayCount: String(p.turnedAwayCount),
    extraHelpers: String(p.extraHelpers ?? 0),
    notes: p.notes ?? '',
    difficulties: p.difficulties ?? '',
    serviceSignals: p.serviceSignals ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);
/** A typed count; anything that is not a whole number is left for the schema to refuse. */
const count = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : s);

/** The record fields of a form (possibly invalid: the schema says what is wrong). */
export function permanenceFields(form: PermanenceForm) {
  return {
    locationId: form.locationId || null,
    visitorCount: count(form.visitorCount) as number,
    turnedAwayCount: count(form.turnedAwayCount) as number,
    extraHelpers: count(form.extraHelpers) as number,
    notes: orNull(form.notes),
    difficulties: orNull(form.difficulties),
    serviceSignals: orNull(form.serviceSignals),
  };
}

interface Props {
  form: PermanenceForm;
  errors: Record<string, string>;
  set: (key: keyof PermanenceForm) => (e: { currentTarget: { value: string } }) => void;
  locations: ReadonlyArray<{ id: string; name: string }>;
}

/** Place, visitors, turned away, extra helpers, notes, difficulties, signals. */
export function PermanenceFields({ form, errors, set, locations }: Props) {
  const number = (id: string, key: keyof PermanenceForm, text: string) => (
    <Field id={id} label={text} error={errors[key]}>
      <input
        {...fieldAria(id, errors[key])}
        type="number"
        min={0}
        inputMode="numeric"
        value={form[key]}
        onInput={set(key)}
      />
    </Field>
  );
  const area = (id: string, key: keyof PermanenceForm, text: string) => (
    <Field id={id} label={text} error={errors[key]}>
      <textarea {...fieldAria(id, errors[key])} rows={2} value={form[key]} onInput={set(key)} />
    </Field>
  );
  return (
    <>
      {locations.length > 0 && (
        <Field id="perm-edit-place" label={t('permanence.place')} error={errors.locationId}>
          <select
            {...fieldAria('perm-edit-place', errors.locationId)}
            value={form.locationId}
            onChange={set('locationId')}
          >
            <option value="">{t('help.noPlace')}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {number('perm-edit-visitors', 'visitorCount', t('permanence.visitors'))}
      {number('perm-edit-turned-away', 'turnedAwayCount', t('permanence.turnedAway'))}
      {number('perm-edit-helpers', 'extraHelpers', t('permanence.extraHelpers'))}
      <p class="hint">{t('help.noteHint')}</p>
      {area('perm-edit-notes', 'notes', t('permanence.notes'))}
      {area('perm-edit-difficulties', 'difficulties', t('permanence.difficulties'))}
      {area('perm-edit-signals', 'serviceSignals', t('permanence.serviceSignals'))}
    </>
  );
}
