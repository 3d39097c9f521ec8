// Signing out (issue 11, finding 13), against the real server: with everything on the server,
// the phone forgets the synced records, the reference data and whose they were; with records
// waiting to be sent or refused, it keeps them (they go out after the next sign-in) and still
// refuses another person's sign-in (the phone changing hands, see handover.test.ts).
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb, OtherUsersRecordsError, saveHelpRequest, type DigitafelDb } from '../../../src/local';
import { getMeta } from '../../../src/local/meta';
import type { Session } from '../../../src/shared/api';
import { newId } from '../../../src/shared/ids';
import { createApiClient } from '../../../src/sync/api-client';
import { createSyncEngine } from '../../../src/sync/engine';
import { forgetSession, readSession, storeSession } from '../../../src/sync/session';
import { api, login, startTestServer, TEST_PASSWORD, type TestServer } from '../../server/helpers';
import { helpDraft } from './helpers';

vi.setConfig({ testTimeout: 20_000 });

let server: TestServer;
let second: Session;
beforeAll(async () => {
  server = await startTestServer();
  // Reference data a phone pulls: a place.
  const place = await api(server.app, server.coordinator.token, 'POST', '/records/locations', {
    record: { id: newId(), name: 'Buurthuis De Kaai', active: true },
  });
  expect(place.statusCode).toBe(201);
  const email = `second-${randomUUID()}@example.org`;
  await api(server.app, server.coordinator.token, 'POST', '/users', {
    email,
    name: 'Samira',
    password: TEST_PASSWORD,
    role: 'volunteer',
  });
  second = await login(server.app, email);
});
afterAll(async () => {
  await server?.close();
});

/** A signed-in phone of the seeded volunteer with `n` saved help requests, synced or not. */
async function phone(n: number, synced: boolean): Promise<DigitafelDb> {
  const db = openDb(`sign-out-${randomUUID()}`);
  const vera = await login(server.app, server.volunteer.user.email);
  await storeSession(db, { ...vera, serverUrl: server.url });
  for (let i = 0; i < n; i++) await saveHelpRequest(helpDraft({ note: `visit ${i}` }));
  if (synced) {
    const engine = createSyncEngine({
      db,
      api: createApiClient({ baseUrl: server.url, getToken: () => vera.token }),
    });
    expect((await engine.sync()).ok).toBe(true);
  }
  return db;
}

const dataTables = (db: DigitafelDb) => db.tables.filter((t) => t.name !== 'meta' && t.name !== 'outbox');

describe('signing out', () => {
  it('forgets the synced records and reference data when nothing waits to be sent', async () => {
    const db = await phone(3, true);
    expect(await db.help_requests.count()).toBe(3);
    expect(await db.locations.count()).toBeGreaterThan(0);

    expect(await forgetSession(db)).toEqual({ cleared: true });
    for (const table of dataTables(db)) expect(await table.count(), table.name).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    for (const key of ['session', 'owner', 'pullCursor', 'lastSyncAt', 'lastHelpDefaults'] as const) {
      expect(await getMeta(db, key), key).toBeUndefined();
    }
    // The next person starts from an empty phone.
    await storeSession(db, { ...second, serverUrl: server.url });
    expect((await readSession(db))?.user.id).toBe(second.user.id);
  });

  it('keeps records waiting to be sent, and whose they are, so they still go out', async () => {
    const db = await phone(2, false);
    expect(await forgetSession(db)).toEqual({ cleared: false });
    expect(await db.help_requests.count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
    expect(await readSession(db)).toBeUndefined();
    // Another person is refused while they are there (the phone changing hands).
    const err = await storeSession(db, { ...second, serverUrl: server.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OtherUsersRecordsError);
    // The same person signing in again sends them.
    const again = await login(server.app, server.volunteer.user.email);
    await storeSession(db, { ...again, serverUrl: server.url });
    const engine = createSyncEngine({
      db,
      api: createApiClient({ baseUrl: server.url, getToken: () => again.token }),
    });
    expect((await engine.sync()).ok).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a record the server refused (it exists on this phone only)', async () => {
    const db = await phone(1, true);
    const rows = await db.help_requests.toArray();
    await db.help_requests.update(rows[0]!.id, { syncState: 'needs_attention' });
    expect(await forgetSession(db)).toEqual({ cleared: false });
    expect(await db.help_requests.count()).toBe(rows.length);
    expect((await db.help_requests.get(rows[0]!.id))?.syncState).toBe('needs_attention');
  });
});
