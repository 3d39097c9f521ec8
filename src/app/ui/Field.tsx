// A labelled form field with its hint and its validation error right below the control, tied
// together with aria-describedby so a screen reader reads the error with the field.
import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}

/** The aria attributes a control inside a Field needs. */
export function fieldAria(id: string, error?: string, hint?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

/** Label, control (children, carrying `fieldAria(id, ...)`), hint and error. */
export function Field({ id, label, hint, error, children }: Props) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ErrorProps {
  id: string;
  error?: string | undefined;
}

/** The error line of a group of controls (a fieldset), or nothing. */
export function FieldError({ id, error }: ErrorProps) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error" role="alert">
      {error}
    </p>
  );
}
