// A phone changing hands, against the real server: a different person signing in never takes the
// previous person's unsent or refused records along by accident, never into another
// organisation, and never sees the previous person's records once those are on the server.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, OtherUsersRecordsError, saveHelpRequest, type DigitafelDb } from '../../../src/local';
import type { Session } from '../../../src/shared/api';
import { createApiClient } from '../../../src/sync/api-client';
import { createSyncEngine } from '../../../src/sync/engine';
import { forgetSession, readSession, storeSession } from '../../../src/sync/session';
import { storedRecord } from '../../server/fixtures';
import { api, login, startTestServer, TEST_PASSWORD, type TestServer } from '../../server/helpers';
import { helpDraft } from './helpers';

let server: TestServer;
let second: Session; // another volunteer of the same organisation
beforeAll(async () => {
  server = await startTestServer();
  const email = `second-${randomUUID()}@example.org`;
  const res = await api(server.app, server.coordinator.token, 'POST', '/users', {
    email,
    name: 'Samira',
    password: TEST_PASSWORD,
    role: 'volunteer',
  });
  expect(res.statusCode).toBe(201);
  second = await login(server.app, email);
});
afterAll(async () => {
  await server?.close();
});

/** A phone on which the seeded volunteer (Vera) saved `n` help requests, not yet sent. */
async function veraPhone(n: number): Promise<{ db: DigitafelDb; ids: string[] }> {
  const db = openDb(`handover-${randomUUID()}`);
  const vera = await login(server.app, server.volunteer.user.email);
  await storeSession(db, { ...vera, serverUrl: server.url });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await saveHelpRequest(helpDraft({ note: `visit ${i}` }))).id);
  return { db, ids };
}

const sync = (db: DigitafelDb, s: Session) =>
  createSyncEngine({
    db,
    api: createApiClient({ baseUrl: server.url, getToken: () => s.token }),
  }).sync();

describe('a phone changing hands', () => {
  it("refuses another volunteer's sign-in while the phone holds unsent records, changing nothing", async () => {
    const { db, ids } = await veraPhone(2);
    await forgetSession(db); // Vera signs out; her records stay
    const err = await storeSession(db, { ...second, serverUrl: server.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OtherUsersRecordsError);
    expect(err).toMatchObject({ pending: 2, ownerName: 'Vera', sameOrg: true });
    expect(await readSession(db)).toBeUndefined();
    expect((await db.help_requests.toArray()).map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await db.outbox.count()).toBe(2);
  });

  it('sends them under the new name when a volunteer of the same organisation chooses to', async () => {
    const { db, ids } = await veraPhone(2);
    await storeSession(db, { ...second, serverUrl: server.url }, { adoptPending: true });
    expect((await readSession(db))?.user.id).toBe(second.user.id);
    expect((await sync(db, second)).ok).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    for (const id of ids)
      expect((await storedRecord(server, 'help_requests', id))?.created_by).toBe(second.user.id);
  });

  it('never lets records go to another organisation, even when asked to', async () => {
    const { db } = await veraPhone(1);
    const other = { ...server.otherOrg.coordinator, serverUrl: server.url };
    const err = await storeSession(db, other, { adoptPending: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'OtherUsersRecordsError', pending: 1, sameOrg: false });
    expect((await readSession(db))?.user.id).toBe(server.volunteer.user.id);
    expect(await db.outbox.count()).toBe(1);
  });

  it('counts a record the server refused as not on the server', async () => {
    const { db, ids } = await veraPhone(1);
    // What a `rejected` push result leaves: no outbox entry, the record kept as needs attention.
    await db.outbox.clear();
    await db.help_requests.update(ids[0]!, { syncState: 'needs_attention' });
    const err = await storeSession(db, { ...second, serverUrl: server.url }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'OtherUsersRecordsError', pending: 1 });
    expect(await db.help_requests.count()).toBe(1);
  });

  it("forgets the previous person's records once they are all on the server", async () => {
    const { db, ids } = await veraPhone(3);
    const vera = (await readSession(db))!;
    expect((await sync(db, vera)).ok).toBe(true);
    expect(await db.help_requests.count()).toBe(3);

    await storeSession(db, { ...second, serverUrl: server.url });
    for (const table of db.tables.filter((t) => t.name !== 'meta')) expect(await table.count()).toBe(0);
    expect((await readSession(db))?.user.id).toBe(second.user.id);
    for (const id of ids) expect(await storedRecord(server, 'help_requests', id)).toBeDefined();
  });

  it('keeps everything when the same person signs in again (a new device)', async () => {
    const { db, ids } = await veraPhone(2);
    const again = await login(server.app, server.volunteer.user.email);
    await storeSession(db, { ...again, serverUrl: server.url });
    expect((await db.help_requests.toArray()).map((r) => r.id).sort()).toEqual([...ids].sort());
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([1, 2]);
    expect((await sync(db, again)).ok).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });
});
