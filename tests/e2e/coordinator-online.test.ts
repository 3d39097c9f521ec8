// The coordinator workspace is online-only (issue 4): its chunks are never precached, so a
// volunteer's phone never downloads them. A coordinator's deep link into it still works once
// the service worker controls the page: index.html comes from the precache (navigation
// fallback) and the workspace's chunks, chart.js included, from the network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Response } from 'playwright-core';
import { en as coordinatorEn } from '../../src/shared/i18n/coordinator/en';
import { appParts, distFiles, readDistText } from '../dist/dist';
import { signIn } from './flows';
import {
  api,
  cachedPaths,
  launchChromium,
  newPhone,
  recordErrors,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
} from './harness';

let server: TestServer;
let browser: Browser;
let laptop: BrowserContext;
const account = {
  email: 'second-coordinator@e2e.test',
  name: 'Coordinator Two',
  password: 'vuurtoren koffie mandarijn',
};
const { coordinator: coordinatorFiles } = appParts();
/** The built chunk that carries chart.js (its error message survives minification). */
const chartChunk = distFiles().find((f) =>
  readDistText(f).includes("can't acquire context from the given item"),
);

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  const org = await seedOrg(server.url);
  await api(server.url, '/users', {
    token: org.coordinator.session.token,
    body: { ...account, role: 'coordinator' },
    expect: 201,
  });
  laptop = await newPhone(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('coordinator workspace', () => {
  it('is not in the cache of a service worker that controls the page', async () => {
    const page = await laptop.newPage();
    await signIn(page, account.email, account.password);
    await waitForServiceWorkerControl(page);
    const cached = await cachedPaths(page);
    expect(cached).toContain('/index.html');
    expect(cached.filter((u) => coordinatorFiles.has(u.slice(1)))).toEqual([]);
    await page.close();
  });

  it('opens from a deep link: the shell from the precache, its chunks from the network', async () => {
    expect(chartChunk && coordinatorFiles.has(chartChunk), 'chart.js is a coordinator chunk').toBe(true);
    const page = await laptop.newPage();
    const errors = recordErrors(page);
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    // The dashboard fetches its chart code once its figures are in: wait for that response
    // (network idle can come first on a loaded machine, while the page is busy, not waiting).
    const chart = page.waitForResponse((r) => new URL(r.url()).pathname.slice(1) === chartChunk, {
      timeout: 300_000,
    });
    const navigation = await page.goto('/#/review/dashboard');
    expect(navigation?.fromServiceWorker()).toBe(true);
    await page.getByRole('navigation', { name: coordinatorEn['nav.label'], exact: true }).waitFor();
    await chart;
    await page.waitForLoadState('networkidle');
    const coordinatorResponses = responses.filter((r) =>
      coordinatorFiles.has(new URL(r.url()).pathname.slice(1)),
    );
    const paths = coordinatorResponses.map((r) => new URL(r.url()).pathname.slice(1));
    expect(paths).toContain(chartChunk);
    for (const r of coordinatorResponses) {
      expect(r.ok(), r.url()).toBe(true);
      expect(r.fromServiceWorker(), `${r.url()} from the service worker`).toBe(false);
    }
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
