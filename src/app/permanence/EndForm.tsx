// Ending a permanence: notes, difficulties, service signals and extra helpers, then
// "End permanence". Held as dirty while typed in, so an app update waits.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { endPermanence, ValidationError, type LocalPermanence } from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { useDirty } from '../ui/dirty';
import { DraftRestored } from '../ui/DraftRestored';
import { useDraftState } from '../ui/useDraftState';
import { errorMessage } from '../ui/errors';
import { Field, fieldAria } from '../ui/Field';
import { fieldErrors, type IssueLike } from '../ui/validation';

interface Props {
  permanence: LocalPermanence;
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The closing form of an open permanence. */
export function EndForm({ permanence }: Props) {
  // Kept as a draft while typed, so a killed tab reopens the form with it.
  const form = useDraftState(`end:${permanence.id}`, {
    notes: '',
    difficulties: '',
    signals: '',
    helpers: '0',
  });
  const { notes, difficulties, signals, helpers } = form.value;
  const setNotes = (v: string) => form.update({ notes: v });
  const setDifficulties = (v: string) => form.update({ difficulties: v });
  const setSignals = (v: string) => form.update({ signals: v });
  const setHelpers = (v: string) => form.update({ helpers: v });
  const [issues, setIssues] = useState<IssueLike[]>([]);
  const [failure, setFailure] = useState<string>();
  useDirty(!!(notes || difficulties || signals));
  const errors = fieldErrors(issues);

  const end = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await endPermanence(permanence.id, {
        notes: orNull(notes),
        difficulties: orNull(difficulties),
        serviceSignals: orNull(signals),
        extraHelpers: Number.parseInt(helpers, 10) || 0,
      });
      await form.done();
      markSaved({ table: 'permanences', id: saved.id });
      navigate('/');
    } catch (err) {
      if (err instanceof ValidationError) setIssues(err.issues);
      else setFailure(errorMessage(err));
    }
  };

  const area = (id: string, key: string, label: string, value: string, set: (v: string) => void) => (
    <Field id={id} label={label} error={errors[key]}>
      <textarea
        {...fieldAria(id, errors[key])}
        rows={2}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </Field>
  );
  return (
    <form class="end-form" onSubmit={end} noValidate>
      <h2>{t('permanence.endTitle')}</h2>
      {form.restored && <DraftRestored onDiscard={() => void form.discard()} />}
      <p class="hint">{t('help.noteHint')}</p>
      {area('perm-notes', 'notes', t('permanence.notes'), notes, setNotes)}
      {area('perm-difficulties', 'difficulties', t('permanence.difficulties'), difficulties, setDifficulties)}
      {area('perm-signals', 'serviceSignals', t('permanence.serviceSignals'), signals, setSignals)}
      <Field id="perm-helpers" label={t('permanence.extraHelpers')} error={errors.extraHelpers}>
        <input
          {...fieldAria('perm-helpers', errors.extraHelpers)}
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          value={helpers}
          onInput={(e) => setHelpers(e.currentTarget.value)}
        />
      </Field>
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        {t('permanence.end')}
      </button>
    </form>
  );
}
