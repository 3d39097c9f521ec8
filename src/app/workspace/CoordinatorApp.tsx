// The coordinator workspace: a lazy chunk reached from the router at `#/review/...` for
// coordinators and admins only, so volunteers' phones never download it. It has its own small
// sub-router, navigation and catalogue (i18n.ts), and pulls in Chart.js and qrcode only here.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { safeDecode } from '../router';
import { useSession } from '../session';
import { ct } from './i18n';
import { Nav, PAGES, type PageName } from './Nav';
import './workspace.css';

type Loader = () => Promise<ComponentType<{ args: string[] }>>;

const pages: Record<
  PageName | 'record' | 'labels' | 'asset' | 'security' | 'info-sheet' | 'borrower',
  Loader
> = {
  inbox: () => import('./inbox/Inbox').then((m) => m.Inbox),
  record: () => import('./record/RecordView').then((m) => m.RecordView),
  conflicts: () => import('./conflicts/Conflicts').then((m) => m.Conflicts),
  loans: () => import('./equipment/OpenLoans').then((m) => m.OpenLoans),
  equipment: () => import('./equipment/Inventory').then((m) => m.Inventory),
  labels: () => import('./equipment/Labels').then((m) => m.Labels),
  asset: () => import('./equipment/AssetPage').then((m) => m.AssetPage),
  people: () => import('./people/People').then((m) => m.People),
  security: () => import('./people/SecurityLog').then((m) => m.SecurityLog),
  reference: () => import('./reference/Reference').then((m) => m.Reference),
  fiches: () => import('./fiches/Fiches').then((m) => m.Fiches),
  dashboard: () => import('./dashboard/Dashboard').then((m) => m.Dashboard),
  exports: () => import('./exports/Exports').then((m) => m.Exports),
  report: () => import('./dashboard/FunderReport').then((m) => m.FunderReport),
  privacy: () => import('./privacy/DataProtection').then((m) => m.DataProtection),
  'info-sheet': () => import('./privacy/InfoSheet').then((m) => m.InfoSheet),
  borrower: () => import('./privacy/BorrowerData').then((m) => m.BorrowerData),
};

/** The sub-path after `#/review/`, split ("record/help_requests/<id>" -> [...]). */
function subPath(): string[] {
  const path = window.location.hash.replace(/^#\/review\/?/, '').split('?')[0] ?? '';
  // A malformed escape stays as typed (the page then finds nothing) instead of crashing.
  return path
    .split('/')
    .filter(Boolean)
    .map((p) => safeDecode(p) ?? p);
}

/** The page component of the current hash, loaded on demand. */
function usePage(): { name: string; Page: ComponentType<{ args: string[] }> | undefined; args: string[] } {
  const [parts, setParts] = useState(subPath);
  // The loaded component with the page it belongs to: right after the hash changes, the previous
  // page's component must not render with the new page's arguments (it would load "/records//").
  const [loaded, setLoaded] = useState<{ name: string; Page: ComponentType<{ args: string[] }> }>();
  useEffect(() => {
    const on = () => setParts(subPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const name = parts[0] && parts[0] in pages ? parts[0] : 'inbox';
  useEffect(() => {
    let live = true;
    void pages[name as keyof typeof pages]().then((Page) => live && setLoaded({ name, Page }));
    return () => {
      live = false;
    };
  }, [name]);
  return { name, Page: loaded?.name === name ? loaded.Page : undefined, args: parts.slice(1) };
}

/** The coordinator workspace (default export for `lazy(() => import(...))`). */
export function CoordinatorApp() {
  const session = useSession();
  const { name, Page, args } = usePage();
  if (session && session.user.role === 'volunteer') {
    return (
      <main class="review">
        <p role="alert">{ct('app.forbidden')}</p>
      </main>
    );
  }
  // An item's page and the label sheet belong to Equipment in the menu, the security log to People,
  // the information sheet and a borrower's data to Data protection.
  const section =
    name === 'asset' || name === 'labels'
      ? 'equipment'
      : name === 'security'
        ? 'people'
        : name === 'info-sheet' || name === 'borrower'
          ? 'privacy'
          : name;
  const current = (PAGES as readonly string[]).includes(section) ? (section as PageName) : undefined;
  return (
    <div class="review">
      <Nav current={current} />
      <main class="review-main">
        {Page ? (
          <Page args={args} />
        ) : (
          <p class="loading" aria-live="polite">
            {ct('common.loading')}
          </p>
        )}
      </main>
    </div>
  );
}

export default CoordinatorApp;
