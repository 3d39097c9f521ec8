// A full phone: the next IndexedDB write transaction of the page aborts with QuotaExceededError
// the way Chromium's commit-time quota check does (the transaction's `error` is the
// QuotaExceededError and it aborts; Dexie wraps that in an AbortError). CDP's
// Storage.overrideQuotaForOrigin would be the natural tool, but this Chromium (156) accepts it
// on a page session without enforcing it, and refuses it on the browser session, so the abort
// is injected at IDBDatabase.transaction instead. The volunteer gets the translated message,
// the form keeps what was typed, nothing already saved is lost, and once space is back the same
// form saves and everything syncs exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  countStore,
  launchChromium,
  newPhone,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
} from './harness';
import { gotoRoute, homeActions, msg, recordHelpRequest, signIn, syncUntilEmpty } from './flows';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  const phone = await newPhone(browser, server.url);
  await phone.addInitScript(quotaFault);
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/**
 * Installed in every document before the app runs (Dexie keeps the IDB functions it finds at
 * open): while `window.quotaFull` is set, every transaction that writes the outbox accepts its
 * writes and then fails at commit with QuotaExceededError, as Chromium does on a full disk.
 */
function quotaFault(): void {
  const w = window as unknown as { quotaFull?: boolean };
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
    const tx = open.apply(this, args);
    const names = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
    if (w.quotaFull && args[1] === 'readwrite' && names.includes('outbox')) {
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      Object.defineProperty(tx, 'error', { get: () => error });
      const store = tx.objectStore('outbox');
      const add = store.add.bind(store);
      store.add = (...a: Parameters<IDBObjectStore['add']>) => {
        const req = add(...a);
        req.addEventListener('success', () => tx.abort());
        return req;
      };
    }
    return tx;
  };
}

const fillStorage = (p: Page, full: boolean) =>
  p.evaluate((full) => void ((window as unknown as { quotaFull?: boolean }).quotaFull = full), full);

describe('storage quota', () => {
  it('shows a clear message on a full quota and loses nothing already saved', async () => {
    const org = await seedOrg(server.url);
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);
    await server.stop(); // keep the saved records unsent
    await recordHelpRequest(page);
    await recordHelpRequest(page);
    expect(await countStore(page, 'help_requests')).toBe(2);

    await fillStorage(page, true);
    await gotoRoute(page, '#/');
    await homeActions(page).click();
    await page.getByRole('button', { name: msg('topic.phishing'), exact: true }).click();
    await page.getByRole('button', { name: msg('outcome.referred'), exact: true }).click();
    await page.getByRole('button', { name: msg('common.save'), exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: msg('error.storage_full') });
    await alert.waitFor({ timeout: 15_000 });
    console.log(`quota: refused save shows "${await alert.textContent()}"`);
    expect(await countStore(page, 'help_requests')).toBe(2);
    expect(await countStore(page, 'outbox')).toBe(2);
    await fillStorage(page, false);
    await page.getByRole('button', { name: msg('common.save'), exact: true }).click();
    await homeActions(page).waitFor({ timeout: 15_000 });
    expect(await countStore(page, 'help_requests')).toBe(3);
    expect(await countStore(page, 'outbox')).toBe(3);

    await server.start();
    await syncUntilEmpty(page, 60_000);
    const onServer = await org.coordinator.records('help_requests');
    expect(onServer).toHaveLength(3);
    expect(onServer.filter((r) => r.version !== 1)).toEqual([]);
    // The retried save is the input the volunteer had typed before the refusal.
    expect(onServer.map((r) => r.outcome).sort()).toEqual(['referred', 'solved', 'solved']);
    expect(onServer.find((r) => r.outcome === 'referred')?.topics).toEqual(['phishing']);
  });
});
