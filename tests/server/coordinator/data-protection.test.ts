// The data-protection routes on SQLite and PostgreSQL: export and erasure of one borrower's
// data, the retention status, the people list; roles and organisation isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import { runRetention } from '../../../src/server/retention/run';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, loan, push } from '../fixtures';
import { startCoordinatorServer } from './server';

describe.each(testDatabases())('data protection on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const item = equipment();
  const borrower = {
    id: newId(),
    borrowerCode: 'B-0042',
    name: 'Anaïs Dupont',
    phone: '+32 470 12 34 56',
    consent: true,
  };

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: item },
      { mutationId: next(s.coordinator), table: 'borrowers', record: borrower },
      {
        mutationId: next(s.coordinator),
        table: 'loans',
        record: loan(item.id as string, { borrowerCode: 'B-0042' }),
      },
    ]);
  });
  afterAll(() => s.close());

  it('refuses volunteers and hides other organisations', async () => {
    for (const path of ['/retention/status', '/borrowers/B-0042/export', '/people']) {
      expect((await api(s.app, s.volunteer.token, 'GET', path)).statusCode).toBe(403);
    }
    expect((await api(s.app, s.volunteer.token, 'POST', '/borrowers/B-0042/erase')).statusCode).toBe(403);
    expect(
      (await api(s.app, s.otherOrg.coordinator.token, 'GET', '/borrowers/B-0042/export')).statusCode,
    ).toBe(404);
    expect(
      (await api(s.app, s.otherOrg.coordinator.token, 'POST', '/borrowers/B-0042/erase')).statusCode,
    ).toBe(404);
  });

  it('exports then erases one borrower, leaving no identity in the audit trail', async () => {
    const exported = (await api(s.app, s.coordinator.token, 'GET', '/borrowers/B-0042/export')).json();
    expect(exported.borrower).toMatchObject({ name: 'Anaïs Dupont', phone: '+32 470 12 34 56' });
    expect(exported.loans).toHaveLength(1);
    await api(s.app, s.coordinator.token, 'PATCH', `/records/borrowers/${borrower.id}`, {
      changes: { name: 'Anaïs Dupont-Martin' },
    });
    // The export names what its ids point to (the item's asset tag, who changed the record), so
    // the workspace shows it in words (BorrowerData.tsx).
    const corrected = (await api(s.app, s.coordinator.token, 'GET', '/borrowers/B-0042/export')).json();
    expect(corrected.changes).toEqual([
      expect.objectContaining({
        table: 'borrowers',
        userId: s.coordinator.user.id,
        after: expect.objectContaining({ name: 'Anaïs Dupont-Martin' }),
      }),
    ]);
    expect(corrected.names.equipment).toEqual({ [item.id as string]: item.assetTag });
    expect(corrected.names.users).toEqual({ [s.coordinator.user.id]: s.coordinator.user.name });

    const erased = await api(s.app, s.coordinator.token, 'POST', '/borrowers/B-0042/erase');
    expect(erased.json()).toEqual({ erased: true });
    const after = (await api(s.app, s.coordinator.token, 'GET', '/borrowers/B-0042/export')).json();
    expect(after.borrower).toBeNull();
    expect(after.loans).toHaveLength(1);
    const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/borrowers/${borrower.id}`)).json();
    expect(detail.record.deleted).toBe(true);
    expect(detail.record.name).toBeUndefined();
    expect(JSON.stringify(detail.audit)).not.toContain('Anaïs');
    const rows = await s.db.selectFrom('borrowers').select('data').where('id', '=', borrower.id).execute();
    expect(rows[0]?.data).not.toContain('Anaïs');
  });

  it('reports the last retention run and lists the people', async () => {
    const before = (await api(s.app, s.coordinator.token, 'GET', '/retention/status')).json();
    expect(before.lastRun).toBeNull();
    expect(before.due).toEqual({
      helpRequestNotes: 0,
      helpRequestLinks: 0,
      permanenceNotes: 0,
      borrowersWithEndedLoans: 0,
    });
    await runRetention(s.db, new Date('2026-11-23T03:00:00Z'));
    const status = (await api(s.app, s.coordinator.token, 'GET', '/retention/status')).json();
    expect(status.lastRun.ranAt).toBe('2026-11-23T03:00:00.000Z');
    const people = (await api(s.app, s.coordinator.token, 'GET', '/people')).json();
    expect(people.users.map((u: { name: string }) => u.name).sort()).toEqual(['Admin', 'Coco', 'Vera']);
  });
});
