// The offline app shell in real Chromium against the real server: the service worker takes
// control on the first visit, precaches the shell, answers navigations with it when the server
// is gone, and never answers a missing file or an API call with index.html.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  cachedPaths,
  launchChromium,
  newPhone,
  recordErrors,
  TestServer,
  waitForServiceWorkerControl,
} from './harness';

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let errors: string[];

const appRendered = (p: Page) => p.waitForSelector('#app > *', { timeout: 15_000 });

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  phone = await newPhone(browser, server.url);
  page = await phone.newPage();
  errors = recordErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('app shell', () => {
  it('is controlled by the service worker on the first visit and precaches the shell', async () => {
    await page.goto('/');
    await appRendered(page);
    await waitForServiceWorkerControl(page);
    const cached = await cachedPaths(page);
    expect(cached).toContain('/index.html');
    expect(cached).toContain('/manifest.webmanifest');
    expect(cached.some((u) => /^\/assets\/.+\.js$/.test(u))).toBe(true);
  });

  it('has a manifest Chromium reads without errors: installable, with its id, shortcuts and screenshots', async () => {
    await page.goto('/');
    await appRendered(page);
    await waitForServiceWorkerControl(page);
    const cdp = await phone.newCDPSession(page);
    try {
      const read = await cdp.send('Page.getAppManifest');
      expect(read.url).toBe(`${server.url}/manifest.webmanifest`);
      expect(read.errors).toEqual([]);
      expect(read.manifest?.id).toBe(`${server.url}/`);
      expect(read.manifest?.shortcuts?.map((s) => s.url)).toEqual([
        `${server.url}/#/help/new`,
        `${server.url}/#/permanence`,
      ]);
      expect(read.manifest?.screenshots?.map((s) => s.formFactor).sort()).toEqual([
        'kNarrow',
        'kNarrow',
        'kWide',
      ]);
      // A test browser context is incognito, which alone keeps Chromium from offering to install.
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    } finally {
      await cdp.detach();
    }
  });

  it('lets a missing asset be a real 404 and API calls reach the server', async () => {
    const result = await page.evaluate(async () => {
      const asset = await fetch('/assets/does-not-exist-1234.js');
      const api = await fetch('/api/v1/me');
      return {
        asset: asset.status,
        assetType: asset.headers.get('content-type') ?? '',
        api: api.status,
        apiType: api.headers.get('content-type') ?? '',
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(result.controlled).toBe(true);
    expect(result.asset).toBe(404);
    expect(result.assetType).not.toContain('text/html');
    expect(result.api).toBe(401);
    expect(result.apiType).toContain('application/json');
    const navigation = await page.goto('/icons/missing-icon.png');
    expect(navigation?.status()).toBe(404);
  });

  it('serves sw.js and index.html no-cache and hashed assets immutable', async () => {
    const header = async (path: string) =>
      (await fetch(`${server.url}${path}`)).headers.get('cache-control') ?? '';
    expect(await header('/sw.js')).toContain('no-cache');
    expect(await header('/')).toContain('no-cache');
    expect(await header('/index.html')).toContain('no-cache');
    const html = await (await fetch(`${server.url}/`)).text();
    const entry = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(await header(entry ?? '')).toMatch(/immutable/);
  });

  it('reloads and opens deep links from the precache when the server is down', async () => {
    await page.goto('/');
    await appRendered(page);
    await server.stop();
    await phone.setOffline(true);
    try {
      await page.reload();
      await appRendered(page);
      await page.goto('/some/deep/link');
      await appRendered(page);
      expect(await page.title()).toBe('Digitafel');
      // A file-like path is never answered with the shell, even offline.
      await expect(page.goto('/assets/gone-5678.js')).rejects.toThrow();
    } finally {
      await phone.setOffline(false);
      await server.start();
    }
    const online = await page.goto('/');
    expect(online?.ok()).toBe(true);
    await appRendered(page);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
