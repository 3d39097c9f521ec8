// The one module the UI uses to reach the service worker (squoosh's "sw-bridge"). Ships in the
// first load, so it is tiny: workbox-window itself is imported lazily, after the first paint.
// Registration is skipped in dev and tests (import.meta.env.DEV) and where there is no
// service worker support; every function is then a harmless no-op.
import type { Workbox } from 'workbox-window';

type Listener = () => void;

let workbox: Workbox | undefined;
let updateWaiting = false;
const listeners = new Set<Listener>();

function notifyUpdate(): void {
  updateWaiting = true;
  for (const cb of listeners) cb();
}

/** Registers /sw.js once (production only); resolves when registration was attempted. */
export async function registerServiceWorker(): Promise<void> {
  if (workbox || import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return;
  }
  const { Workbox: WorkboxClass } = await import('workbox-window');
  workbox = new WorkboxClass('/sw.js', { scope: '/', type: 'classic' });
  // Fires for a new version installed while this page runs, and for one already waiting
  // from an earlier visit. Not fired on the very first install (nothing to replace).
  workbox.addEventListener('waiting', notifyUpdate);
  try {
    await workbox.register();
  } catch (error) {
    console.warn('Service worker registration failed; the app will not work offline.', error);
  }
}

/** Calls `cb` when a new version is waiting (at once if one already is); returns unsubscribe. */
export function onUpdateReady(cb: Listener): () => void {
  listeners.add(cb);
  if (updateWaiting) cb();
  return () => {
    listeners.delete(cb);
  };
}

/** Activates the waiting version and reloads the page once it controls it. */
export function applyUpdate(): void {
  if (!workbox || !updateWaiting) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}
