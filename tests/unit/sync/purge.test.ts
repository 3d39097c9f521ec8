// The phone's 30-day purge (src/sync/pull.ts `purgeOldRecords`): it deletes only what the
// server holds. A record the server refused (needs attention) or answered with a conflict
// exists on this phone alone or waits for the user, so it stays whatever its age; a record
// with an outbox entry stays; a record the server acknowledged goes, whether a pull rewrote it
// (stored `synced`) or not (stored `pending` with no outbox entry left).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  endPermanence,
  lendEquipment,
  returnLoan,
  saveHelpRequest,
  startPermanence,
  type DigitafelDb,
  type LocalTable,
  type SyncState,
} from '../../../src/local';
import { purgeOldRecords } from '../../../src/sync/pull';
import { freshDb, seedEquipment } from '../local/helpers';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const OLD = '2026-10-20T09:00:00.000Z'; // 42 days before NOW
const RECENT = '2026-11-25T09:00:00.000Z';

/** Sets what a sync would have left: the stored state, and the outbox entries acknowledged. */
async function settle(db: DigitafelDb, table: LocalTable, id: string, state: SyncState, acked = true) {
  await db.table(table).update(id, { syncState: state });
  if (acked) await db.outbox.where('[table+id]').equals([table, id]).delete();
}

async function oldHelp(db: DigitafelDb, state: SyncState, acked = true) {
  const h = await saveHelpRequest({
    occurredAt: OLD,
    channel: 'street_stand',
    topics: ['itsme'],
    outcome: 'solved',
  });
  await settle(db, 'help_requests', h.id, state, acked);
  return h.id;
}

async function oldPermanence(db: DigitafelDb, state: SyncState) {
  const p = await startPermanence({ locationId: null, kind: 'permanence' });
  await endPermanence(p.id, { notes: 'closed' });
  await db.permanences.update(p.id, { startedAt: OLD, endedAt: OLD });
  await settle(db, 'permanences', p.id, state);
  return p.id;
}

async function oldLoan(db: DigitafelDb, state: SyncState) {
  const item = await seedEquipment(db, { assetTag: `LAP-${state}` });
  const loan = await lendEquipment({
    consent: true,
    equipmentId: item.id,
    kind: 'loan',
    borrowerCode: 'B-7',
  });
  await returnLoan(loan.id, { conditionIn: 'fine' });
  await db.loans.update(loan.id, { startedAt: OLD, returnedAt: OLD });
  await settle(db, 'loans', loan.id, state);
  return loan.id;
}

describe('the 30-day purge on the phone', () => {
  it('keeps old records that need attention or are in conflict, in every table', async () => {
    const db = freshDb();
    const kept = {
      help_requests: [await oldHelp(db, 'needs_attention'), await oldHelp(db, 'conflict')],
      permanences: [await oldPermanence(db, 'needs_attention'), await oldPermanence(db, 'conflict')],
      loans: [await oldLoan(db, 'needs_attention'), await oldLoan(db, 'conflict')],
    };
    expect(await db.outbox.count()).toBe(0);

    expect(await purgeOldRecords(db, NOW)).toBe(0);
    for (const [table, ids] of Object.entries(kept))
      for (const id of ids) expect(await db.table(table).get(id), `${table} ${id}`).toBeDefined();
  });

  it('deletes old records the server holds, stored synced or acknowledged, and nothing else', async () => {
    const db = freshDb();
    const gone = {
      help_requests: [await oldHelp(db, 'synced'), await oldHelp(db, 'pending')],
      permanences: [await oldPermanence(db, 'synced'), await oldPermanence(db, 'pending')],
      loans: [await oldLoan(db, 'synced'), await oldLoan(db, 'pending')],
    };
    const waiting = await oldHelp(db, 'pending', false); // its outbox entry is not sent yet
    const attention = await oldHelp(db, 'needs_attention');
    const recent = await saveHelpRequest({
      occurredAt: RECENT,
      channel: 'phone',
      topics: ['email'],
      outcome: 'solved',
    });
    await settle(db, 'help_requests', recent.id, 'synced');

    expect(await purgeOldRecords(db, NOW)).toBe(6);
    for (const [table, ids] of Object.entries(gone))
      for (const id of ids) expect(await db.table(table).get(id), `${table} ${id}`).toBeUndefined();
    for (const id of [waiting, attention, recent.id]) expect(await db.help_requests.get(id)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('compares instants, not text, for dates written with an offset', async () => {
    const db = freshDb();
    // 30 days and 1 hour before NOW as an instant, but later than the limit as text.
    const h = await saveHelpRequest({
      occurredAt: '2026-11-01T20:00:00.000+10:00',
      channel: 'street_stand',
      topics: ['itsme'],
      outcome: 'solved',
    });
    await settle(db, 'help_requests', h.id, 'synced');
    expect(await purgeOldRecords(db, NOW)).toBe(1);
  });
});
