// The Digitafel service worker: event handlers only (squoosh style). It keeps the app shell
// available offline, answers navigations with the precached index.html, takes a new version
// only when the page asks for it (registerType 'prompt'), and runs the sync engine when
// Chromium fires a Background Sync event. It has no UI and reaches no UI code.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BACKGROUND_SYNC_TAG, syncNow, type SyncReport } from '../src/sync/index';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync event (Chromium only; not in TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Paths the shell must never answer: the API, and anything that looks like a file, so that a
// missing asset is a real 404 instead of index.html served with status 200.
const NOT_THE_SHELL = [/^\/api\//, /^[^?]*\/[^/?]+\.[a-z0-9]+(?:\?.*)?$/i];

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Take the open pages at activation. On the first install that makes the first visit work
// offline without a reload; an update only activates after the user accepted it.
clientsClaim();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_THE_SHELL }));

// Update handshake: a waiting worker activates only when the page says the user accepted.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

/** Rejects when the server could not be reached, so that the browser retries the sync later. */
async function syncOrRetry(): Promise<void> {
  const report: SyncReport = await syncNow();
  const error = report.error;
  if (
    !report.ok &&
    error &&
    (error.code === 'network' || error.code === 'rate_limited' || (error.status ?? 0) >= 500)
  ) {
    throw new Error(`sync failed (${error.code}); the browser will retry`);
  }
}

// Background Sync: the browser wakes the worker when connectivity returns, even with no tab
// open (the app registers the tag, src/sync/triggers.ts). A rejected promise makes the
// browser retry later with its own backoff; other failures wait for the user.
self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag === BACKGROUND_SYNC_TAG) sync.waitUntil(syncOrRetry());
});
