// Budgets of the sync engine that are not timings: how many HTTP requests it takes to push
// 10,000 records and pull them back (issue 6), against the real server; and that settling a
// push response in bulk ends exactly as settling it entry by entry would.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteHelpRequest, saveHelpRequest } from '../../../src/local';
import { MAX_MUTATIONS_PER_PUSH } from '../../../src/shared/sync-protocol';
import { PULL_PAGE_SIZE } from '../../../src/sync/pull';
import { api, startTestServer, TEST_PASSWORD, type TestServer } from '../../server/helpers';
import { helpDraft, newPhone } from './helpers';
import { queueHelpRequests } from './queue';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A fetch that counts push and pull requests. */
function countingFetch() {
  const counts = { push: 0, pull: 0 };
  const impl: typeof fetch = (input, init) => {
    const url = String(input);
    if (url.includes('/sync/push')) counts.push++;
    if (url.includes('/sync/pull')) counts.pull++;
    return fetch(input, init);
  };
  return { counts, impl };
}

describe('sync request budget', () => {
  it('pushes 10,000 records and pulls them back in ceil(10,000 / batch) + 2 requests each', async () => {
    const N = 10_000;
    const { counts, impl } = countingFetch();
    const phone = await newPhone(server, 'volunteer', impl);
    await queueHelpRequests(
      phone.db,
      Array.from({ length: N }, (_, i) => helpDraft({ topics: [i % 2 ? 'email' : 'itsme', 'phishing'] })),
    );
    const report = await phone.engine.sync();
    expect(report).toMatchObject({ ok: true, push: { sent: N, applied: N, rejected: 0 } });
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.help_requests.where('syncState').equals('synced').count()).toBe(N);
    expect(counts.push).toBeLessThanOrEqual(Math.ceil(N / MAX_MUTATIONS_PER_PUSH) + 2);

    // A new install of the same volunteer pulls them all back.
    const pulled = countingFetch();
    const second = await newPhone(server, 'volunteer', pulled.impl);
    expect((await second.engine.sync()).ok).toBe(true);
    expect(await second.db.help_requests.count()).toBe(N);
    expect(pulled.counts.push).toBe(0);
    expect(pulled.counts.pull).toBeLessThanOrEqual(Math.ceil(N / PULL_PAGE_SIZE) + 2);
    // The pushing phone pulled its own records back too, within the same bound.
    expect(counts.pull).toBeLessThanOrEqual(Math.ceil(N / PULL_PAGE_SIZE) + 2);
  });

  it('settles several entries of one record in one batch as one by one would', async () => {
    // A volunteer of their own: the seeded one holds the 10,000 records above, and pulling them
    // into a new phone here would make this test's time depend on the machine's speed.
    const email = `budget-${Date.now()}@example.org`;
    const made = await api(server.app, server.coordinator.token, 'POST', '/users', {
      email,
      name: 'Budget',
      password: TEST_PASSWORD,
      role: 'volunteer',
    });
    expect(made.statusCode).toBe(201);
    const phone = await newPhone(server, { email });
    phone.use();
    const edited = await saveHelpRequest(helpDraft());
    await saveHelpRequest({ ...helpDraft({ outcome: 'referred' }), id: edited.id });
    const gone = await saveHelpRequest(helpDraft());
    await deleteHelpRequest(gone.id);
    const kept = await saveHelpRequest(helpDraft({ channel: 'phone' }));
    expect(await phone.db.outbox.count()).toBe(5);

    const report = await phone.engine.sync();
    expect(report).toMatchObject({ ok: true, push: { sent: 5, applied: 5 }, pulled: 3 });
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.help_requests.get(edited.id)).toMatchObject({
      outcome: 'referred',
      syncState: 'synced',
      version: 2,
    });
    expect(await phone.db.help_requests.get(gone.id)).toBeUndefined();
    expect(await phone.db.help_requests.get(kept.id)).toMatchObject({ syncState: 'synced', version: 1 });
  });
});
