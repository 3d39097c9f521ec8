// Auth, devices and revocation, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';

describe.each(testDatabases())('auth on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  it('login returns a token, a device and the user; /me answers with the org', async () => {
    expect(s.coordinator.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.coordinator.user).toMatchObject({ role: 'coordinator', orgId: s.orgId, name: 'Coco' });
    const me = await api(s.app, s.coordinator.token, 'GET', '/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: s.coordinator.user.id }, org: { id: s.orgId } });
  });

  it('each login enrols a new device', async () => {
    const again = await login(s.app, s.volunteer.user.email);
    expect(again.deviceId).not.toBe(s.volunteer.deviceId);
    expect(again.token).not.toBe(s.volunteer.token);
  });

  it('wrong credentials are 401 invalid_credentials; the token is stored hashed', async () => {
    for (const payload of [
      { email: s.volunteer.user.email, password: 'wrong password!' },
      { email: 'nobody@example.org', password: TEST_PASSWORD },
    ]) {
      const res = await api(s.app, null, 'POST', '/auth/login', payload);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const rows = await s.db.selectFrom('devices').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === s.volunteer.token)).toBe(false);
    const users = await s.db.selectFrom('users').select('password_hash').execute();
    expect(users.every((u) => u.password_hash === null || u.password_hash.startsWith('$argon2id$'))).toBe(
      true,
    );
  });

  it('a missing, malformed or unknown token is 401 on every authenticated route', async () => {
    const routes: Array<['GET' | 'POST' | 'DELETE', string]> = [
      ['GET', '/me'],
      ['POST', '/auth/logout'],
      ['POST', '/orgs'],
      ['POST', '/users'],
      ['POST', '/enrolment-codes'],
      ['GET', '/devices'],
      ['DELETE', `/devices/${s.volunteer.deviceId}`],
      ['POST', '/sync/push'],
      ['GET', '/sync/pull'],
    ];
    for (const [method, path] of routes) {
      for (const token of [null, 'x', 'A'.repeat(43)]) {
        const res = await api(s.app, token, method, path, method === 'POST' ? {} : undefined);
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        expect(res.json().error.code).toBe('unauthorized');
      }
    }
  });

  it('logout revokes only that device', async () => {
    const a = await login(s.app, s.volunteer.user.email);
    const b = await login(s.app, s.volunteer.user.email);
    expect((await api(s.app, a.token, 'POST', '/auth/logout')).statusCode).toBe(204);
    expect((await api(s.app, a.token, 'GET', '/me')).statusCode).toBe(401);
    expect((await api(s.app, b.token, 'GET', '/me')).statusCode).toBe(200);
  });

  it('a coordinator lists devices and revokes a lost phone; its token then gets 401', async () => {
    const phone = await login(s.app, s.volunteer.user.email);
    const list = await api(s.app, s.coordinator.token, 'GET', '/devices');
    expect(list.statusCode).toBe(200);
    const ids = list.json().devices.map((d: { deviceId: string }) => d.deviceId);
    expect(ids).toContain(phone.deviceId);
    expect(ids).not.toContain(s.otherOrg.coordinator.deviceId);
    expect((await api(s.app, s.coordinator.token, 'DELETE', `/devices/${phone.deviceId}`)).statusCode).toBe(
      204,
    );
    expect((await api(s.app, phone.token, 'GET', '/me')).statusCode).toBe(401);
    const after = await api(s.app, s.coordinator.token, 'GET', '/devices');
    const revoked = after.json().devices.find((d: { deviceId: string }) => d.deviceId === phone.deviceId);
    expect(revoked.revokedAt).toEqual(expect.any(String));
  });

  it('a token unused for longer than its idle limit is 401 token_expired; a used one lives on', async () => {
    const { volunteer, staff } = s.config.tokenIdleDays;
    const age = async (deviceId: string, days: number) => {
      const at = new Date(Date.now() - days * 86_400_000).toISOString();
      await s.db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', deviceId).execute();
    };
    const idlePhone = await login(s.app, s.volunteer.user.email);
    const activePhone = await login(s.app, s.volunteer.user.email);
    const idleLaptop = await login(s.app, s.coordinator.user.email);
    await age(idlePhone.deviceId, volunteer + 1);
    await age(activePhone.deviceId, volunteer - 1);
    await age(idleLaptop.deviceId, staff + 1);

    for (const expired of [idlePhone, idleLaptop]) {
      const res = await api(s.app, expired.token, 'GET', '/me');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'token_expired', message: expect.any(String) } });
    }
    expect((await api(s.app, activePhone.token, 'GET', '/me')).statusCode).toBe(200);
    // A coordinator's laptop idle for as long as a volunteer's phone may be has long expired.
    expect(staff).toBeLessThan(volunteer);
    // Signing in again gives a fresh token.
    const again = await login(s.app, s.volunteer.user.email);
    expect((await api(s.app, again.token, 'GET', '/me')).statusCode).toBe(200);
  });

  it('another organisation’s device is 404 and stays valid; volunteers may not list devices', async () => {
    const res = await api(
      s.app,
      s.coordinator.token,
      'DELETE',
      `/devices/${s.otherOrg.coordinator.deviceId}`,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await api(s.app, s.otherOrg.coordinator.token, 'GET', '/me')).statusCode).toBe(200);
    expect((await api(s.app, s.volunteer.token, 'GET', '/devices')).statusCode).toBe(403);
    const other = await login(s.app, s.coordinator.user.email);
    expect((await api(s.app, s.volunteer.token, 'DELETE', `/devices/${other.deviceId}`)).statusCode).toBe(
      403,
    );
    expect((await api(s.app, other.token, 'GET', '/me')).statusCode).toBe(200);
  });

  it('repeated failed logins give 429 with Retry-After, also for the right password', async () => {
    const email = s.admin.user.email;
    for (let i = 0; i < 10; i++) {
      const res = await api(s.app, null, 'POST', '/auth/login', { email, password: `wrong-${i}-password` });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await api(s.app, null, 'POST', '/auth/login', { email, password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    // Another account from the same address is not locked out.
    expect((await login(s.app, s.coordinator.user.email)).token).toBeTruthy();
  });

  // Last: it locks this address out of sign-in for a minute. The requests are malformed, so the
  // flood guard (per instance) stops them, not the attempt counter (sign-in-limits.test.ts).
  it('a flood of sign-ins from one address is cut off with 429 and Retry-After', async () => {
    let res;
    for (let i = 0; i < 101; i++) {
      res = await api(s.app, null, 'POST', '/auth/login', { email: `flood-${i}@example.org` });
      if (res.statusCode === 429) break;
    }
    expect(res!.statusCode).toBe(429);
    expect(res!.json().error.code).toBe('rate_limited');
    expect(Number(res!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
