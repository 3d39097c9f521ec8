// The entry point. SHIPS IN THE FIRST LOAD: keep it tiny. It paints the shell at once, then
// loads the UI language's catalogue and the app chunk, and renders the first screen (Home's
// actions, or sign-in on a new phone). index.html preloads
// the app chunk and its imports (vite.config.ts preloadApp), so they download while this
// module runs; the language comes from localStorage, not IndexedDB (settings/language.ts).
// When the last start found someone signed in (a localStorage hint, session.ts), the shell
// shows Home's actions as soon as the catalogue is in; the app chunk, Home and the local
// database (Dexie) load after them. Without the hint the app chunk, which carries neither
// Dexie nor zod, renders sign-in at once and reads the stored session in the background. The
// sync engine, the API client and the record schemas, and the service worker's
// workbox-window, load only after the first screen is on display (all of them precached by
// the service worker). No coordinator code here.
// tests/dist/budget.test.ts measures what this path downloads in Chromium.
import { render } from 'preact';
import { getLanguage, setLanguage, t } from '../shared/i18n';
import { registerServiceWorker } from './pwa/bridge';
import { initialLanguage, startLanguage } from './settings/language';
import './ui/app.css';
import type { App as AppComponent } from './App';

/** Same key as SIGNED_IN_HINT in session.ts (not imported: that module belongs to the app chunk). */
const SIGNED_IN_HINT = 'digitafel.signedIn';

/** Whether the last session read on this phone found someone signed in. */
function signedInHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
}

/**
 * Home's actions as the shell: working buttons (they change the route like Home's) shown as
 * soon as the catalogue is in, while the app chunk and the local database are still loading.
 * App then renders the full Home over it.
 */
function ShellHome() {
  const go = (path: string) => () => {
    window.location.hash = `#${path}`;
  };
  return (
    <main class="screen home">
      <h1 class="app-title">Digitafel</h1>
      <nav class="actions" aria-label={t('home.actions')}>
        <button type="button" class="btn btn-big" onClick={go('/help/new')}>
          {t('home.newHelp')}
        </button>
        <button type="button" class="btn btn-big" onClick={go('/permanence')}>
          {t('home.permanence')}
        </button>
        <button type="button" class="btn btn-big" onClick={go('/loans')}>
          {t('home.loans')}
        </button>
      </nav>
      <p class="loading" aria-busy="true">
        …
      </p>
    </main>
  );
}

async function start(): Promise<void> {
  const lang = startLanguage();
  const catalogue = setLanguage(lang);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  render(
    <main class="screen">
      <h1 class="app-title">Digitafel</h1>
      <p class="loading" aria-busy="true">
        …
      </p>
    </main>,
    root,
  );
  const hint = signedInHint();
  let App: typeof AppComponent;
  let afterRender: (() => void) | undefined;
  if (hint && /^#?\/?$/.test(window.location.hash)) {
    // Home's actions first, from the entry and the catalogue alone; the app chunk, Home and the
    // local database download after they show (from the precache on an installed phone).
    await catalogue;
    render(<ShellHome />, root);
    const app = await import('./App');
    await app.loadSession();
    App = app.App;
  } else {
    // Sign-in on a new phone (or another route): the app chunk carries no Dexie, so it comes
    // with the catalogue; the stored session is read in the background (session.ts).
    const [app] = await Promise.all([import('./App'), catalogue]);
    if (hint) await app.loadSession();
    else afterRender = app.startSignedOut();
    App = app.App;
  }
  render(<App />, root);
  // The first screen is in the DOM now; what follows is not needed to show it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  afterRender?.();
  // A choice stored before localStorage mirrored it: switch to it (once; it is mirrored now).
  void initialLanguage().then((stored) => {
    if (stored !== lang && getLanguage() === lang) void setLanguage(stored);
  });
  void registerServiceWorker();
  const { startAppSync } = await import('./sync-start');
  startAppSync();
}

void start();
