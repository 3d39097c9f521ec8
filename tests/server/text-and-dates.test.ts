// Issue 11 findings 9 and 10 on SQLite and PostgreSQL: every string is well-formed Unicode (a
// lone surrogate is 400, or `rejected` for a pushed record, and never stored), data stored before
// that rule is repaired so PostgreSQL's topic filter answers; every date parameter is a real
// calendar date (`2026-13-45`, `0000-00-00`, `2026-02-30` are 400, never 500 or another day).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as repairText } from '../../src/server/db/migrations/20261201T1617_wellformed_text';
import { api, startTestServer, testDatabases, type TestServer } from './helpers';
import { counter, equipment, helpRequest, push } from './fixtures';

describe.each(testDatabases())('text and dates on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  const raw = (method: 'POST' | 'PATCH', path: string, body: string, token = s.coordinator.token) =>
    s.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body,
    });

  it('rejects a pushed record with a lone surrogate in any string field, and stores nothing', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['help_requests', helpRequest({ note: 'x' })],
      ['help_requests', helpRequest({ visitorCode: 'V1' })],
      ['equipment', equipment({ make: 'Dell' })],
    ];
    for (const [table, record] of cases) {
      const field = Object.keys(record).find((k) => ['note', 'visitorCode', 'make'].includes(k))!;
      // Written as JSON text: JSON.stringify would escape the surrogate the same way.
      const body = JSON.stringify({
        deviceId: s.coordinator.deviceId,
        schemaVersion: 1,
        mutations: [
          {
            mutationId: next(s.coordinator),
            table,
            op: 'upsert',
            id: record.id,
            baseVersion: null,
            record: { ...record, [field]: `a\ud800b` },
          },
        ],
      });
      expect(body).toContain('\\ud800');
      const res = await raw('POST', '/sync/push', body);
      expect(res.statusCode, res.body).toBe(200);
      const [result] = res.json().results;
      expect(result.status, `${table}.${field}`).toBe('rejected');
      expect(result.error.code).toBe('invalid_record');
      expect(result.error.issues[0].path).toEqual([field]);
      const stored = await s.db
        .selectFrom(table as 'help_requests')
        .select('id')
        .where('id', '=', record.id as string)
        .execute();
      expect(stored).toHaveLength(0);
    }
  });

  it('answers 400 for a lone surrogate in a body, a query or a path, in values and keys', async () => {
    const help = helpRequest();
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'help_requests', record: help },
    ]);
    const bodies: Array<['POST' | 'PATCH', string, string]> = [
      ['PATCH', `/records/help_requests/${help.id}`, '{"reviewComment":"ok \\udc00"}'],
      ['PATCH', `/records/help_requests/${help.id}`, '{"changes":{"note":"\\ud83d"}}'],
      ['PATCH', `/records/help_requests/${help.id}`, '{"changes":{"\\ud800":"x"}}'],
      [
        'POST',
        '/users',
        '{"email":"u@example.org","name":"\\udfff","password":"long enough pass","role":"volunteer"}',
      ],
      ['POST', '/records/locations', '{"record":{"name":"Hal \\ud800"}}'],
      ['POST', '/auth/login', '{"email":"x@example.org","password":"\\ud800\\ud800"}'],
    ];
    for (const [method, path, body] of bodies) {
      const res = await raw(method, path, body);
      expect(res.statusCode, `${method} ${path} ${body}: ${res.body}`).toBe(400);
    }
    // A URL cannot carry a lone surrogate: its percent-encoded bytes (WTF-8) decode to U+FFFD.
    // Whatever the decoder makes of them, the answer is a 4xx, never a 5xx.
    for (const path of ['/borrowers/B%ED%A0%80/export', '/borrowers/%ED%A0%80/erase']) {
      const res = await api(s.app, s.coordinator.token, path.endsWith('erase') ? 'POST' : 'GET', path);
      expect(res.statusCode, `${path}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${path}: ${res.body}`).toBeLessThan(500);
    }
    const rows = await s.db
      .selectFrom('help_requests')
      .select('data')
      .where('id', '=', help.id as string)
      .execute();
    expect(rows[0]!.data).not.toMatch(/\\ud[89a-f]/i);
  });

  it('repairs text stored before the rule, so the topic filter answers (PostgreSQL refused it as jsonb)', async () => {
    const help = helpRequest({ topics: ['itsme'], note: 'old' });
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'help_requests', record: help },
    ]);
    // As an older server stored it: the lone surrogate escaped in the JSON text, also in the audit.
    const broken = JSON.stringify({ ...help, note: 'old \ud800 note', ['k\udc00']: 1 });
    expect(broken).toContain('\\ud800');
    await s.db
      .updateTable('help_requests')
      .set({ data: broken })
      .where('id', '=', help.id as string)
      .execute();
    await sql`insert into audit_log (org_id, id, table_name, record_id, user_id, at, before, after)
      values (${s.orgId}, ${'audit-broken'}, 'help_requests', ${help.id as string}, ${s.coordinator.user.id},
              ${new Date().toISOString()}, ${JSON.stringify({ note: '\udfff' })}, ${'{}'})`.execute(s.db);

    await repairText(s.db as never);
    const res = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?topic=itsme');
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json().records.find((r: { id: string }) => r.id === help.id);
    expect(record.note).toBe('old \ufffd note');
    const audit = await s.db
      .selectFrom('audit_log')
      .select('before')
      .where('id', '=', 'audit-broken')
      .execute();
    expect(JSON.parse(audit[0]!.before!)).toEqual({ note: '\ufffd' });
  });

  it('answers 400 for dates that are not on the calendar, in records, exports and reports', async () => {
    const impossible = ['2026-13-45', '0000-00-00', '2026-02-30', '2026-02-29', '2026-00-10', '2026-12-32'];
    for (const day of impossible) {
      for (const path of [
        `/records/help_requests?from=${day}`,
        `/records/permanences?to=${day}`,
        `/export/help_requests.csv?from=${day}`,
        `/export/loans.csv?to=${day}`,
        `/reports/summary?from=${day}&to=2026-12-31`,
        `/records/help_requests?from=${day}T10:00:00Z`,
      ]) {
        const res = await api(s.app, s.coordinator.token, 'GET', path);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
    }
    // Real days, leap day included, still work.
    for (const path of [
      '/records/help_requests?from=2024-02-29&to=2024-03-01',
      '/export/loans.csv?from=2028-02-29',
    ]) {
      expect((await api(s.app, s.coordinator.token, 'GET', path)).statusCode, path).toBe(200);
    }
  });
});
