// What the Chromium benchmarks share: the real server over dist/ (tests/e2e/server.ts) with a
// seeded organisation, Debian's Chromium (tests/e2e/browser.ts), and "bench pages": a page on
// a server's origin (a plain API response, so the app itself does not boot) with a bench-only
// bundle of our modules (page-bundle.ts) injected, driven through page.evaluate.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type * as LocalSync from './page/local-sync';
import { launchChromium, newPhone, seedOrg, TestServer, type SeededOrg } from '../e2e/harness';
import { pageBundle } from './page-bundle';

/** The modules the local-sync bundle exposes as `window.DigitafelBench`. */
export type BenchModules = typeof LocalSync;
export const BENCH_GLOBAL = 'DigitafelBench';

export interface BenchServer {
  server: TestServer;
  org: SeededOrg;
}

/** Runs `fn` with a launched Chromium, closed afterwards. */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Runs `fn` with the real server over dist/ and a seeded organisation, disposed afterwards. */
export async function withServer<T>(fn: (s: BenchServer) => Promise<T>): Promise<T> {
  const server = await TestServer.launch();
  try {
    return await fn({ server, org: await seedOrg(server.url) });
  } finally {
    await server.dispose();
  }
}

/**
 * A new context with one page on `origin` (an API URL answering 401, so no app and no service
 * worker) into which the bundle `entry` is injected as `window[globalName]`.
 */
export async function benchPage(
  browser: Browser,
  origin: string,
  entry: 'local-sync' | 'pouchdb' | null = 'local-sync',
  globalName = BENCH_GLOBAL,
  path = '/api/v1/me',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhone(browser, origin, { bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  // tsx names inner functions with a `__name` helper; functions sent to page.evaluate need it.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  if (entry) await page.addScriptTag({ content: await pageBundle(entry, globalName) });
  return { context, page };
}
