// Loans through push: the one-open-loan rule (conflict) and equipment status set by the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/sync-protocol';
import { findRecord } from '../../src/server/db/records.repository';
import { login, startTestServer, testDatabases, type TestServer } from './helpers';
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
});
