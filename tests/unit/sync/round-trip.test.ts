import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteHelpRequest,
  deleteLoan,
  endPermanence,
  findEquipmentByAssetTag,
  getMeta,
  lendEquipment,
  saveHelpRequest,
  startPermanence,
  syncSummary,
  updatePermanence,
} from '../../../src/local';
import { startTestServer, testDatabases, type TestServer } from '../../server/helpers';
import { helpDraft, newPhone, serverEquipment } from './helpers';

describe.each(testDatabases())('sync against the real server on $name', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dbUrl: url });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('pushes saved records and pulls them (and reference data) on another device', async () => {
    const coordinator = await newPhone(server, 'coordinator');
    const equipmentId = await serverEquipment(coordinator, 'LAP-7');

    const phone = await newPhone(server, 'volunteer');
    phone.use();
    const h1 = await saveHelpRequest(helpDraft());
    const h2 = await saveHelpRequest(helpDraft({ channel: 'phone', topics: ['itsme', 'phishing'] }));
    const p = await startPermanence({ locationId: null, kind: 'permanence' });
    const report = await phone.engine.sync();
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ ok: true, push: { sent: 3, applied: 3, rejected: 0 } });
    expect(await phone.db.outbox.count()).toBe(0);
    for (const id of [h1.id, h2.id]) {
      expect(await phone.db.help_requests.get(id)).toMatchObject({ syncState: 'synced', version: 1 });
    }
    expect(await phone.db.permanences.get(p.id)).toMatchObject({ syncState: 'synced', version: 1 });
    expect(await syncSummary()).toMatchObject({ pending: 0, needsAttention: 0, conflicts: 0, outbox: 0 });
    expect(await getMeta(phone.db, 'lastSyncAt')).toBeTruthy();
    expect(await getMeta(phone.db, 'pullCursor')).toBeTruthy();

    // The same volunteer on a second phone gets their records and the equipment.
    const second = await newPhone(server, 'volunteer');
    expect((await second.engine.sync()).ok).toBe(true);
    expect(await second.db.help_requests.get(h2.id)).toMatchObject({
      channel: 'phone',
      topics: ['itsme', 'phishing'],
      version: 1,
      syncState: 'synced',
    });
    expect(await second.db.permanences.get(p.id)).toMatchObject({ kind: 'permanence', version: 1 });
    second.use();
    expect(await findEquipmentByAssetTag('lap-7')).toMatchObject({ id: equipmentId, status: 'ready' });

    // A loan made there reaches the server, which derives the equipment status; it comes back down.
    const loan = await lendEquipment({ consent: true, equipmentId, kind: 'loan', borrowerCode: 'B-1' });
    expect((await second.engine.sync()).push.applied).toBe(1);
    expect(await second.db.loans.get(loan.id)).toMatchObject({ syncState: 'synced', status: 'active' });
    expect((await phone.engine.sync()).ok).toBe(true);
    expect(await phone.db.equipment.get(equipmentId)).toMatchObject({
      status: 'on_loan',
      syncState: 'synced',
    });
    expect(await phone.db.loans.get(loan.id)).toMatchObject({ equipmentId, status: 'active' });
  });

  it('sends edits and deletes made after sending; a deleted loan frees its item on the server', async () => {
    const coordinator = await newPhone(server, 'coordinator');
    const equipmentId = await serverEquipment(coordinator, 'LAP-DEL');
    const phone = await newPhone(server, 'volunteer');
    expect((await phone.engine.sync()).ok).toBe(true);
    phone.use();
    const h = await saveHelpRequest(helpDraft());
    const p = await startPermanence({ locationId: null, kind: 'permanence' });
    await endPermanence(p.id, { notes: 'first' });
    const loan = await lendEquipment({ consent: true, equipmentId, kind: 'loan', borrowerCode: 'B-DEL' });
    expect((await phone.engine.sync()).push.applied).toBe(4);

    await saveHelpRequest({ ...helpDraft(), id: h.id, outcome: 'partly' });
    await updatePermanence(p.id, { visitorCount: 9, notes: 'corrected' });
    await deleteLoan(loan.id);
    await deleteHelpRequest(h.id);
    const report = await phone.engine.sync();
    expect(report).toMatchObject({ ok: true, push: { applied: 4, rejected: 0, conflicts: 0 } });
    expect(await phone.db.permanences.get(p.id)).toMatchObject({
      visitorCount: 9,
      version: 3,
      syncState: 'synced',
    });
    expect(await phone.db.help_requests.get(h.id)).toBeUndefined();
    expect(await phone.db.loans.get(loan.id)).toBeUndefined();

    const pulled = await coordinator.api.pull('', 1000);
    const latest = (id: string) => pulled.changes.filter((c) => c.id === id).at(-1);
    expect(latest(h.id)).toMatchObject({ deleted: true });
    expect(latest(loan.id)).toMatchObject({ deleted: true });
    expect(latest(p.id)?.record).toMatchObject({
      visitorCount: 9,
      notes: 'corrected',
      endedAt: expect.any(String),
    });
    expect(latest(equipmentId)?.record).toMatchObject({ status: 'ready' });
  });

  it('renumbers the outbox when a session with a new device is stored', async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    await phone.db.meta.put({ key: 'nextMutationId', value: 41 });
    await saveHelpRequest(helpDraft());
    await saveHelpRequest(helpDraft());
    expect((await phone.db.outbox.toArray()).map((e) => e.mutationId)).toEqual([41, 42]);
    const { setSession } = await import('../../../src/sync');
    const again = await newPhone(server, 'volunteer'); // a fresh login = a new device
    phone.use();
    await setSession({ ...again.session, serverUrl: server.url });
    expect((await phone.db.outbox.toArray()).map((e) => e.mutationId)).toEqual([1, 2]);
    expect((await getMeta(phone.db, 'nextMutationId'))!).toBe(3);
  });

  it('closes a gap between the server and the outbox by renumbering, then applies', async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    await phone.db.meta.put({ key: 'nextMutationId', value: 10 });
    const h = await saveHelpRequest(helpDraft());
    const report = await phone.engine.sync();
    expect(report).toMatchObject({ ok: true, push: { applied: 1 } });
    expect(await phone.db.help_requests.get(h.id)).toMatchObject({ syncState: 'synced', version: 1 });
    expect(await getMeta(phone.db, 'nextMutationId')).toBe(2);
  });
});
