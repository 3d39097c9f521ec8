// Chips: a row of big toggle buttons for picking one value (channel, outcome) or several
// (topics). Buttons with aria-pressed, inside a fieldset whose legend names the group.
import type { ComponentChildren } from 'preact';
import { FieldError } from './Field';

export interface ChipOption {
  value: string;
  label: string;
}

interface Props {
  id: string;
  legend: string;
  options: readonly ChipOption[];
  /** Selected values (one at most when not `multiple`). */
  selected: readonly string[];
  multiple?: boolean;
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  /** Extra content after the chips (e.g. a "more" button). */
  children?: ComponentChildren;
}

/** A group of toggle chips; single choice unless `multiple`. */
export function ChipGroup({ id, legend, options, selected, multiple, onChange, error, children }: Props) {
  const toggle = (value: string) => {
    const on = selected.includes(value);
    if (multiple) onChange(on ? selected.filter((v) => v !== value) : [...selected, value]);
    else onChange(on ? [] : [value]);
  };
  return (
    <fieldset
      class={`chips${error ? ' field-invalid' : ''}`}
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div class="chip-row">
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            class="chip"
            aria-pressed={selected.includes(o.value)}
            onClick={() => toggle(o.value)}
          >
            {o.label}
          </button>
        ))}
        {children}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
