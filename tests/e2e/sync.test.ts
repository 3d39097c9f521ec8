// Issue 3 end to end with two phones: one is enrolled from a coordinator's enrolment URL, the
// other signs in; while the server is down both lend the same laptop. When they reconnect and
// sync, the server keeps both loans (one applied, the other stored with status "conflict",
// never dropped) and the phone whose loan lost shows it as a conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  countStore,
  launchChromium,
  newPhone,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
  type SeededOrg,
} from './harness';
import { gotoRoute, homeActions, lendByAssetTag, msg, pressSyncNow, signIn } from './flows';

interface Phone {
  context: BrowserContext;
  page: Page;
  borrower: string;
}

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
const phones: Phone[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Waits until a phone is offline-ready: worker in control and the laptop pulled. */
async function ready(page: Page): Promise<void> {
  await waitForServiceWorkerControl(page);
  await expect.poll(() => countStore(page, 'equipment'), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe('two phones, one laptop', () => {
  it('enrols a phone from an enrolment code URL', async () => {
    const token = org.coordinator.session.token;
    const before = await api<{ devices: unknown[] }>(server.url, '/devices', { token });
    const enrolment = await api<{ code: string; url: string }>(server.url, '/enrolment-codes', {
      token,
      body: { name: 'Phone at the digi-table', role: 'volunteer' },
      expect: 201,
    });
    expect(enrolment.url).toContain(enrolment.code);
    const context = await newPhone(browser, server.url);
    const page = await context.newPage();
    await page.goto(enrolment.url);
    // The phone says whose code it is and asks first.
    await page.getByRole('button', { name: msg('enrol.join'), exact: true }).click();
    await homeActions(page).waitFor({ timeout: 20_000 });
    await ready(page);
    const after = await api<{ devices: unknown[] }>(server.url, '/devices', { token });
    expect(after.devices.length).toBe(before.devices.length + 1);
    phones.push({ context, page, borrower: 'B-ENROLLED' });
  });

  it('keeps both offline loans of one laptop and marks the later one as a conflict', async () => {
    const context = await newPhone(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await ready(page);
    phones.push({ context, page, borrower: 'B-SIGNEDIN' });
    const [first, second] = phones as [Phone, Phone];

    await server.stop();
    for (const phone of phones) {
      await phone.context.setOffline(true);
      await lendByAssetTag(phone.page, org.laptop.assetTag, phone.borrower);
    }

    // The first phone reconnects and syncs; only then the second one.
    await server.start();
    await first.context.setOffline(false);
    await pressSyncNow(first.page);
    await expect.poll(async () => (await org.coordinator.records('loans')).length).toBe(1);
    await second.context.setOffline(false);
    await pressSyncNow(second.page);
    await expect.poll(async () => (await org.coordinator.records('loans')).length).toBe(2);

    const loans = await org.coordinator.records('loans');
    const byBorrower = new Map(loans.map((l) => [l.borrowerCode, l]));
    expect(byBorrower.get(first.borrower)).toMatchObject({ equipmentId: org.laptop.id });
    expect(byBorrower.get(first.borrower)?.status).not.toBe('conflict');
    expect(byBorrower.get(second.borrower)).toMatchObject({ equipmentId: org.laptop.id, status: 'conflict' });

    await gotoRoute(second.page, '#/');
    await expect
      .poll(() => second.page.getByRole('region', { name: msg('sync.region') }).textContent())
      .toContain(msg('sync.conflicts', { n: 1 }));
    await gotoRoute(second.page, '#/recent');
    const row = second.page
      .getByRole('region', { name: msg('recent.loans'), exact: true })
      .getByRole('listitem')
      .filter({ hasText: second.borrower });
    await expect.poll(() => row.textContent()).toContain(msg('syncState.conflict'));

    await gotoRoute(first.page, '#/recent');
    const firstRow = first.page
      .getByRole('region', { name: msg('recent.loans'), exact: true })
      .getByRole('listitem')
      .filter({ hasText: first.borrower });
    await expect.poll(() => firstRow.textContent()).toContain(msg('syncState.synced'));
  });
});
