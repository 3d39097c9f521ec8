// The conflicts queue on SQLite and PostgreSQL: a second open loan of one item, values a stale
// write overwrote, and resolving them so the phones see the outcome on their next pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src/shared/api';
import type { PullResponse } from '../../../src/shared/sync-protocol';
import { api, login, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, helpRequest, loan, push } from '../fixtures';
import { startCoordinatorServer } from './server';

async function pullAll(s: TestServer, who: Session): Promise<PullResponse['changes']> {
  return (await api(s.app, who.token, 'GET', '/sync/pull?limit=1000')).json<PullResponse>().changes;
}

describe.each(testDatabases())('conflicts on $name', ({ url }) => {
  let s: TestServer;
  let phone2: Session;
  const next = counter();
  const item = equipment();
  const first = loan(item.id as string, { borrowerCode: 'B-1' });
  const second = loan(item.id as string, { borrowerCode: 'B-2' });
  const third = loan(item.id as string, { borrowerCode: 'B-3' });
  const help = helpRequest({ outcome: 'solved' });

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    phone2 = await login(s.app, s.volunteer.user.email);
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: item }]);
    await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', record: first },
      { mutationId: next(s.volunteer), table: 'help_requests', record: help },
    ]);
    const res = await push(s.app, phone2, [
      { mutationId: next(phone2), table: 'loans', record: second },
      { mutationId: next(phone2), table: 'help_requests', record: { ...help, outcome: 'not_solved' } },
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['conflict', 'applied']);
  });
  afterAll(() => s.close());

  it('sends the volunteer their own loan in conflict as a record, so a settled one shows', async () => {
    const change = (await pullAll(s, s.volunteer)).find((c) => c.id === second.id);
    expect(change).toMatchObject({ deleted: false, record: { status: 'conflict', borrowerCode: 'B-2' } });
  });

  it('lists the loan in conflict with the open loan it collides with, and the overwritten value', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', '/conflicts')).statusCode).toBe(403);
    const res = (await api(s.app, s.coordinator.token, 'GET', '/conflicts')).json();
    expect(res.loans).toHaveLength(1);
    expect(res.loans[0].loan).toMatchObject({ id: second.id, status: 'conflict' });
    expect(res.loans[0].openLoans.map((l: { id: string }) => l.id)).toEqual([first.id]);
    expect(res.loans[0].equipment.id).toBe(item.id);
    expect(res.merges).toEqual([
      expect.objectContaining({
        table: 'help_requests',
        recordId: help.id,
        field: 'outcome',
        oldValue: 'solved',
        newValue: 'not_solved',
      }),
    ]);
    expect((await api(s.app, s.otherOrg.coordinator.token, 'GET', '/conflicts')).json()).toEqual({
      loans: [],
      merges: [],
    });
  });

  it("keeps another organisation's conflicts out of reach (404) and refuses bad resolutions", async () => {
    const other = await api(s.app, s.otherOrg.coordinator.token, 'POST', `/conflicts/${second.id}/resolve`, {
      action: 'cancel',
    });
    expect(other.statusCode).toBe(404);
    const bad = await api(s.app, s.coordinator.token, 'POST', `/conflicts/${second.id}/resolve`, {
      action: 'choose',
      keep: 'both',
    });
    expect(bad.statusCode).toBe(400);
    const blocked = await api(s.app, s.coordinator.token, 'POST', `/conflicts/${second.id}/resolve`, {
      action: 'edit',
      changes: { programme: 'x' },
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('loan_conflict');
    const still = (await api(s.app, s.coordinator.token, 'GET', '/conflicts')).json();
    expect(still.loans).toHaveLength(1);
  });

  it('chooses the incoming loan: the other one ends, both phones see it after their next pull', async () => {
    const res = await api(s.app, s.coordinator.token, 'POST', `/conflicts/${second.id}/resolve`, {
      action: 'choose',
      keep: 'incoming',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().loan).toMatchObject({ id: second.id, status: 'active' });
    const changes = await pullAll(s, phone2);
    expect(changes.find((c) => c.id === second.id)?.record).toMatchObject({ status: 'active' });
    const firstNow = (await api(s.app, s.coordinator.token, 'GET', `/records/loans/${first.id}`)).json();
    expect(firstNow.record).toMatchObject({ status: 'returned', returnedAt: second.startedAt });
    expect(firstNow.audit).toHaveLength(1);
    const eq = (await pullAll(s, s.volunteer)).find((c) => c.id === item.id);
    expect(eq?.record).toMatchObject({ status: 'on_loan' });
    expect((await api(s.app, s.coordinator.token, 'GET', '/conflicts')).json().loans).toEqual([]);
  });

  it('cancels a loan in conflict: a tombstone the phones pull', async () => {
    const res = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', record: third },
    ]);
    expect(res.results[0]?.status).toBe('conflict');
    const cancel = await api(s.app, s.coordinator.token, 'POST', `/conflicts/${third.id}/resolve`, {
      action: 'cancel',
    });
    expect(cancel.json()).toEqual({ loan: null });
    const change = (await pullAll(s, s.volunteer)).find((c) => c.id === third.id);
    expect(change?.deleted).toBe(true);
  });

  it('restores an overwritten value as a new version, and the merge leaves the queue', async () => {
    const [merge] = (await api(s.app, s.coordinator.token, 'GET', '/conflicts')).json().merges;
    const res = await api(s.app, s.coordinator.token, 'POST', `/conflicts/${merge.id}/resolve`, {
      action: 'choose',
      keep: 'existing',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      resolution: 'restored',
      record: { id: help.id, outcome: 'solved', version: 3 },
    });
    const change = (await pullAll(s, s.volunteer)).find((c) => c.id === help.id);
    expect(change?.record).toMatchObject({ outcome: 'solved' });
    expect((await api(s.app, s.coordinator.token, 'GET', '/conflicts')).json().merges).toEqual([]);
    const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${help.id}`)).json();
    expect(detail.merges[0].resolution).toBe('restored');
    expect(detail.audit[0]).toMatchObject({
      before: { outcome: 'not_solved' },
      after: { outcome: 'solved' },
    });
  });
});
