// Correcting a permanence log from the recent list, open or closed, sent or not: place, counts,
// extra helpers and the closing notes. Saving writes a new outbox entry (the server merges it
// field by field), so a closed session can still be put right after it was sent.
import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, getLanguage, label, t } from '../../shared/i18n';
import {
  getPermanence,
  listLocations,
  updatePermanence,
  ValidationError,
  type LocalPermanence,
} from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { useDirty } from '../ui/dirty';
import { errorMessage } from '../ui/errors';
import { Field, fieldAria } from '../ui/Field';
import { Screen } from '../ui/Screen';
import { SyncBadge } from '../ui/SyncBadge';
import { useLive } from '../ui/useLive';
import { fieldErrors, focusFirstError, refusedIssues, type IssueLike } from '../ui/validation';

interface Form {
  locationId: string;
  visitorCount: string;
  turnedAwayCount: string;
  extraHelpers: string;
  notes: string;
  difficulties: string;
  serviceSignals: string;
}

function formOf(p: LocalPermanence): Form {
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

/** The edit form of one permanence. */
function EditForm({ permanence }: { permanence: LocalPermanence }) {
  const locations = useLive(listLocations) ?? [];
  const [form, setForm] = useState(() => formOf(permanence));
  const [touched, setTouched] = useState(false);
  // A permanence the server refused opens with the fields it named marked (its badge says why).
  const [issues, setIssues] = useState<IssueLike[]>(() => refusedIssues(permanence));
  const [failure, setFailure] = useState<string>();
  useDirty(touched);
  const errors = fieldErrors(issues);
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
    setTouched(true);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    try {
      const saved = await updatePermanence(permanence.id, {
        locationId: form.locationId || null,
        visitorCount: count(form.visitorCount) as number,
        turnedAwayCount: count(form.turnedAwayCount) as number,
        extraHelpers: count(form.extraHelpers) as number,
        notes: orNull(form.notes),
        difficulties: orNull(form.difficulties),
        serviceSignals: orNull(form.serviceSignals),
      });
      setTouched(false);
      markSaved({ table: 'permanences', id: saved.id });
      navigate('/recent');
    } catch (err) {
      if (err instanceof ValidationError) {
        setIssues(err.issues);
        focusFirstError();
      } else setFailure(errorMessage(err));
    }
  };

  const number = (id: string, key: keyof Form, text: string) => (
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
  const area = (id: string, key: keyof Form, text: string) => (
    <Field id={id} label={text} error={errors[key]}>
      <textarea {...fieldAria(id, errors[key])} rows={2} value={form[key]} onInput={set(key)} />
    </Field>
  );
  return (
    <form class="perm-edit" onSubmit={save} noValidate>
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
      {issues.length > 0 && (
        <p class="form-error" role="alert">
          {t('help.fixErrors')}
        </p>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <div class="form-actions sticky">
        <button type="submit" class="btn btn-primary">
          {t('permanence.saveChanges')}
        </button>
      </div>
    </form>
  );
}

/** The permanence edit screen (`#/permanence/:id`). */
export function PermanenceEdit({ id }: { id: string }) {
  const [permanence, setPermanence] = useState<LocalPermanence | null>();
  // Read once: the form must not be reset under the user's fingers by a sync meanwhile.
  useEffect(() => void getPermanence(id).then((p) => setPermanence(p ?? null)), [id]);
  const title = t('permanence.editTitle');
  if (permanence === undefined)
    return (
      <Screen title={title} back="#/recent">
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  if (permanence === null)
    return (
      <Screen title={title} back="#/recent">
        <p role="alert">{t('error.not_found')}</p>
      </Screen>
    );
  const lang = getLanguage();
  return (
    <Screen title={title} back="#/recent">
      <p class="perm-summary">
        {label('permanenceKind', permanence.kind)} · {formatDateTime(lang, permanence.startedAt)}
        {permanence.endedAt &&
          ` · ${t('permanence.closedAt', { time: formatDateTime(lang, permanence.endedAt) })}`}{' '}
        <SyncBadge record={permanence} />
      </p>
      <EditForm permanence={permanence} />
    </Screen>
  );
}
