import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DigitafelDb, openDb, saveHelpRequest } from '../../../src/local';
import { createApiClient } from '../../../src/sync/api-client';
import { createSyncEngine } from '../../../src/sync/engine';
import { login, startTestServer, type TestServer } from '../../server/helpers';

// The v1 schema exactly as it shipped, frozen here on purpose: the test must not follow later edits.
const V1 = {
  help_requests: 'id, occurredAt, permanenceId, syncState',
  permanences: 'id, startedAt, syncState',
  equipment: 'id, assetTag',
  loans: 'id, equipmentId, syncState',
  locations: 'id',
  topics: 'id',
  partners: 'id',
  outbox: 'mutationId, [table+id]',
  meta: 'key',
};

// The v2 schema as it shipped (frozen too).
const V2 = {
  ...V1,
  help_requests: 'id, occurredAt, permanenceId, syncState, [syncState+occurredAt]',
  equipment: 'id, assetTag, syncState',
  locations: 'id, syncState',
  topics: 'id, syncState',
  partners: 'id, syncState',
};

const HELP_ID = '019a0000-0000-7000-8000-000000000001';
const LOC_ID = '019a0000-0000-7000-8000-000000000002';

describe('schema migration v1 -> current', () => {
  it('keeps every row and outbox entry and backfills the new fields', async () => {
    const name = `migrate-${randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1);
    await v1.table('help_requests').put({
      id: HELP_ID,
      occurredAt: '2026-11-20T10:00:00.000Z',
      channel: 'phone',
      topics: ['email'],
      outcome: 'solved',
      syncState: 'pending',
    });
    await v1.table('locations').put({ id: LOC_ID, name: 'Library', version: 4 });
    await v1.table('outbox').add({
      mutationId: 7,
      table: 'help_requests',
      op: 'upsert',
      id: HELP_ID,
      baseVersion: null,
      record: { id: HELP_ID },
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    await v1.table('meta').put({ key: 'nextMutationId', value: 8 });
    v1.close();

    const db = new DigitafelDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.help_requests.get(HELP_ID)).toMatchObject({ channel: 'phone', syncState: 'pending' });
    expect(await db.locations.get(LOC_ID)).toEqual({
      id: LOC_ID,
      name: 'Library',
      version: 4,
      syncState: 'synced',
    });
    expect(await db.outbox.toArray()).toEqual([
      {
        mutationId: 7,
        table: 'help_requests',
        op: 'upsert',
        id: HELP_ID,
        baseVersion: null,
        record: { id: HELP_ID },
        createdAt: '2026-11-20T10:00:00.000Z',
        attempts: 0,
      },
    ]);
    expect((await db.meta.get('nextMutationId'))?.value).toBe(8);
    // The v2 indexes work on migrated rows.
    expect(await db.locations.where('syncState').equals('synced').count()).toBe(1);
    expect(
      await db.help_requests
        .where('[syncState+occurredAt]')
        .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
        .count(),
    ).toBe(1);
    db.close();
  });

  it('sends what a v1 phone left in its outbox after the upgrade, then numbers on', async () => {
    const server: TestServer = await startTestServer();
    try {
      const session = await login(server.app, server.volunteer.user.email);
      const name = `migrate-${randomUUID()}`;
      const help = {
        id: HELP_ID,
        occurredAt: '2026-11-20T10:00:00.000Z',
        channel: 'phone',
        topics: ['email'],
        outcome: 'solved',
      };
      const permId = '019a0000-0000-7000-8000-000000000003';
      const perm = {
        id: permId,
        locationId: null,
        kind: 'permanence',
        startedAt: '2026-11-20T09:00:00.000Z',
        endedAt: null,
        visitorCount: 4,
        turnedAwayCount: 1,
      };
      // What the v1 app left: two pending records, their outbox entries (no retry count yet), a session.
      const v1 = new Dexie(name);
      v1.version(1).stores(V1);
      await v1.table('help_requests').put({ ...help, syncState: 'pending' });
      await v1.table('permanences').put({ ...perm, syncState: 'pending' });
      const entry = (mutationId: number, table: string, record: { id: string }) => ({
        mutationId,
        table,
        op: 'upsert',
        id: record.id,
        baseVersion: null,
        record,
        createdAt: '2026-11-20T10:00:00.000Z',
      });
      await v1.table('outbox').bulkAdd([entry(1, 'help_requests', help), entry(2, 'permanences', perm)]);
      await v1.table('meta').bulkPut([
        { key: 'nextMutationId', value: 3 },
        { key: 'session', value: { ...session, serverUrl: server.url } },
      ]);
      v1.close();

      const db = openDb(name); // the new app version opens (and migrates) the same database
      const later = await saveHelpRequest({
        occurredAt: '2026-11-21T10:00:00.000Z',
        channel: 'street_stand',
        topics: ['itsme'],
        outcome: 'partly',
      });
      expect((await db.outbox.toArray()).map((e) => [e.mutationId, e.table, e.attempts])).toEqual([
        [1, 'help_requests', 0],
        [2, 'permanences', 0],
        [3, 'help_requests', undefined], // new entries no longer carry a retry count
      ]);
      const api = createApiClient({ baseUrl: server.url, getToken: () => session.token });
      const report = await createSyncEngine({ db, api }).sync();
      expect(report).toMatchObject({ ok: true, push: { sent: 3, applied: 3, rejected: 0 } });
      expect(await db.outbox.count()).toBe(0);
      for (const [table, id] of [
        ['help_requests', HELP_ID],
        ['permanences', permId],
        ['help_requests', later.id],
      ] as const)
        expect(await db.table(table).get(id)).toMatchObject({ syncState: 'synced', version: 1 });
      db.close();
    } finally {
      await server.close();
    }
  });
});

describe('schema migration v2 -> v3', () => {
  it("keeps every row and entry, indexes the review state, and drops reviews of other people's records", async () => {
    const name = `migrate-${randomUUID()}`;
    const me = 'user-me';
    const v2 = new Dexie(name);
    v2.version(2).stores(V2);
    const help = {
      id: HELP_ID,
      occurredAt: '2026-11-20T10:00:00.000Z',
      channel: 'phone',
      topics: ['email'],
      outcome: 'partly',
      createdBy: me,
      version: 2,
      reviewState: 'has_issues',
      reviewComment: 'Solved or partly?',
      syncState: 'synced',
    };
    const unsent = { ...help, id: '019a0000-0000-7000-8000-000000000009', syncState: 'pending' };
    delete (unsent as Partial<typeof help>).reviewState;
    delete (unsent as Partial<typeof help>).reviewComment;
    const othersLoan = {
      id: '019a0000-0000-7000-8000-000000000004',
      equipmentId: '019a0000-0000-7000-8000-000000000005',
      kind: 'loan',
      borrowerCode: 'B-1',
      startedAt: '2026-11-20T10:00:00.000Z',
      createdBy: 'user-other',
      reviewState: 'has_issues',
      reviewComment: 'a remark for someone else',
      syncState: 'synced',
    };
    await v2.table('help_requests').bulkPut([help, unsent]);
    await v2.table('loans').put(othersLoan);
    await v2.table('outbox').add({
      mutationId: 4,
      table: 'help_requests',
      op: 'upsert',
      id: unsent.id,
      baseVersion: null,
      record: { id: unsent.id },
      createdAt: '2026-11-20T10:00:00.000Z',
      attempts: 0,
    });
    await v2.table('meta').bulkPut([
      { key: 'nextMutationId', value: 5 },
      { key: 'owner', value: { userId: me, orgId: 'org', name: 'Vera' } },
    ]);
    v2.close();

    const db = new DigitafelDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.help_requests.get(HELP_ID)).toEqual(help);
    expect(await db.help_requests.get(unsent.id)).toEqual(unsent);
    const { reviewState: _s, reviewComment: _c, ...loanKept } = othersLoan;
    expect(await db.loans.get(othersLoan.id)).toEqual(loanKept);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.meta.get('nextMutationId'))?.value).toBe(5);
    expect(await db.help_requests.where('reviewState').equals('has_issues').primaryKeys()).toEqual([HELP_ID]);
    db.close();
  });
});

describe('schema migration v4 -> v7 (shared sessions)', () => {
  it('keeps the fiches, their images, every row and the outbox, and adds session_members', async () => {
    const name = `migrate-${randomUUID()}`;
    // v4 as it shipped (frozen): v3 plus the fiches and their image blobs.
    const v4 = new Dexie(name);
    const V3 = {
      ...V2,
      help_requests: `${V2.help_requests}, reviewState`,
      permanences: `${V2.permanences}, reviewState`,
    };
    v4.version(4).stores({ ...V3, fiches: 'id, syncState', ficheImages: 'id' });
    const fiche = {
      id: randomUUID(),
      texts: { nl: { title: 'itsme', body: '1.' } },
      topics: [],
      syncState: 'synced',
    };
    const permanence = {
      id: randomUUID(),
      kind: 'permanence',
      startedAt: '2026-12-01T09:00:00.000Z',
      endedAt: null,
      visitorCount: 3,
      turnedAwayCount: 1,
      syncState: 'pending',
    };
    await v4.table('fiches').put(fiche);
    await v4.table('ficheImages').put({ id: 'img', type: 'image/png', size: 3, blob: 'abc' });
    await v4.table('permanences').put(permanence);
    await v4.table('outbox').add({
      mutationId: 9,
      table: 'permanences',
      op: 'upsert',
      id: permanence.id,
      baseVersion: null,
      record: { id: permanence.id },
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    v4.close();

    const db = new DigitafelDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.fiches.get(fiche.id)).toEqual(fiche);
    expect(await db.ficheImages.count()).toBe(1);
    expect(await db.permanences.get(permanence.id)).toEqual(permanence);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.session_members.count()).toBe(0);
    expect(await db.session_members.where('permanenceId').equals(permanence.id).count()).toBe(0);
    db.close();
  });
});
