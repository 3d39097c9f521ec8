// The free-text part of the help form: the note (with the privacy hint: no names, national
// register numbers or passwords) and the service signal for the coordinators.
import { t } from '../../shared/i18n';
import { Field, fieldAria } from '../ui/Field';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  update: (patch: Partial<Draft>) => void;
}

/** Note and service signal. */
export function NoteFields({ draft, errors, update }: Props) {
  return (
    <>
      <Field id="help-note" label={t('help.note')} hint={t('help.noteHint')} error={errors.note}>
        <textarea
          {...fieldAria('help-note', errors.note, t('help.noteHint'))}
          rows={3}
          value={draft.note}
          onInput={(e) => update({ note: e.currentTarget.value })}
        />
      </Field>
      <Field
        id="help-signal"
        label={t('help.serviceSignal')}
        hint={t('help.serviceSignalHint')}
        error={errors.serviceSignal}
      >
        <textarea
          {...fieldAria('help-signal', errors.serviceSignal, t('help.serviceSignalHint'))}
          rows={2}
          value={draft.serviceSignal}
          onInput={(e) => update({ serviceSignal: e.currentTarget.value })}
        />
      </Field>
    </>
  );
}
