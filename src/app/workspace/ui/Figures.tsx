// Key figures as a grid of numbers with their labels (`dl.ws-figures`): as many per row as the
// width allows, so ten figures take two rows on a laptop instead of a long column.
export interface Figure {
  label: string;
  value: string | number;
}

/** The figures of a page, each a label (dt) and its value (dd). */
export function Figures({ items }: { items: readonly Figure[] }) {
  return (
    <dl class="ws-figures">
      {items.map((f) => (
        <div class="ws-figure" key={f.label}>
          <dt>{f.label}</dt>
          <dd class="ws-figure-value">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
