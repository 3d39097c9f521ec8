// Issues 2 and 3 end to end, in real Chromium against the real server and the production build:
// a volunteer signs in online, loses the network (the server is stopped, so the service
// worker has no network either), records a help request, a permanence with two visitors and a
// laptop loan, closes the tab, finds all three again offline as "waiting to send", and once the
// server is back "Sync now" delivers all three: the server holds them and the UI says "Sent".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  countStore,
  launchChromium,
  newPhone,
  recordErrors,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
  type SeededOrg,
} from './harness';
import {
  gotoRoute,
  lendByAssetTag,
  msg,
  pressSyncNow,
  recordHelpRequest,
  recordPermanence,
  signIn,
} from './flows';

const BORROWER = 'B-0042';
const NOTES = 'Quiet morning, the printer was broken.';

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let org: SeededOrg;
let page: Page;
let errors: string[] = [];

/** The three rows of Recent records: help request, permanence, loan. */
function recentRows(p: Page) {
  const section = (key: 'recent.help' | 'recent.permanences' | 'recent.loans') =>
    p.getByRole('region', { name: msg(key), exact: true }).getByRole('listitem');
  return {
    help: section('recent.help').filter({ hasText: msg('topic.itsme') }),
    permanence: section('recent.permanences').filter({ hasText: msg('recent.visitors_other', { n: 2 }) }),
    loan: section('recent.loans').filter({ hasText: BORROWER }),
  };
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  phone = await newPhone(browser, server.url);
});

afterAll(async () => {
  if (errors.length) console.info(`browser errors:\n${errors.join('\n')}`);
  await browser?.close();
  await server?.dispose();
});

describe('offline field work', () => {
  it('keeps records made offline across a reload and a new tab (issue 2)', async () => {
    page = await phone.newPage();
    errors = recordErrors(page);
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);
    await expect.poll(() => countStore(page, 'equipment'), { timeout: 30_000 }).toBeGreaterThan(0);

    await server.stop();
    await phone.setOffline(true);
    await page.reload();
    await gotoRoute(page, '#/');

    await recordHelpRequest(page);
    await recordPermanence(page, org.locationName, 2, NOTES);
    await lendByAssetTag(page, org.laptop.assetTag, BORROWER);

    await page.close();
    page = await phone.newPage();
    errors.push(...recordErrors(page));
    await page.goto('/');
    await gotoRoute(page, '#/recent');
    const rows = recentRows(page);
    const waiting = msg('syncState.pending');
    for (const row of [rows.help, rows.permanence, rows.loan]) {
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(waiting);
    }
    await gotoRoute(page, '#/');
    await expect
      .poll(() => page.getByRole('region', { name: msg('sync.region') }).textContent())
      .toContain(msg('sync.savedOnPhone'));
  });

  it('sends them once the server is back and "Sync now" is pressed (issue 3)', async () => {
    await phone.setOffline(false);
    await server.start();
    await pressSyncNow(page);

    const coordinator = org.coordinator;
    await expect.poll(async () => (await coordinator.records('help_requests')).length).toBe(1);
    const [help] = await coordinator.records('help_requests');
    expect(help).toMatchObject({ topics: ['itsme'], outcome: 'solved' });
    const [permanence] = await coordinator.records('permanences');
    expect(permanence).toMatchObject({ visitorCount: 2, locationId: org.locationId, notes: NOTES });
    expect(permanence?.endedAt).toBeTruthy();
    const loans = await coordinator.records('loans');
    expect(loans).toHaveLength(1);
    expect(loans[0]).toMatchObject({ equipmentId: org.laptop.id, borrowerCode: BORROWER, kind: 'loan' });
    expect(loans[0]?.returnedAt ?? null).toBeNull();

    await gotoRoute(page, '#/recent');
    const rows = recentRows(page);
    for (const row of [rows.help, rows.permanence, rows.loan]) {
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(msg('syncState.synced'));
    }
    await gotoRoute(page, '#/');
    await expect
      .poll(() => page.getByRole('region', { name: msg('sync.region') }).textContent())
      .toContain(msg('sync.allSent'));
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
