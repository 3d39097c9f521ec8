// The head of every workspace page: its h1 (named by `id`, for the section's aria-labelledby),
// an optional line under it, and the page's actions on the right (wrapping on narrow windows).
import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  title: string;
  /** A line under the title (a count, the period shown...). */
  sub?: ComponentChildren;
  /** Buttons and links of the page (print, add, download...). */
  actions?: ComponentChildren;
}

/** `<header class="ws-head">` with the page's title and actions. */
export function PageHeader({ id, title, sub, actions }: Props) {
  return (
    <header class="ws-head">
      <div>
        <h1 id={id}>{title}</h1>
        {sub !== undefined && <p class="ws-head-sub">{sub}</p>}
      </div>
      {actions !== undefined && <div class="ws-actions no-print">{actions}</div>}
    </header>
  );
}
