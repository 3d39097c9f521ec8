// Organisation management: orgs, users, enrolment codes; roles and org isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';

describe.each(testDatabases())('organisation management on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  it('keeps whom people ask about their data: coordinators set it, every phone of the org reads it', async () => {
    const me = async (token: string) => (await api(s.app, token, 'GET', '/me')).json().org;
    expect(await me(s.volunteer.token)).toEqual({
      id: s.orgId,
      name: s.config.orgName,
      privacyContact: null,
    });
    const contact = 'privacy@digipunt.example.org, 02 555 01 01';
    const set = await api(s.app, s.coordinator.token, 'PATCH', '/org', { privacyContact: `  ${contact} ` });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().org).toEqual({ id: s.orgId, name: s.config.orgName, privacyContact: contact });
    expect((await me(s.volunteer.token)).privacyContact).toBe(contact);
    // Another organisation's coordinator changes only their own.
    expect((await me(s.otherOrg.coordinator.token)).privacyContact).toBeNull();
    // Volunteers may not change it; bad input is 400 and changes nothing.
    const refused = await api(s.app, s.volunteer.token, 'PATCH', '/org', { privacyContact: 'x' });
    expect(refused.statusCode).toBe(403);
    for (const body of [{ privacyContact: 'x'.repeat(301) }, { privacyContact: 'a', name: 'New name' }, {}]) {
      expect((await api(s.app, s.coordinator.token, 'PATCH', '/org', body)).statusCode).toBe(400);
    }
    expect((await me(s.volunteer.token)).privacyContact).toBe(contact);
    // An empty contact clears it.
    const cleared = await api(s.app, s.admin.token, 'PATCH', '/org', { privacyContact: '' });
    expect(cleared.json().org.privacyContact).toBeNull();
  });

  it('an admin creates an org with a coordinator who can sign in', async () => {
    const email = `coord-${Date.now()}@example.org`;
    const res = await api(s.app, s.admin.token, 'POST', '/orgs', {
      name: 'Digipunt Borgerhout',
      coordinator: { email, name: 'Nadia', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.org.name).toBe('Digipunt Borgerhout');
    expect(body.coordinator).toMatchObject({ email, role: 'coordinator', orgId: body.org.id });
    const session = await login(s.app, email);
    expect(session.user.orgId).toBe(body.org.id);
  });

  it('only admins create orgs', async () => {
    const payload = {
      name: 'X',
      coordinator: { email: 'x@example.org', name: 'X', password: TEST_PASSWORD },
    };
    for (const who of [s.coordinator, s.volunteer]) {
      const res = await api(s.app, who.token, 'POST', '/orgs', payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await s.db.selectFrom('orgs').select('id').where('name', '=', 'X').execute()).toHaveLength(0);
  });

  it('a coordinator adds users to their own org; volunteers may not; duplicate e-mail is 409', async () => {
    const email = `vol-${Date.now()}@example.org`;
    const res = await api(s.app, s.coordinator.token, 'POST', '/users', {
      email,
      name: 'Youssef',
      password: TEST_PASSWORD,
      role: 'volunteer',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email, role: 'volunteer', orgId: s.orgId });
    const again = await api(s.app, s.coordinator.token, 'POST', '/users', {
      email,
      name: 'Y',
      password: TEST_PASSWORD,
      role: 'volunteer',
    });
    expect(again.statusCode).toBe(409);
    const denied = await api(s.app, s.volunteer.token, 'POST', '/users', {
      email: 'v2@example.org',
      name: 'V',
      password: TEST_PASSWORD,
      role: 'coordinator',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('user creation refuses bad input: admin role, weak password, unknown fields, orgId', async () => {
    const base = { email: 'ok@example.org', name: 'Ok', password: TEST_PASSWORD, role: 'volunteer' };
    const weak = await api(s.app, s.coordinator.token, 'POST', '/users', { ...base, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', issues: [{ reason: 'too_short' }] });
    for (const payload of [
      { ...base, role: 'admin' },
      { ...base, orgId: s.otherOrg.orgId },
      { ...base, email: 'not-an-email' },
      { ...base, name: 'x'.repeat(1_000_000) },
    ]) {
      const res = await api(s.app, s.coordinator.token, 'POST', '/users', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.issues.length).toBeGreaterThan(0);
    }
    expect(
      await s.db.selectFrom('users').select('id').where('email', '=', 'ok@example.org').execute(),
    ).toHaveLength(0);
  });

  it('an enrolment code enrols a phone once, as a new volunteer of the org', async () => {
    const res = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Amal',
      role: 'volunteer',
    });
    expect(res.statusCode).toBe(201);
    const { code, url: link, expiresAt } = res.json();
    expect(link).toMatch(new RegExp(`^http://localhost:80/#/enrol/${code}$`));
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 3_600_000);
    const stored = await s.db.selectFrom('enrolment_codes').selectAll().execute();
    expect(stored.some((r) => r.code_hash === code)).toBe(false);

    const enrol = await api(s.app, null, 'POST', '/auth/enrol', { code, deviceLabel: 'Amal phone' });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.json().user).toMatchObject({ name: 'Amal', role: 'volunteer', orgId: s.orgId });
    const me = await api(s.app, enrol.json().token, 'GET', '/me');
    expect(me.statusCode).toBe(200);

    const twice = await api(s.app, null, 'POST', '/auth/enrol', { code });
    expect(twice.statusCode).toBe(401);
    expect(twice.json().error.code).toBe('invalid_enrolment_code');
  });

  it('an expired code does not enrol; volunteers may not make codes', async () => {
    const res = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Old',
      role: 'volunteer',
    });
    await s.db.updateTable('enrolment_codes').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const enrol = await api(s.app, null, 'POST', '/auth/enrol', { code: res.json().code });
    expect(enrol.statusCode).toBe(401);
    const denied = await api(s.app, s.volunteer.token, 'POST', '/enrolment-codes', {
      name: 'V',
      role: 'volunteer',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('a code enrols exactly one phone even when several use it at once', async () => {
    const res = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Race',
      role: 'volunteer',
    });
    const { code } = res.json();
    const tries = await Promise.all(
      Array.from({ length: 6 }, () => api(s.app, null, 'POST', '/auth/enrol', { code })),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401, 401, 401]);
    const made = await s.db.selectFrom('users').select('id').where('name', '=', 'Race').execute();
    expect(made).toHaveLength(1);
  });

  it('guessing codes with one prefix is cut off with 429 and Retry-After; another code still enrols', async () => {
    const res = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Guarded',
      role: 'volunteer',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 11 && !statuses.includes(429); i++) {
      const guess = await api(s.app, null, 'POST', '/auth/enrol', { code: `guess-${i}-${'x'.repeat(16)}` });
      statuses.push(guess.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    const blocked = await api(s.app, null, 'POST', '/auth/enrol', { code: `guess-again-${'x'.repeat(16)}` });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The same address (a shared Wi-Fi) still enrols a phone with its own, valid code.
    const valid = await api(s.app, null, 'POST', '/auth/enrol', { code: res.json().code });
    expect(valid.statusCode).toBe(200);
  });

  it('builds enrolment links on DIGITAFEL_PUBLIC_URL when set', async () => {
    const config = loadConfig({ DIGITAFEL_PUBLIC_URL: 'https://digi.example.be/' });
    const app = await buildApp({ db: s.db, config });
    const res = await api(app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Sam',
      role: 'volunteer',
    });
    expect(res.json().url).toMatch(/^https:\/\/digi\.example\.be\/#\/enrol\/[A-Za-z0-9_-]{22}$/);
    await app.close();
  });
});
