// Who is signed in on this phone, for the UI: a small store over the sync engine's session
// (kept in the local database) so every screen re-renders on sign-in and sign-out. The only
// app module that talks to src/sync about sessions. Ships in the first load without the local
// database: Dexie and src/sync/session.ts come in `session-store.ts`, loaded when a session is
// read or stored, so the sign-in screen of a new phone shows before Dexie has downloaded
// (tests/dist/budget.test.ts). The sync engine, the API client and the zod schemas load later.
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../shared/api';
import type { StoreOptions } from '../sync/session';

const store = () => import('./session-store');

/** undefined: not known yet; null: nobody signed in. */
let current: Session | null | undefined;
const listeners = new Set<() => void>();

/**
 * localStorage key of a hint (no token, no name) that someone is signed in on this phone: the
 * entry (main.tsx) then shows Home's actions before the local database has opened.
 */
export const SIGNED_IN_HINT = 'digitafel.signedIn';

function emit(): void {
  try {
    if (current) globalThis.localStorage?.setItem(SIGNED_IN_HINT, '1');
    else if (current === null) globalThis.localStorage?.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage refused: the entry shows its plain shell until the session is read.
  }
  for (const cb of listeners) cb();
}

/** Reads the stored session again (after start, or when the engine may have dropped it). */
export async function refreshSession(): Promise<Session | null> {
  const { readSessionNow } = await store();
  current = (await readSessionNow()) ?? null;
  emit();
  return current;
}

/** Stores a session from sign-in or enrolment and shows the app. */
export async function signedIn(session: Session, opts?: StoreOptions): Promise<void> {
  const { storeSessionNow } = await store();
  await storeSessionNow(session, opts);
  current = session;
  emit();
  void import('./sync-start').then((m) => m.appSyncNow()).catch(() => undefined);
}

/**
 * Forgets the session on this phone. Unsent records stay (they sync after the next sign-in);
 * when there are none, the synced records and reference data are forgotten too.
 */
export async function signOut(): Promise<{ cleared: boolean }> {
  const { forgetSessionNow } = await store();
  const result = await forgetSessionNow();
  current = null;
  emit();
  return result;
}

/**
 * Starts the app on a phone where nobody was signed in at the last start (no hint): the
 * sign-in screen shows at once. The caller reads the stored session (`refreshSession`) once
 * the screen is on display, in case the hint was lost (then Home replaces sign-in).
 */
export function assumeSignedOut(): void {
  if (current === undefined) current = null;
}

/** The session (null when signed out, undefined while loading); re-renders on change. */
export function useSession(): Session | null | undefined {
  const [s, setS] = useState(current);
  useEffect(() => {
    const cb = () => setS(current);
    listeners.add(cb);
    if (current === undefined) void refreshSession();
    else cb();
    return () => {
      listeners.delete(cb);
    };
  }, []);
  return s;
}

/** A short label for this install, shown to coordinators in the device list. */
export function deviceLabel(): string {
  const ua = globalThis.navigator?.userAgent ?? '';
  const os = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac/.test(ua)
          ? 'Mac'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'Browser';
  return `Digitafel app (${os})`;
}
