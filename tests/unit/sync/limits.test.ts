import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveHelpRequest, setMeta } from '../../../src/local';
import { createSyncEngine } from '../../../src/sync/engine';
import { purgeOldRecords } from '../../../src/sync/pull';
import { startTestServer, type TestServer } from '../../server/helpers';
import { helpDraft, newPhone } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('sync limits and housekeeping', () => {
  it('halves the batch when the server answers 413 and still sends everything once', async () => {
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/sync/push')) statuses.push(res.status);
      return res;
    };
    const phone = await newPhone(server, 'volunteer', recording);
    phone.use();
    const long = 'x'.repeat(2000);
    for (let i = 0; i < 600; i++) await saveHelpRequest(helpDraft({ note: long, serviceSignal: long }));
    // A byte bound above the server's 2 MiB push limit, so that only the 413 path can save the day.
    const engine = createSyncEngine({ db: phone.db, api: phone.api, maxBatchBytes: 10 * 1024 * 1024 });
    const report = await engine.sync();
    expect(report).toMatchObject({ ok: true, push: { applied: 600, sent: 600 } });
    expect(statuses).toEqual([413, 200, 200]);
    expect(await phone.db.outbox.count()).toBe(0);
  });

  it('splits a large outbox by the default byte bound without any 413', async () => {
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/sync/push')) statuses.push(res.status);
      return res;
    };
    const phone = await newPhone(server, 'volunteer', recording);
    phone.use();
    const long = 'y'.repeat(2000);
    for (let i = 0; i < 600; i++) await saveHelpRequest(helpDraft({ note: long, serviceSignal: long }));
    const report = await phone.engine.sync();
    expect(report).toMatchObject({ ok: true, push: { applied: 600 } });
    expect(statuses).toEqual([200, 200]);
  });

  it('pulls from the start again when the stored cursor is too old (410)', async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    const h = await saveHelpRequest(helpDraft());
    expect((await phone.engine.sync()).ok).toBe(true);
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/sync/pull')) statuses.push(res.status);
      return res;
    };
    const other = await newPhone(server, 'volunteer', recording);
    const staleCursor = Buffer.from(JSON.stringify({ e: 987654, s: 1 })).toString('base64url');
    await setMeta(other.db, 'pullCursor', staleCursor);
    const report = await other.engine.sync();
    expect(report.ok).toBe(true);
    expect(statuses[0]).toBe(410);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
    expect(await other.db.help_requests.get(h.id)).toMatchObject({ syncState: 'synced' });
  });

  it('runs one sync at a time: concurrent calls never send a mutation twice', async () => {
    const pushes: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).includes('/sync/push')) pushes.push(JSON.parse(String(init?.body)).mutations.length);
      return fetch(input, init);
    };
    const phone = await newPhone(server, 'volunteer', counting);
    phone.use();
    await saveHelpRequest(helpDraft());
    await saveHelpRequest(helpDraft());
    const reports = await Promise.all([phone.engine.sync(), phone.engine.sync(), phone.engine.sync()]);
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(pushes).toEqual([2]);
    const distinct = [...new Set(reports)];
    expect(distinct.reduce((n, r) => n + r.push.applied, 0)).toBe(2);
  });

  it('purges synced records older than 30 days that have no outbox entries', async () => {
    const phone = await newPhone(server, 'volunteer');
    const db = phone.use();
    const now = new Date('2026-11-23T10:00:00.000Z');
    const old = '2026-10-01T10:00:00.000Z';
    const stale = await saveHelpRequest(helpDraft({ occurredAt: old }));
    const recent = await saveHelpRequest(helpDraft({ occurredAt: '2026-11-20T10:00:00.000Z' }));
    const engine = createSyncEngine({ db, api: phone.api, now: () => now });
    expect((await engine.sync()).ok).toBe(true);
    expect(await db.help_requests.get(stale.id)).toBeUndefined();
    expect(await db.help_requests.get(recent.id)).toMatchObject({ syncState: 'synced' });

    // An old record with an outbox entry still waiting is kept by the purge.
    const waiting = await saveHelpRequest(helpDraft({ occurredAt: old }));
    await db.help_requests.update(waiting.id, { syncState: 'synced', version: 1 });
    expect(await purgeOldRecords(db, now)).toBe(0);
    await db.outbox.clear();
    expect(await purgeOldRecords(db, now)).toBe(1);
  });
});
