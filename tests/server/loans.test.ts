// Loans through push: the one-open-loan rule (conflict) and equipment status set by the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/sync-protocol';
import { findRecord } from '../../src/server/db/records.repository';
import { hashPassword } from '../../src/server/auth/secrets';
import { insertUser } from '../../src/server/db/users.repository';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { counter, equipment, loan, push, storedRecord } from './fixtures';

describe.each(testDatabases())('loans on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  const stored = (table: 'help_requests' | 'loans' | 'equipment', id: string) => storedRecord(s, table, id);

  it('keeps a second open loan as conflict and sets the equipment status through loans', async () => {
    const eq = equipment();
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: eq }]);
    const first = loan(eq.id as string);
    const r1 = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', record: first },
    ]);
    expect(r1.results[0]).toMatchObject({ status: 'applied', version: 1 });
    expect(await stored('equipment', eq.id as string)).toMatchObject({
      version: 2,
      data: { status: 'on_loan' },
    });

    const second = loan(eq.id as string, { borrowerCode: 'B-0099' });
    const other = await login(s.app, s.volunteer.user.email);
    const r2 = await push(s.app, other, [{ mutationId: next(other), table: 'loans', record: second }]);
    expect(r2.results[0]).toMatchObject({
      status: 'conflict',
      version: 1,
      record: { id: second.id, status: 'conflict', borrowerCode: 'B-0099', version: 1, orgId: s.orgId },
    });
    expect(await stored('loans', second.id as string)).toMatchObject({ status: 'conflict', open: 0 });

    const back = { ...first, returnedAt: new Date().toISOString() };
    const r3 = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', baseVersion: 1, record: back },
    ]);
    expect(r3.results[0]).toMatchObject({ status: 'applied', version: 2 });
    expect(await stored('loans', first.id as string)).toMatchObject({ status: 'returned', open: 0 });
    expect(await stored('equipment', eq.id as string)).toMatchObject({
      version: 3,
      data: { status: 'ready' },
    });

    const gift = loan(eq.id as string, { kind: 'gift' });
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'loans', record: gift }]);
    expect(await stored('equipment', eq.id as string)).toMatchObject({
      version: 4,
      data: { status: 'given' },
    });
  });

  it('rejects a loan of equipment that is not in the caller’s organisation', async () => {
    const theirs = equipment();
    const oc = s.otherOrg.coordinator;
    await push(s.app, oc, [{ mutationId: next(oc), table: 'equipment', record: theirs }]);
    const l = loan(theirs.id as string);
    const res = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', record: l },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_equipment' } });
    expect(await stored('loans', l.id as string)).toBeUndefined();
    const row = await findRecord(s.db, 'equipment', s.otherOrg.orgId, theirs.id as string);
    expect(JSON.parse(row!.data).status).toBe('ready');
  });

  it('lets any volunteer of the org return a loan, but only its creator delete it', async () => {
    const eq = equipment();
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: eq }]);
    const l = loan(eq.id as string);
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'loans', record: l }]);
    const del = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', op: 'delete', id: l.id as string, baseVersion: 1 },
    ]);
    expect(del.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden_record' } });
    const back = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'loans',
        baseVersion: 1,
        record: { ...l, returnedAt: new Date().toISOString() },
      },
    ]);
    expect(back.results[0]).toMatchObject({ status: 'applied', version: 2 });
    expect(await stored('equipment', eq.id as string)).toMatchObject({ data: { status: 'ready' } });
  });

  it('lets another volunteer change only the return and extension of a loan (issue 11 finding 6)', async () => {
    const email = `other-volunteer-${Date.now()}@example.org`;
    await insertUser(s.db, {
      orgId: s.orgId,
      email,
      name: 'Olga',
      role: 'volunteer',
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    const olga = await login(s.app, email);
    const [eq, eq2] = [equipment(), equipment()];
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: eq },
      { mutationId: next(s.coordinator), table: 'equipment', record: eq2 },
    ]);
    const l = loan(eq.id as string, { notes: 'charger lent too', dueAt: '2026-12-20T10:00:00.000Z' });
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'loans', record: l }]);

    const attempts: Array<[string, Record<string, unknown>]> = [
      ['equipmentId', { equipmentId: eq2.id }],
      ['borrowerCode', { borrowerCode: 'B-OTHER' }],
      ['kind', { kind: 'gift' }],
      ['startedAt', { startedAt: '2026-01-01T10:00:00.000Z' }],
      ['notes', { notes: 'rewritten' }],
      ['programme', { programme: 'x' }],
    ];
    for (const [field, change] of attempts) {
      const res = await push(s.app, olga, [
        { mutationId: next(olga), table: 'loans', baseVersion: 1, record: { ...l, ...change } },
      ]);
      expect(res.results[0], field).toMatchObject({
        status: 'rejected',
        error: { code: 'forbidden_record' },
      });
      expect(
        (res.results[0] as { error: { issues: Array<{ path: string[] }> } }).error.issues[0]!.path,
      ).toEqual([field]);
    }
    const unchanged = await stored('loans', l.id as string);
    expect(unchanged).toMatchObject({ version: 1, data: { equipmentId: eq.id, notes: 'charger lent too' } });
    expect(await stored('equipment', eq2.id as string)).toMatchObject({ data: { status: 'ready' } });

    // Extending and returning are anyone's.
    const extension = {
      at: new Date().toISOString(),
      previousDueAt: l.dueAt,
      newDueAt: '2027-01-10T10:00:00.000Z',
    };
    const extended = { ...l, dueAt: extension.newDueAt, extensions: [extension] };
    const ext = await push(s.app, olga, [
      { mutationId: next(olga), table: 'loans', baseVersion: 1, record: extended },
    ]);
    expect(ext.results[0]).toMatchObject({ status: 'applied', version: 2 });
    // A stale copy (version 1, on Olga's other phone) that differs elsewhere keeps the current
    // values there.
    const olgaTablet = await login(s.app, email);
    const back = await push(s.app, olgaTablet, [
      {
        mutationId: next(olgaTablet),
        table: 'loans',
        baseVersion: 1,
        record: { ...l, notes: 'old view', returnedAt: new Date().toISOString(), conditionIn: 'scratched' },
      },
    ]);
    expect(back.results[0]).toMatchObject({ status: 'applied', version: 3 });
    expect(await stored('loans', l.id as string)).toMatchObject({
      status: 'returned',
      data: { notes: 'charger lent too', conditionIn: 'scratched' },
    });
    expect(await stored('equipment', eq.id as string)).toMatchObject({ data: { status: 'ready' } });
  });

  it('frees the item a loan held when the loan moves to another item', async () => {
    const [a, b] = [equipment(), equipment()];
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: a },
      { mutationId: next(s.coordinator), table: 'equipment', record: b },
    ]);
    const l = loan(a.id as string);
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'loans', record: l }]);
    expect(await stored('equipment', a.id as string)).toMatchObject({ data: { status: 'on_loan' } });
    // Its maker corrects the item scanned by mistake, and makes it a gift.
    const moved = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'loans',
        baseVersion: 1,
        record: { ...l, equipmentId: b.id, kind: 'gift' },
      },
    ]);
    expect(moved.results[0]).toMatchObject({ status: 'applied' });
    expect(await stored('equipment', a.id as string)).toMatchObject({ data: { status: 'ready' } });
    expect(await stored('equipment', b.id as string)).toMatchObject({ data: { status: 'given' } });
    // The same through a coordinator's correction.
    const c = loan(a.id as string);
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'loans', record: c }]);
    const [d] = [equipment()];
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: d }]);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/loans/${c.id}`,
      headers: { authorization: `Bearer ${s.coordinator.token}` },
      payload: { changes: { equipmentId: d.id } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored('equipment', a.id as string)).toMatchObject({ data: { status: 'ready' } });
    expect(await stored('equipment', d.id as string)).toMatchObject({ data: { status: 'on_loan' } });
  });

  it('makes the item ready again when its open loan is deleted', async () => {
    const eq = equipment();
    const l = loan(eq.id as string);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: eq },
      { mutationId: next(s.coordinator), table: 'loans', record: l },
    ]);
    expect(await stored('equipment', eq.id as string)).toMatchObject({ data: { status: 'on_loan' } });
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'loans', op: 'delete', id: l.id as string, baseVersion: 1 },
    ]);
    expect(await stored('loans', l.id as string)).toMatchObject({ deleted: 1, open: 0 });
    expect(await stored('equipment', eq.id as string)).toMatchObject({ data: { status: 'ready' } });
  });

  it('lets exactly one of several simultaneous loans of one item be open', async () => {
    const eq = equipment();
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: eq }]);
    const phones = await Promise.all([1, 2, 3, 4].map(() => login(s.app, s.volunteer.user.email)));
    const results = await Promise.all(
      phones.map(async (p) => {
        const res = await fetch(`${s.url}/api/v1/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceId: p.deviceId,
            schemaVersion: 1,
            mutations: [
              { mutationId: 1, table: 'loans', op: 'upsert', id: crypto.randomUUID(), baseVersion: null },
            ].map((m) => ({ ...m, record: loan(eq.id as string, { id: m.id }) })),
          }),
        });
        return ((await res.json()) as PushResponse).results[0]!.status;
      }),
    );
    expect(results.filter((r) => r === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r === 'conflict')).toHaveLength(3);
    const rows = await s.db
      .selectFrom('loans')
      .select(['status'])
      .where('equipment_id', '=', eq.id as string)
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['active', 'conflict', 'conflict', 'conflict']);
  });

  it('stores and syncs the borrower’s consent given at lending, and the workspace names it', async () => {
    const item = equipment();
    await push(s.app, s.admin, [{ mutationId: next(s.admin), table: 'equipment', record: item }]);
    const consentAt = '2026-11-20T10:15:00.000Z';
    const lent = loan(item.id as string, { consent: true, consentAt });
    const res = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', record: lent },
    ]);
    expect(res.results[0]!.status).toBe('applied');
    expect((await stored('loans', lent.id as string))?.data).toMatchObject({ consent: true, consentAt });
    // Another phone of the organisation receives it with the loan.
    const other = await login(s.app, s.coordinator.user.email);
    const pulled = await api(s.app, other.token, 'GET', '/sync/pull?limit=1000');
    const change = pulled.json().changes.find((c: { id: string }) => c.id === lent.id);
    expect(change.record).toMatchObject({ consent: true, consentAt });
    // The readable export says it in words, with a Brussels date.
    const csv = await api(s.app, s.coordinator.token, 'GET', '/export/loans.csv?lang=en');
    const [head, ...rows] = csv.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    const cols = head!.split(';');
    const row = rows.find((r) => r.includes(item.assetTag as string))!.split(';');
    expect(row[cols.indexOf('Consent')]).toBe('Yes');
    expect(row[cols.indexOf('Consent given on')]).toBe('2026-11-20');
  });
});
