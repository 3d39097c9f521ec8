// Debian's Chromium driven by playwright-core (playwright's own browsers cannot be downloaded
// here). Each "phone" is one browser context: its IndexedDB and service worker live as long as
// the context, so a test can close a tab and open a new one and find its data again.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches headless Chromium; throws when it is not installed (never skips). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

/** A new phone: a context with a small touch viewport, English UI and Brussels time. */
export function newPhone(
  browser: Browser,
  baseURL: string,
  options: { bypassCSP?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    serviceWorkers: 'allow',
    ...options,
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
  });
}

/** A coordinator's laptop: a desktop-sized context that accepts downloads. */
export function newLaptop(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    serviceWorkers: 'allow',
    acceptDownloads: true,
    bypassCSP: true, // axe-core is injected as an inline script
  });
}

/** Collects page errors and console errors of a page, for failure messages. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Waits until an activated service worker (its precache complete) controls the page. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  // A synchronous predicate: an async one would return a (truthy) promise at once.
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
    timeout: 30_000,
    polling: 250,
  });
}

/** Number of rows in an object store of the app's IndexedDB database (0 when absent). */
export function countStore(page: Page, store: string, dbName = 'digitafel'): Promise<number> {
  return page.evaluate(
    ({ store, dbName }) =>
      new Promise<number>((resolve, reject) => {
        const countIn = () => {
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(store)) {
              db.close();
              resolve(0);
              return;
            }
            const count = db.transaction(store).objectStore(store).count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
            count.onerror = () => reject(count.error);
          };
        };
        // Opening a database that does not exist would create it at version 1: check first.
        void indexedDB.databases().then((dbs) => {
          if (!dbs.some((d) => d.name === dbName)) resolve(0);
          else countIn();
        }, reject);
      }),
    { store, dbName },
  );
}

/** The paths of every request in the page's Cache Storage (the service worker's precache). */
export function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
}

/** Every row of an object store of the app's IndexedDB database (raw IndexedDB, no app code). */
export function readStore<T = Record<string, unknown>>(
  page: Page,
  store: string,
  dbName = 'digitafel',
): Promise<T[]> {
  return page.evaluate(
    ({ store, dbName }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    { store, dbName },
  );
}
