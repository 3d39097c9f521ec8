// Push: every outcome (applied, skipped, gap, rejected, conflict, merge) on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { findRecord } from '../../src/server/db/records.repository';
import { api, login, startTestServer, testDatabases, type TestServer } from './helpers';
import { counter, equipment, helpRequest, loan, push, storedRecord } from './fixtures';

describe.each(testDatabases())('push on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  const stored = (table: 'help_requests' | 'loans' | 'equipment', id: string) => storedRecord(s, table, id);

  it('applies a new record with version 1 and the creator from the token', async () => {
    const rec = helpRequest();
    const m = next(s.volunteer);
    const res = await push(s.app, s.volunteer, [{ mutationId: m, table: 'help_requests', record: rec }]);
    expect(res).toEqual({ lastMutationId: m, results: [{ mutationId: m, status: 'applied', version: 1 }] });
    const row = await stored('help_requests', rec.id as string);
    expect(row).toMatchObject({ version: 1, created_by: s.volunteer.user.id, org_id: s.orgId, deleted: 0 });
    expect(row!.data).toEqual(rec);
  });

  it('skips what was handled already and stops at a gap', async () => {
    const a = helpRequest();
    const b = helpRequest();
    const m = next(s.volunteer);
    const batch = [{ mutationId: m, table: 'help_requests' as const, record: a }];
    await push(s.app, s.volunteer, batch);
    const retry = await push(s.app, s.volunteer, [
      ...batch,
      { mutationId: m + 2, table: 'help_requests', record: b },
    ]);
    expect(retry).toEqual({ lastMutationId: m, results: [{ mutationId: m, status: 'skipped' }] });
    expect((await stored('help_requests', a.id as string))!.version).toBe(1);
    expect(await stored('help_requests', b.id as string)).toBeUndefined();
  });

  it('answers a replayed refusal or conflict with the same outcome until the device pushes past it', async () => {
    // The answer to the first push was lost: the phone must still learn that `bad` was refused
    // and that `second` is a conflict, instead of marking them synced.
    const eq = equipment();
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: eq }]);
    const phone = await login(s.app, s.volunteer.user.email);
    const bad = helpRequest({ outcome: 'great' });
    const good = helpRequest();
    const batch = [
      { mutationId: 1, table: 'help_requests' as const, record: bad },
      { mutationId: 2, table: 'help_requests' as const, record: good },
      { mutationId: 3, table: 'loans' as const, record: loan(eq.id as string) },
      { mutationId: 4, table: 'loans' as const, record: loan(eq.id as string, { borrowerCode: 'B-0042' }) },
    ];
    const first = await push(s.app, phone, batch);
    expect(first.results.map((r) => r.status)).toEqual(['rejected', 'applied', 'applied', 'conflict']);
    const replay = await push(s.app, phone, batch);
    expect(replay).toEqual({
      lastMutationId: 4,
      results: [
        first.results[0],
        { mutationId: 2, status: 'skipped' },
        { mutationId: 3, status: 'skipped' },
        first.results[3],
      ],
    });
    expect(await stored('help_requests', bad.id as string)).toBeUndefined();
    // Sending from 5 on says 1-4 are settled: the kept outcomes are forgotten.
    await push(s.app, phone, [{ mutationId: 5, table: 'help_requests', record: helpRequest() }]);
    const stale = await push(s.app, phone, batch);
    expect(stale.results.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('rejects an invalid record with its issues, stores nothing, and still advances', async () => {
    const bad = helpRequest({ outcome: 'great', extra: 1 });
    const m = next(s.volunteer);
    const res = await push(s.app, s.volunteer, [{ mutationId: m, table: 'help_requests', record: bad }]);
    expect(res.lastMutationId).toBe(m);
    expect(res.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_record' } });
    expect(res.results[0]!.error!.issues!.length).toBeGreaterThanOrEqual(2);
    expect(await stored('help_requests', bad.id as string)).toBeUndefined();
    const server = helpRequest({ version: 9, orgId: s.otherOrg.orgId });
    const m2 = next(s.volunteer);
    const res2 = await push(s.app, s.volunteer, [{ mutationId: m2, table: 'help_requests', record: server }]);
    expect(res2.results[0]!.status).toBe('rejected');
    const huge = helpRequest({ note: 'x'.repeat(1_000_000) });
    const m3 = next(s.volunteer);
    const res3 = await push(s.app, s.volunteer, [{ mutationId: m3, table: 'help_requests', record: huge }]);
    expect(res3.results[0]!.status).toBe('rejected');
    expect(await stored('help_requests', huge.id as string)).toBeUndefined();
  });

  it('rejects tables and records the role may not write', async () => {
    const eq = equipment();
    const m = next(s.volunteer);
    const res = await push(s.app, s.volunteer, [{ mutationId: m, table: 'equipment', record: eq }]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden_table' } });
    expect(await stored('equipment', eq.id as string)).toBeUndefined();

    const theirs = helpRequest();
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'help_requests', record: theirs },
    ]);
    const edit = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        baseVersion: 1,
        record: { ...theirs, outcome: 'partly' },
      },
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        op: 'delete',
        id: theirs.id as string,
        baseVersion: 1,
      },
    ]);
    expect(edit.results.map((r) => r.error?.code)).toEqual(['forbidden_record', 'forbidden_record']);
    expect((await stored('help_requests', theirs.id as string))!.data.outcome).toBe('solved');
  });

  it('answers 403 to another device’s id and 426 to an unsupported schema version', async () => {
    const body = (deviceId: string, schemaVersion: number) => ({ deviceId, schemaVersion, mutations: [] });
    const wrong = await api(s.app, s.volunteer.token, 'POST', '/sync/push', body(s.coordinator.deviceId, 1));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('wrong_device');
    const newer = await api(s.app, s.volunteer.token, 'POST', '/sync/push', body(s.volunteer.deviceId, 2));
    expect(newer.statusCode).toBe(426);
  });

  it('answers 426 to an app older than the configured minimum schema version, storing nothing', async () => {
    // The same database behind an instance whose operator retired schema version 1.
    const strict = await buildApp({ db: s.db, config: { ...loadConfig({}), minSchemaVersion: 2 } });
    try {
      const rec = helpRequest();
      const m = next(s.volunteer);
      const mutations = [
        { mutationId: m, table: 'help_requests', op: 'upsert', id: rec.id, baseVersion: null, record: rec },
      ];
      const old = await api(strict, s.volunteer.token, 'POST', '/sync/push', {
        deviceId: s.volunteer.deviceId,
        schemaVersion: 1,
        mutations,
      });
      expect(old.statusCode).toBe(426);
      expect(old.json()).toMatchObject({ error: { code: 'unsupported_schema_version' } });
      expect(await stored('help_requests', rec.id as string)).toBeUndefined();
      // Nothing was counted as handled: the same mutation is applied by an accepting instance.
      const res = await push(s.app, s.volunteer, [{ mutationId: m, table: 'help_requests', record: rec }]);
      expect(res.results).toEqual([{ mutationId: m, status: 'applied', version: 1 }]);
    } finally {
      await strict.close();
    }
  });

  it('merges a stale edit from another device field by field and keeps what it overwrote', async () => {
    const phoneA = await login(s.app, s.coordinator.user.email);
    const phoneB = await login(s.app, s.coordinator.user.email);
    const rec = helpRequest({ note: 'first', durationBand: 'le15' });
    await push(s.app, phoneA, [{ mutationId: next(phoneA), table: 'help_requests', record: rec }]);
    const b = await push(s.app, phoneB, [
      {
        mutationId: next(phoneB),
        table: 'help_requests',
        baseVersion: 1,
        record: { ...rec, durationBand: '30_60' },
      },
    ]);
    expect(b.results[0]).toMatchObject({ status: 'applied', version: 2 });
    const stale = { ...rec, outcome: 'referred', note: 'second' };
    const a = await push(s.app, phoneA, [
      { mutationId: next(phoneA), table: 'help_requests', baseVersion: 1, record: stale },
    ]);
    expect(a.results[0]).toMatchObject({ status: 'applied', version: 3 });
    const row = await stored('help_requests', rec.id as string);
    // Last arrival wins per field: A's values, including durationBand it still had as le15.
    expect(row!.data).toMatchObject({ outcome: 'referred', note: 'second', durationBand: 'le15' });
    const merges = await s.db
      .selectFrom('merges')
      .selectAll()
      .where('org_id', '=', s.orgId)
      .where('record_id', '=', rec.id as string)
      .orderBy('field')
      .execute();
    expect(merges.map((m) => [m.field, m.old_value, m.new_value, m.device_id])).toEqual([
      ['durationBand', '"30_60"', '"le15"', phoneA.deviceId],
      ['note', '"first"', '"second"', phoneA.deviceId],
      ['outcome', '"solved"', '"referred"', phoneA.deviceId],
    ]);
  });

  it('applies plainly when the same device wrote the current version (causally after)', async () => {
    const rec = helpRequest({ note: 'a' });
    const m = next(s.volunteer);
    await push(s.app, s.volunteer, [{ mutationId: m, table: 'help_requests', record: rec }]);
    const res = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        baseVersion: null,
        record: { ...rec, note: 'b' },
      },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'applied', version: 2 });
    const n = await s.db
      .selectFrom('merges')
      .select('id')
      .where('record_id', '=', rec.id as string)
      .execute();
    expect(n).toHaveLength(0);
  });

  it('treats a second create of the same id from another device as a merge', async () => {
    const rec = helpRequest({ outcome: 'partly' });
    const other = await login(s.app, s.volunteer.user.email);
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'help_requests', record: rec }]);
    const res = await push(s.app, other, [
      { mutationId: next(other), table: 'help_requests', record: { ...rec, outcome: 'solved' } },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'applied', version: 2 });
    const m = await s.db
      .selectFrom('merges')
      .selectAll()
      .where('record_id', '=', rec.id as string)
      .execute();
    expect(m.map((r) => r.field)).toEqual(['outcome']);
  });

  it('applies several writes of one record within one batch in order (new and existing records)', async () => {
    const old = helpRequest({ note: 'old' });
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'help_requests', record: old }]);
    const fresh = helpRequest({ note: 'a' });
    const gone = helpRequest();
    const [m1, m2, m3, m4, m5, m6] = [1, 2, 3, 4, 5, 6].map(() => next(s.volunteer));
    const res = await push(s.app, s.volunteer, [
      { mutationId: m1!, table: 'help_requests', record: fresh },
      { mutationId: m2!, table: 'help_requests', baseVersion: 1, record: { ...old, note: 'edited' } },
      { mutationId: m3!, table: 'help_requests', baseVersion: 1, record: { ...fresh, note: 'b' } },
      { mutationId: m4!, table: 'help_requests', record: gone },
      { mutationId: m5!, table: 'help_requests', op: 'delete', id: gone.id as string, baseVersion: 1 },
      { mutationId: m6!, table: 'help_requests', baseVersion: 2, record: { ...old, note: 'again' } },
    ]);
    expect(res.results).toEqual([
      { mutationId: m1, status: 'applied', version: 1 },
      { mutationId: m2, status: 'applied', version: 2 },
      { mutationId: m3, status: 'applied', version: 2 },
      { mutationId: m4, status: 'applied', version: 1 },
      { mutationId: m5, status: 'applied', version: 2 },
      { mutationId: m6, status: 'applied', version: 3 },
    ]);
    expect(await stored('help_requests', fresh.id as string)).toMatchObject({ version: 2, deleted: 0 });
    expect((await stored('help_requests', fresh.id as string))!.data).toMatchObject({ note: 'b' });
    expect(await stored('help_requests', gone.id as string)).toMatchObject({ version: 2, deleted: 1 });
    expect((await stored('help_requests', old.id as string))!.data).toMatchObject({ note: 'again' });
    // Every write took its own seq, in mutation order.
    const seqs = await s.db
      .selectFrom('help_requests')
      .select(['id', 'seq'])
      .where('id', 'in', [old.id as string, fresh.id as string, gone.id as string])
      .execute();
    const seqOf = new Map(seqs.map((r) => [r.id, Number(r.seq)]));
    expect(seqOf.get(fresh.id as string)!).toBeLessThan(seqOf.get(gone.id as string)!);
    expect(seqOf.get(gone.id as string)!).toBeLessThan(seqOf.get(old.id as string)!);
  });

  it('writes a tombstone on delete', async () => {
    const rec = helpRequest();
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'help_requests', record: rec }]);
    const res = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        op: 'delete',
        id: rec.id as string,
        baseVersion: 1,
      },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'applied', version: 2 });
    expect(await stored('help_requests', rec.id as string)).toMatchObject({ deleted: 1, version: 2 });
  });

  it('never touches another organisation’s record with the same id', async () => {
    const oc = s.otherOrg.coordinator;
    const theirs = helpRequest({ outcome: 'solved' });
    await push(s.app, oc, [{ mutationId: next(oc), table: 'help_requests', record: theirs }]);
    await push(s.app, s.coordinator, [
      {
        mutationId: next(s.coordinator),
        table: 'help_requests',
        baseVersion: 1,
        record: { ...theirs, outcome: 'partly' },
      },
      {
        mutationId: next(s.coordinator),
        table: 'help_requests',
        op: 'delete',
        id: theirs.id as string,
        baseVersion: 2,
      },
    ]);
    const row = await findRecord(s.db, 'help_requests', s.otherOrg.orgId, theirs.id as string);
    expect(row).toMatchObject({ version: 1, deleted: 0, created_by: oc.user.id });
    expect(JSON.parse(row!.data).outcome).toBe('solved');
  });

  it('refuses a push with an unknown id in a mutation', async () => {
    const res = await api(s.app, s.volunteer.token, 'POST', '/sync/push', {
      deviceId: s.volunteer.deviceId,
      schemaVersion: 1,
      mutations: [
        { mutationId: 1, table: 'help_requests', op: 'upsert', id: 'nope', baseVersion: null, record: {} },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
