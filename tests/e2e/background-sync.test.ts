// Background Sync in the service worker: a help request saved offline is sent by the worker
// alone, with every tab of the app closed. Chromium fires the `digitafel-sync` event when it
// thinks connectivity is back; the test fires it through the DevTools protocol (what the
// "Background services > Sync" panel does), after the server is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  countStore,
  launchChromium,
  newPhone,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
} from './harness';
import { recordHelpRequest, signIn } from './flows';

interface RegistrationsEvent {
  registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }>;
}

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  phone = await newPhone(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('Background Sync', () => {
  it('sends a record saved offline from the service worker with no tab open', async () => {
    const org = await seedOrg(server.url);
    const page = await phone.newPage();
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);
    await expect.poll(() => countStore(page, 'equipment'), { timeout: 30_000 }).toBeGreaterThan(0);

    await server.stop();
    await phone.setOffline(true);
    await recordHelpRequest(page);
    await page.close();
    await phone.setOffline(false);
    await server.start();
    expect(await org.coordinator.records('help_requests')).toHaveLength(0);

    // A blank tab, not the app: only the worker can send the record now.
    const blank = await phone.newPage();
    const cdp = await phone.newCDPSession(blank);
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: RegistrationsEvent) => {
        const found = e.registrations.find((r) => r.scopeURL === `${server.url}/` && !r.isDeleted);
        if (found) resolve(found.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: server.url,
      registrationId,
      tag: 'digitafel-sync',
      lastChance: false,
    });
    await expect
      .poll(async () => (await org.coordinator.records('help_requests')).length, { timeout: 30_000 })
      .toBe(1);
  });
});
