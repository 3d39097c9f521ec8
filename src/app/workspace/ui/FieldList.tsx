// Labelled values that read like a filled-in form (`dl.ws-fields`): the label on the left, the
// value in words on the right. An empty value shows as a dash, so every label keeps its line.
import type { ComponentChildren } from 'preact';
import { ct } from '../i18n';

export interface LabelledValue {
  label: string;
  value: ComponentChildren;
}

/** A definition list of labelled values. */
export function FieldList({ items }: { items: readonly LabelledValue[] }) {
  return (
    <dl class="ws-fields">
      {items.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>
            {f.value === '' || f.value === null || f.value === undefined ? ct('common.empty') : f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
