// Shared set-up of the component tests: a fresh, uniquely named local database per test, a
// signed-in session, the English (or another) catalogue, and rendering the whole App at a route.
import { render } from '@testing-library/preact';
import { openDb, type DigitafelDb } from '../../src/local';
import { setLanguage, type Lang } from '../../src/shared/i18n';
import { setSession } from '../../src/sync';
import { App } from '../../src/app/App';
import { refreshSession } from '../../src/app/session';

let n = 0;

/** A fresh database made active for the local store, a session in it, and the language. */
export async function freshPhone(lang: Lang = 'en'): Promise<DigitafelDb> {
  const db = openDb(`component-${Date.now()}-${n++}`);
  await setSession({
    token: 'test-token',
    deviceId: 'device-1',
    user: { id: 'user-1', email: 'vol@example.org', name: 'Vol', role: 'volunteer', orgId: 'org-1' },
  });
  await refreshSession();
  await setLanguage(lang);
  return db;
}

/** Renders the whole app at `hash` ("#/help/new"). */
export function renderApp(hash = '#/') {
  window.location.hash = hash;
  return render(<App />);
}
