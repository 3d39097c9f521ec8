// One labelled form control with its hint and its error message right under it. The label is
// not wrapped around the control, so the control's name is the label only; the error is tied to
// the control with aria-describedby and aria-invalid, and announced when it appears.
import type { JSX } from 'preact';

export interface ControlAttrs {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (attrs: ControlAttrs) => JSX.Element;
}

/** A label, the control made by `children(attrs)`, an optional hint and error. */
export function Field({ id, label, error, hint, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <p class="field-error" id={errorId} role="alert">
        {error ?? ''}
      </p>
    </div>
  );
}
