// The from/to inputs of the dashboard and the report. A period that ends before it starts is
// said next to "To" and not applied, so the report on screen always matches its period.
import { useState } from 'preact/hooks';
import { Field } from '../Field';
import { ct } from '../i18n';

interface Props {
  value: { from: string; to: string };
  onChange: (p: { from: string; to: string }) => void;
}

/** Two date inputs; a change applies when both are set and in order. */
export function PeriodPicker({ value, onChange }: Props) {
  const [draft, setDraft] = useState(value);
  const bad = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const set = (next: { from: string; to: string }) => {
    setDraft(next);
    if (next.from && next.to && next.to >= next.from) onChange(next);
  };
  return (
    <fieldset class="filters no-print">
      <legend>{ct('dashboard.period')}</legend>
      <Field id="period-from" label={ct('filter.from')}>
        {(a) => (
          <input
            {...a}
            type="date"
            value={draft.from}
            onChange={(e) => set({ ...draft, from: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="period-to" label={ct('filter.to')} error={bad ? ct('filter.toBeforeFrom') : undefined}>
        {(a) => (
          <input
            {...a}
            type="date"
            value={draft.to}
            onChange={(e) => set({ ...draft, to: e.currentTarget.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
