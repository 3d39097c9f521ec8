// Retention on the phone, against the real server: after a successful sync no borrower
// identity is anywhere in the phone's database (not on a coordinator's phone that pulls the
// borrowers table, not in a returned loan, not in the outbox), and synced records older than
// 30 days are purged, while open sessions and loans stay.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endPermanence,
  lendEquipment,
  returnLoan,
  saveHelpRequest,
  startPermanence,
  type DigitafelDb,
} from '../../../src/local';
import { newId } from '../../../src/shared/ids';
import { createSyncEngine } from '../../../src/sync/engine';
import { startTestServer, type TestServer } from '../../server/helpers';
import { helpDraft, newPhone, serverEquipment } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const IDENTITY = { name: 'Fatima Vandenbroucke', phone: '+32 470 12 34 56', email: 'fatima@example.be' };

/** Everything the phone stores, every table and the outbox, as one JSON text. */
async function dump(db: DigitafelDb): Promise<string> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  return JSON.stringify(all);
}

describe('retention on the phone', () => {
  it('keeps borrower identity nowhere after a sync, on a coordinator’s or a volunteer’s phone', async () => {
    const coordinator = await newPhone(server, 'coordinator');
    const equipmentId = await serverEquipment(coordinator, 'LAP-RET');
    const borrowerId = newId();
    const created = await coordinator.api.push({
      deviceId: coordinator.session.deviceId,
      schemaVersion: 1,
      mutations: [
        {
          mutationId: 2,
          table: 'borrowers',
          op: 'upsert',
          id: borrowerId,
          baseVersion: null,
          record: { id: borrowerId, borrowerCode: 'B-RET', consent: true, ...IDENTITY },
        },
      ],
    });
    expect(created.results[0]?.status).toBe('applied');

    // A volunteer lends the item to that borrower code and takes it back; both reach the server.
    const volunteer = await newPhone(server, 'volunteer');
    expect((await volunteer.engine.sync()).ok).toBe(true);
    volunteer.use();
    const loan = await lendEquipment({ consent: true, equipmentId, kind: 'loan', borrowerCode: 'B-RET' });
    await returnLoan(loan.id, { conditionIn: 'fine' });
    expect(JSON.stringify(await volunteer.db.outbox.toArray())).toContain('B-RET');
    const report = await volunteer.engine.sync();
    expect(report).toMatchObject({ ok: true, push: { applied: 2 } });
    // The closed loan came back as a tombstone: gone, with its borrower code, from this phone.
    expect(await volunteer.db.loans.get(loan.id)).toBeUndefined();
    expect(await volunteer.db.outbox.count()).toBe(0);
    const volunteerData = await dump(volunteer.db);
    expect(volunteerData).not.toContain('B-RET');
    for (const value of Object.values(IDENTITY)) expect(volunteerData).not.toContain(value);

    // The coordinator's phone receives the borrowers table in the pull, and drops it.
    const pulled = await coordinator.api.pull('', 1000);
    expect(pulled.changes.some((c) => c.table === 'borrowers' && c.id === borrowerId)).toBe(true);
    expect((await coordinator.engine.sync()).ok).toBe(true);
    const coordinatorData = await dump(coordinator.db);
    expect(coordinatorData).toContain(equipmentId); // the sync did store what it may
    for (const value of Object.values(IDENTITY)) expect(coordinatorData).not.toContain(value);
    expect(coordinatorData).not.toContain(borrowerId);
  });

  it('purges synced help requests and closed permanences older than 30 days; open ones stay', async () => {
    const coordinator = await newPhone(server, 'coordinator');
    const equipmentId = await serverEquipment(coordinator, 'LAP-OLD');
    const phone = await newPhone(server, 'volunteer');
    expect((await phone.engine.sync()).ok).toBe(true);
    const db = phone.use();
    const oldHelp = await saveHelpRequest(helpDraft());
    const newHelp = await saveHelpRequest(helpDraft());
    const closed = await startPermanence({ locationId: null, kind: 'digi_table' });
    await endPermanence(closed.id, { notes: 'done' });
    const open = await startPermanence({ locationId: null, kind: 'permanence' });
    const loan = await lendEquipment({ consent: true, equipmentId, kind: 'loan', borrowerCode: 'B-OLD' });
    expect((await phone.engine.sync()).push.applied).toBe(6);

    // 31 days later (the phone's clock): the open permanence and the open loan must stay.
    const later = new Date(Date.now() + 31 * 86_400_000);
    await saveHelpRequest(helpDraft({ id: newHelp.id, occurredAt: later.toISOString() }));
    const engine = createSyncEngine({ db, api: phone.api, now: () => later });
    const report = await engine.sync();
    expect(report.ok).toBe(true);
    expect(report.purged).toBe(2);
    expect(await db.help_requests.get(oldHelp.id)).toBeUndefined();
    expect(await db.permanences.get(closed.id)).toBeUndefined();
    expect(await db.help_requests.get(newHelp.id)).toMatchObject({ syncState: 'synced' });
    expect(await db.permanences.get(open.id)).toMatchObject({ syncState: 'synced' });
    expect(await db.loans.get(loan.id)).toMatchObject({ syncState: 'synced', status: 'active' });
  });
});
