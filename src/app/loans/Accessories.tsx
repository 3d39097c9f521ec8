// The accessories checklist of the lend and return forms: charger, bag, mouse (by key, labelled
// in the UI language), the item's own accessories, and at lending "something else" with the
// words for it. At return it lists what went out and says what did not come back.
import { useState } from 'preact/hooks';
import { label, t } from '../../shared/i18n';
import { STANDARD_ACCESSORIES } from '../../shared/records';
import { Field, fieldAria } from '../ui/Field';

const STANDARD: readonly string[] = STANDARD_ACCESSORIES;

/** How an accessory shows: a standard one in the UI language, any other as stored. */
export function accessoryLabel(a: string): string {
  return STANDARD.includes(a) ? label('accessory', a) : a;
}

/** The item's own accessory names, those that name a standard one (in its key or label) as it. */
export function asAccessoryKeys(names: readonly string[]): string[] {
  const key = (n: string) =>
    STANDARD.find((k) =>
      [k, label('accessory', k)].some((x) => x.toLowerCase() === n.trim().toLowerCase()),
    ) ?? n.trim();
  return [...new Set(names.map(key).filter(Boolean))];
}

interface Props {
  id: string;
  legend: string;
  /** The accessories listed, in order. */
  options: readonly string[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  /** Lending: a "something else" box with a field for what it is. */
  other?: { value: string; onChange: (value: string) => void };
}

/** A checklist of accessories. */
export function Accessories({ id, legend, options, checked, onChange, other }: Props) {
  const [otherOn, setOtherOn] = useState(!!other?.value);
  const toggle = (a: string, on: boolean) => onChange(on ? [...checked, a] : checked.filter((x) => x !== a));
  return (
    <fieldset class="checks" id={id}>
      <legend>{legend}</legend>
      {options.map((a) => (
        <label key={a} class="check">
          <input
            type="checkbox"
            checked={checked.includes(a)}
            onChange={(e) => toggle(a, e.currentTarget.checked)}
          />
          {accessoryLabel(a)}
        </label>
      ))}
      {other && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={otherOn}
              onChange={(e) => {
                setOtherOn(e.currentTarget.checked);
                if (!e.currentTarget.checked) other.onChange('');
              }}
            />
            {t('loans.otherAccessory')}
          </label>
          {otherOn && (
            <Field id={`${id}-other`} label={t('loans.otherAccessoryName')}>
              <input
                {...fieldAria(`${id}-other`)}
                maxLength={200}
                value={other.value}
                onInput={(e) => other.onChange(e.currentTarget.value)}
              />
            </Field>
          )}
        </>
      )}
    </fieldset>
  );
}

/** What went out and did not come back, labelled (empty when all did). */
export function missingAccessories(out: readonly string[], back: readonly string[]): string {
  return out
    .filter((a) => !back.includes(a))
    .map(accessoryLabel)
    .join(', ');
}
