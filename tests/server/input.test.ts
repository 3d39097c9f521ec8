// Bad input never reaches the database and never gets a 5xx: malformed JSON, wrong content
// type, oversized bodies, wrong types, unknown fields; plus the error body and security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDatabases, type TestServer } from './helpers';
import { helpRequest } from './fixtures';
import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES } from '../../src/shared/sync-protocol';

describe.each(testDatabases())('bad input on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  const raw = (path: string, body: string, contentType = 'application/json', token = s.volunteer.token) =>
    s.app.inject({
      method: 'POST',
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload: body,
    });
  const countRows = async () => (await s.db.selectFrom('help_requests').select('id').execute()).length;
  const envelope = (mutations: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ deviceId: s.volunteer.deviceId, schemaVersion: 1, mutations, ...extra });
  const mutation = (over: Record<string, unknown> = {}) => {
    const record = helpRequest();
    return {
      mutationId: 1,
      table: 'help_requests',
      op: 'upsert',
      id: record.id,
      baseVersion: null,
      record,
      ...over,
    };
  };

  function expectError(
    res: { statusCode: number; json: () => unknown; body: string },
    status: number,
    code: string,
  ) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  }

  it('malformed JSON is 400 invalid_json', async () => {
    expectError(await raw('/sync/push', '{"deviceId": '), 400, 'invalid_json');
    expectError(await raw('/auth/login', '{nope'), 400, 'invalid_json');
    expect(await countRows()).toBe(0);
  });

  it('a wrong content type is 415', async () => {
    expectError(await raw('/sync/push', envelope([mutation()]), 'text/plain'), 415, 'unsupported_media_type');
    expectError(
      await raw('/sync/push', 'a=b', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    );
    expect(await countRows()).toBe(0);
  });

  it('a push body over 2 MiB is 413 payload_too_large', async () => {
    const big = envelope([mutation({ record: helpRequest({ note: 'x'.repeat(MAX_PUSH_BYTES) }) })]);
    expectError(await raw('/sync/push', big), 413, 'payload_too_large');
    expect(await countRows()).toBe(0);
  });

  it('wrong types, unknown fields and too many mutations are 400 validation_failed with issues', async () => {
    const bodies = [
      envelope([mutation({ mutationId: 'one' })]),
      envelope([mutation({ table: 'users' })]),
      envelope([mutation({ op: 'merge' })]),
      envelope([mutation({ baseVersion: 0 })]),
      envelope([mutation({ orgId: s.otherOrg.orgId })]),
      envelope([mutation()], { createdBy: 'me' }),
      envelope(Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) => mutation({ mutationId: i + 1 }))),
      JSON.stringify({ deviceId: s.volunteer.deviceId, schemaVersion: '1', mutations: [] }),
      JSON.stringify([1, 2, 3]),
      JSON.stringify({ deviceId: 'x'.repeat(1_000_000), schemaVersion: 1, mutations: [] }),
    ];
    for (const body of bodies) {
      const res = await raw('/sync/push', body);
      expectError(res, 400, 'validation_failed');
      expect((res.json() as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
    }
    expect(await countRows()).toBe(0);
    const device = await s.db
      .selectFrom('devices')
      .select('last_mutation_id')
      .where('id', '=', s.volunteer.deviceId)
      .executeTakeFirst();
    expect(device!.last_mutation_id).toBe(0);
  });

  it('prototype poisoning is refused', async () => {
    const res = await raw('/auth/login', '{"email":"a@b.c","password":"x","__proto__":{"admin":true}}');
    expect(res.statusCode).toBe(400);
    expect(await countRows()).toBe(0);
  });

  it('unknown API routes are a JSON 404', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { accept: 'text/html' },
    });
    expectError(res, 404, 'not_found');
  });

  it('sends security headers', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${s.volunteer.token}` },
    });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
