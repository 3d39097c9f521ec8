// Interrupted work in Chromium, against the built app and the real server behind the fault
// proxy (tests/support/fault-proxy.ts):
//  - the tab is closed in the middle of saving (an import of many records, each saved through
//    the app's own write path): after reopening, every record is there with its outbox entry or
//    not at all, the mutation ids have no hole, and what is there reaches the server once;
//  - the tab is closed in the middle of a sync: after reopening, nothing is sent twice;
//  - the sync runs through injected network faults until the outbox is empty: the server holds
//    exactly the phone's records, each applied once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  countStore,
  launchChromium,
  newPhone,
  readStore,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
  type SeededOrg,
} from './harness';
import {
  gotoRoute,
  helpRequestsFile,
  homeActions,
  msg,
  signIn,
  startImport,
  syncUntilEmpty,
  waitForImport,
} from './flows';
import { FaultProxy } from '../support/fault-proxy';

let server: TestServer;
let proxy: FaultProxy;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let org: SeededOrg;

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: server.port }, rate: 0 });
  phone = await newPhone(browser, proxy.url);
  page = await phone.newPage();
  org = await seedOrg(server.url);
  await page.goto('/');
  await signIn(page, org.volunteer.email, org.volunteer.password);
  await waitForServiceWorkerControl(page);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

const blockSync = () => proxy.setRate(1, { bad_gateway: 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A new tab of the same phone on Home (what the volunteer sees after reopening the app). */
async function reopen(): Promise<Page> {
  const p = await phone.newPage();
  await p.goto('/');
  await homeActions(p).waitFor({ timeout: 30_000 });
  return p;
}

/** The phone's records, outbox and next mutation id, read with raw IndexedDB. */
async function localState(p: Page) {
  const records = await readStore<{ id: string; syncState: string }>(p, 'help_requests');
  const outbox = await readStore<{ mutationId: number; id: string }>(p, 'outbox');
  const meta = await readStore<{ key: string; value: unknown }>(p, 'meta');
  return { records, outbox, next: meta.find((m) => m.key === 'nextMutationId')?.value as number | undefined };
}

/** Syncs (Sync now) until the outbox is empty. */
/** Every help request on the server is one of `ids`, each of them is there, each applied once. */
async function expectOnServer(ids: Iterable<string>): Promise<number> {
  const onServer = await org.coordinator.records('help_requests');
  expect(onServer.map((r) => r.id).sort()).toEqual([...ids].sort());
  expect(onServer.filter((r) => r.version !== 1).map((r) => r.id)).toEqual([]);
  return onServer.length;
}

/** Records imported in the mid-save test: enough that closing after the first 30 lands mid-import on a fast machine. */
const SAVE_COUNT = 1_000;
const made = new Set<string>();

describe('interrupted work in Chromium', () => {
  it('closing the tab in the middle of a save keeps each record whole or not at all', async () => {
    blockSync();
    const { json } = helpRequestsFile(SAVE_COUNT);
    await startImport(page, json);
    await expect
      .poll(() => countStore(page, 'help_requests'), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(30);
    await page.close({ runBeforeUnload: false });

    page = await reopen();
    const { records, outbox, next } = await localState(page);
    const withEntry = new Set(outbox.map((e) => e.id));
    expect(records.filter((r) => !withEntry.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(outbox.filter((e) => !records.some((r) => r.id === e.id))).toEqual([]);
    expect(withEntry.size).toBe(outbox.length);
    expect(outbox.map((e) => e.mutationId)).toEqual(records.map((_, i) => i + 1));
    expect(next).toBe(records.length + 1);
    for (const r of records) made.add(r.id);

    proxy.setRate(0);
    await syncUntilEmpty(page, 120_000, 500);
    const n = await expectOnServer(made);
    console.log(
      `tab closed mid-save: ${records.length} of ${SAVE_COUNT} records saved whole, ${n} on server, each once`,
    );
    expect(records.length).toBeLessThan(SAVE_COUNT);
  });

  it('closing the tab in the middle of a sync sends nothing twice', async () => {
    blockSync();
    const { ids, json } = helpRequestsFile(600);
    await startImport(page, json);
    await waitForImport(page, 600);
    for (const id of ids) made.add(id);

    const before = proxy.counts.requests;
    proxy.setRate(0);
    await gotoRoute(page, '#/');
    await page.getByRole('button', { name: msg('sync.now'), exact: true }).click();
    await expect.poll(() => proxy.counts.requests, { timeout: 30_000, interval: 10 }).toBeGreaterThan(before);
    await sleep(Math.floor(Math.random() * 150));
    const left = await countStore(page, 'outbox');
    await page.close({ runBeforeUnload: false });

    page = await reopen();
    await syncUntilEmpty(page, 120_000, 500);
    const n = await expectOnServer(made);
    console.log(
      `tab closed mid-sync: ${left} entries were waiting at the close, ${n} records on server, each once`,
    );
  });

  it('syncs through network faults until the outbox is empty, each record once', async () => {
    const faultsBefore = proxy.counts.faults;
    proxy.setRate(0.7, { drop_request: 1, drop_response: 1, truncate: 1, delay: 1, bad_gateway: 1 });
    let rounds = 0;
    // Save while faults hit the app's own syncs, then sync until empty; again until >= 20 faults.
    while (proxy.counts.faults - faultsBefore < 20 && rounds++ < 40) {
      const { ids, json } = helpRequestsFile(20);
      await startImport(page, json);
      await waitForImport(page, 20);
      for (const id of ids) made.add(id);
      await syncUntilEmpty(page, 120_000, 500);
    }
    proxy.setRate(0);
    const faults = proxy.counts.faults - faultsBefore;
    const n = await expectOnServer(made);
    console.log(
      `network faults in Chromium: ${faults} faults injected in ${rounds} rounds ` +
        `(over the whole file: ${proxy.summary()}), ${made.size} records made, ${n} on server, ` +
        'duplicates 0, lost 0',
    );
    expect(faults).toBeGreaterThanOrEqual(20);
  });
});
