// Acknowledging a push (src/sync/push.ts) removes the settled outbox entries and leaves the
// record rows alone, except the few that need more (a refusal, a conflict, a delete, a record
// the user had to look at). The state the user sees is derived (src/local/read.ts): these
// tests run the push phase alone, so no pull rewrites the rows behind the derivation's back.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  deleteHelpRequest,
  exportUnsynced,
  getHelpRequest,
  listRecentHelpRequests,
  saveHelpRequest,
  syncSummary,
  type DigitafelDb,
} from '../../../src/local';
import { toInput } from '../../../src/shared/records';
import { pushOutbox, type PushStats } from '../../../src/sync/push';
import { startTestServer, type TestServer } from '../../server/helpers';
import { MAX_MUTATIONS_PER_PUSH } from '../../../src/shared/sync-protocol';
import { helpDraft, newPhone, type Phone } from './helpers';
import { queueHelpRequests } from './queue';

vi.setConfig({ testTimeout: 60_000 });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const stats = (): PushStats => ({ sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 });

/** The push phase alone; `maxBytes` small enough sends one mutation per request. */
async function push(phone: Phone, maxBytes?: number): Promise<PushStats> {
  const s = stats();
  await pushOutbox(phone.db, phone.api, phone.session.deviceId, s, maxBytes);
  return s;
}

/** Puts a further outbox entry for a record by hand (what a save would add, any content). */
async function addEntry(db: DigitafelDb, id: string, record: Record<string, unknown>) {
  const last = (await db.outbox.orderBy('mutationId').last())?.mutationId ?? 0;
  await db.outbox.add({
    mutationId: last + 1,
    table: 'help_requests',
    op: 'upsert',
    id,
    baseVersion: null,
    record,
    createdAt: new Date().toISOString(),
  });
  await db.meta.put({ key: 'nextMutationId', value: last + 2 });
}

describe('acknowledging a push', () => {
  it('writes nothing to IndexedDB per batch but the range delete of the settled entries', async () => {
    // Issue 12 point 1: the phone rewrote every outbox entry of a batch to count an attempt
    // (`attempts`, read by nothing) and every record row on acknowledgement. Dexie's hooks see
    // every write to these tables (bulkPut of existing keys is "updating"), so a rewrite that
    // comes back fails here.
    const phone = await newPhone(server, 'volunteer');
    const db = phone.use();
    const n = 2 * MAX_MUTATIONS_PER_PUSH + 37; // three batches, the last one partial
    await queueHelpRequests(
      db,
      Array.from({ length: n }, () => helpDraft()),
    );
    const writes = { outboxCreating: 0, outboxUpdating: 0, outboxDeleting: 0, rows: 0 };
    db.outbox.hook('creating', () => void writes.outboxCreating++);
    db.outbox.hook('updating', () => void writes.outboxUpdating++);
    db.outbox.hook('deleting', () => void writes.outboxDeleting++);
    db.help_requests.hook('creating', () => void writes.rows++);
    db.help_requests.hook('updating', () => void writes.rows++);
    db.help_requests.hook('deleting', () => void writes.rows++);

    expect(await push(phone)).toMatchObject({ sent: n, applied: n });
    expect(await db.outbox.count()).toBe(0);
    expect(writes).toEqual({ outboxCreating: 0, outboxUpdating: 0, outboxDeleting: n, rows: 0 });
    expect(await syncSummary()).toMatchObject({ pending: 0, needsAttention: 0, outbox: 0 });
  });

  it('shows acknowledged records as sent without rewriting their rows', async () => {
    const phone = await newPhone(server, 'volunteer');
    const db = phone.use();
    const saved = [await saveHelpRequest(helpDraft()), await saveHelpRequest(helpDraft())];
    const before = await db.help_requests.bulkGet(saved.map((h) => h.id));
    expect(await syncSummary()).toMatchObject({ pending: 2, outbox: 2 });

    expect(await push(phone)).toMatchObject({ sent: 2, applied: 2 });
    expect(await db.outbox.count()).toBe(0);
    // The rows are exactly as saved (no version, stored state `pending`)...
    expect(await db.help_requests.bulkGet(saved.map((h) => h.id))).toEqual(before);
    // ...and every read shows them sent.
    expect(await getHelpRequest(saved[0]!.id)).toMatchObject({ syncState: 'synced' });
    expect((await listRecentHelpRequests()).map((h) => h.syncState)).toEqual(['synced', 'synced']);
    expect(await syncSummary()).toMatchObject({ pending: 0, needsAttention: 0, outbox: 0 });
    expect((await exportUnsynced()).records).toEqual([]);
  });

  it('counts a record edited twice as one waiting record, and shows it waiting', async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    const h = await saveHelpRequest(helpDraft());
    await saveHelpRequest({ ...helpDraft({ outcome: 'referred' }), id: h.id });
    expect(await syncSummary()).toMatchObject({ pending: 1, outbox: 2 });
    expect(await getHelpRequest(h.id)).toMatchObject({ syncState: 'pending' });
    expect((await exportUnsynced()).records).toHaveLength(1);
  });

  it('removes an acknowledged delete’s tombstone', async () => {
    const phone = await newPhone(server, 'volunteer');
    const db = phone.use();
    const h = await saveHelpRequest(helpDraft());
    await deleteHelpRequest(h.id);
    expect(await push(phone)).toMatchObject({ applied: 2 });
    expect(await db.help_requests.get(h.id)).toBeUndefined();
  });

  for (const [name, maxBytes] of [
    ['in one batch', undefined],
    ['over several batches', 1],
  ] as const) {
    it(`ends synced when a refused change is followed by an applied one, ${name}`, async () => {
      const phone = await newPhone(server, 'volunteer');
      const db = phone.use();
      const h = await saveHelpRequest(helpDraft());
      // The first entry carries a record the server refuses; a later save of the record is fine.
      await db.outbox.update(1, { record: { ...toInput('help_requests', h as never), channel: 'pigeon' } });
      await addEntry(db, h.id, toInput('help_requests', { ...h, outcome: 'referred' } as never));

      expect(await push(phone, maxBytes)).toMatchObject({ rejected: 1, applied: 1 });
      expect(await db.outbox.count()).toBe(0);
      const row = await db.help_requests.get(h.id);
      expect(row).toMatchObject({ syncState: 'synced', version: 1 });
      expect(row?.syncError).toBeUndefined();
      expect(await syncSummary()).toMatchObject({ pending: 0, needsAttention: 0 });
    });

    it(`keeps a refused change as needing attention, ${name}, next to acknowledged ones`, async () => {
      const phone = await newPhone(server, 'volunteer');
      const db = phone.use();
      const good = await saveHelpRequest(helpDraft());
      const bad = await saveHelpRequest(helpDraft());
      await db.outbox.update(2, { record: { ...toInput('help_requests', bad as never), outcome: 'pigeon' } });
      const after = await saveHelpRequest(helpDraft());

      expect(await push(phone, maxBytes)).toMatchObject({ rejected: 1, applied: 2 });
      expect(await db.help_requests.get(bad.id)).toMatchObject({
        syncState: 'needs_attention',
        syncError: { code: 'invalid_record' },
      });
      for (const h of [good, after])
        expect(await getHelpRequest(h.id)).toMatchObject({ syncState: 'synced' });
      expect(await syncSummary()).toMatchObject({ pending: 0, needsAttention: 1 });
    });
  }
});
