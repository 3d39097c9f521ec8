// The conflicts queue on SQLite and PostgreSQL: a second open loan of one item, values a stale
// write overwrote, and resolving them so the phones see the outcome on their next pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src/shared/api';
import type { PullResponse } from '../../../src/shared/sync-protocol';
import { api, login, testDatabases, type TestServer } from '../helpers';
import { newId } from '../../../src/shared/ids';
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
  const place = { id: newId(), name: 'Buurthuis De Kring', active: true };
  const help = helpRequest({ outcome: 'solved', locationId: place.id });

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    phone2 = await login(s.app, s.volunteer.user.email);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: item },
      { mutationId: next(s.coordinator), table: 'locations', record: place },
      {
        mutationId: next(s.coordinator),
        table: 'borrowers',
        record: { id: newId(), borrowerCode: 'B-2', name: 'Bea Borrower', consent: true },
      },
    ]);
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
    // Both sides in names: who lent the item to whom, and when.
    expect(res.loans[0]).toMatchObject({
      loan: { id: second.id, status: 'conflict', borrowerCode: 'B-2' },
      lentBy: 'Vera',
      borrower: { name: 'Bea Borrower' },
      equipment: { id: item.id, assetTag: item.assetTag, kind: 'laptop' },
    });
    expect(res.loans[0].openLoans).toEqual([
      expect.objectContaining({
        loan: expect.objectContaining({ id: first.id }),
        lentBy: 'Vera',
        borrower: null,
      }),
    ]);
    // Which value was overwritten by whom, and what the record is about (the place by name).
    expect(res.merges).toEqual([
      expect.objectContaining({
        table: 'help_requests',
        recordId: help.id,
        field: 'outcome',
        oldValue: 'solved',
        overwrittenBy: 'Vera',
        newValue: 'not_solved',
        writtenBy: 'Vera',
        record: expect.objectContaining({ id: help.id, outcome: 'not_solved', locationId: place.id }),
      }),
    ]);
    expect(res.merges[0].overwrittenAt < res.merges[0].at).toBe(true);
    expect(res.names.locations).toEqual({ [place.id as string]: 'Buurthuis De Kring' });
    expect(res.names.users[s.volunteer.user.id]).toBe('Vera');
    expect(res).toMatchObject({ mergesTotal: 1, hasMore: false, cursor: null });
    const other = (await api(s.app, s.otherOrg.coordinator.token, 'GET', '/conflicts')).json();
    expect(other).toMatchObject({ loans: [], merges: [], mergesTotal: 0 });
    for (const bad of ['?cursor=x', '?limit=0', '?page=2']) {
      expect((await api(s.app, s.coordinator.token, 'GET', `/conflicts${bad}`)).statusCode, bad).toBe(400);
    }
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

describe.each(testDatabases())('many overwritten values on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  afterAll(() => s.close());

  it('pages through every unanswered value, newest first, none dropped past a cap', async () => {
    s = await startCoordinatorServer(url);
    const phone2 = await login(s.app, s.volunteer.user.email);
    const helps = Array.from({ length: 120 }, () => helpRequest({ outcome: 'solved' }));
    await push(
      s.app,
      s.volunteer,
      helps.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests' as const, record })),
    );
    await push(
      s.app,
      phone2,
      helps.map((h) => ({
        mutationId: next(phone2),
        table: 'help_requests' as const,
        record: { ...h, outcome: 'partly' },
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(
        s.app,
        s.coordinator.token,
        'GET',
        `/conflicts?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body = res.json();
      expect(body.mergesTotal).toBe(120);
      seen.push(...body.merges.map((m: { recordId: string }) => m.recordId));
      cursor = body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(120);
    expect(seen.sort()).toEqual(helps.map((h) => h.id as string).sort());
  });
});
