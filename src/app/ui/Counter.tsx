// A big counter for one-handed counting during a permanence: the number, a large +1 and a
// smaller -1 (to undo a wrong tap). The number is announced politely when it changes.
interface Props {
  id: string;
  label: string;
  value: number;
  plusLabel: string;
  minusLabel: string;
  onChange: (delta: 1 | -1) => void;
  disabled?: boolean;
  /** -1 unavailable (default: while the value is 0). */
  minusDisabled?: boolean | undefined;
  /** A line under the number (a shared session: what this phone counted). */
  hint?: string | undefined;
}

/** A labelled count with +1 and -1 buttons. */
export function Counter({
  id,
  label,
  value,
  plusLabel,
  minusLabel,
  onChange,
  disabled,
  minusDisabled,
  hint,
}: Props) {
  return (
    <section class="counter" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`}>{label}</h3>
      <output class="counter-value" aria-live="polite" aria-labelledby={`${id}-label`}>
        {value}
      </output>
      {hint && <p class="counter-hint">{hint}</p>}
      <div class="counter-buttons">
        <button
          type="button"
          class="btn btn-secondary"
          disabled={disabled || (minusDisabled ?? value <= 0)}
          onClick={() => onChange(-1)}
        >
          {minusLabel}
        </button>
        <button type="button" class="btn btn-big" disabled={disabled} onClick={() => onChange(1)}>
          {plusLabel}
        </button>
      </div>
    </section>
  );
}
