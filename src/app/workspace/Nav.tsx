// The coordinator workspace's navigation (hidden when printing).
import { ct } from './i18n';

export const PAGES = [
  'inbox',
  'conflicts',
  'loans',
  'equipment',
  'people',
  'reference',
  'fiches',
  'dashboard',
  'exports',
  'report',
  'privacy',
] as const;
export type PageName = (typeof PAGES)[number];

/** The section links, the current one marked for assistive technology. */
export function Nav({ current }: { current: PageName | undefined }) {
  return (
    <nav class="review-nav no-print" aria-label={ct('nav.label')}>
      <p class="review-brand">{ct('app.title')}</p>
      <ul>
        {PAGES.map((p) => (
          <li key={p}>
            <a href={`#/review/${p}`} aria-current={current === p ? 'page' : undefined}>
              {ct(`nav.${p}`)}
            </a>
          </li>
        ))}
        <li>
          <a href="#/">Digitafel</a>
        </li>
      </ul>
    </nav>
  );
}
