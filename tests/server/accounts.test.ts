// Locking a person out and letting them back in (issue 11, finding 1 and "Also"), on SQLite and
// PostgreSQL: the people list, disabling (every sign-in ends at once, a later sign-in answers
// account_disabled), who manages whom (a coordinator not the admin, nobody themselves), password
// change, one-time reset codes, weak passwords refused, pending enrolment codes listed and
// withdrawn, a code's organisation shown before it is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedUser, Session } from '../../src/shared/api';
import { newId } from '../../src/shared/ids';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { expectApiError } from './routes';

const NEW_PASSWORD = 'zonnebloem fietsenmaker 42';

describe.each(testDatabases())('accounts on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  let n = 0;
  /** A new person of the organisation (made by the admin) with a session. */
  async function person(role: 'volunteer' | 'coordinator', name = `Person ${++n}`) {
    const email = `person-${newId().slice(-10)}@example.org`;
    const res = await api(s.app, s.admin.token, 'POST', '/users', {
      email,
      name,
      password: TEST_PASSWORD,
      role,
    });
    expect(res.statusCode, res.body).toBe(201);
    const session = await login(s.app, email);
    return { id: res.json().user.id as string, email, name, session };
  }
  const me = (session: Session) => api(s.app, session.token, 'GET', '/me');
  const patch = (by: Session, id: string, body: unknown) =>
    api(s.app, by.token, 'PATCH', `/users/${id}`, body);

  it('lists the organisation’s people with role, state and last contact', async () => {
    const res = await api(s.app, s.coordinator.token, 'GET', '/users');
    expect(res.statusCode).toBe(200);
    const users: ManagedUser[] = res.json().users;
    const vera = users.find((u) => u.id === s.volunteer.user.id);
    expect(vera).toEqual({
      id: s.volunteer.user.id,
      email: s.volunteer.user.email,
      name: 'Vera',
      role: 'volunteer',
      disabledAt: null,
      lastSeenAt: expect.any(String),
    });
    expect(users.map((u) => u.role).sort()).toEqual(expect.arrayContaining(['admin', 'coordinator']));
    expect(users.some((u) => u.id === s.otherOrg.coordinator.user.id)).toBe(false);
    expectApiError(await api(s.app, s.volunteer.token, 'GET', '/users'), 403);
  });

  it('disabling a volunteer ends every sign-in at once; signing in again answers account_disabled', async () => {
    const vol = await person('volunteer');
    const secondPhone = await login(s.app, vol.email);
    const res = await patch(s.coordinator, vol.id, { disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: vol.id, disabledAt: expect.any(String) });
    for (const phone of [vol.session, secondPhone]) {
      const after = await me(phone);
      expectApiError(after, 401);
      expect(after.json().error.code).toBe('account_disabled');
    }
    const again = await api(s.app, null, 'POST', '/auth/login', {
      email: vol.email,
      password: TEST_PASSWORD,
    });
    expectApiError(again, 401);
    expect(again.json().error.code).toBe('account_disabled');
    // A wrong password does not tell whether the account exists or is disabled.
    const wrong = await api(s.app, null, 'POST', '/auth/login', {
      email: vol.email,
      password: 'not it at all',
    });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const listed = (await api(s.app, s.coordinator.token, 'GET', '/users')).json().users as ManagedUser[];
    expect(listed.find((u) => u.id === vol.id)?.disabledAt).toEqual(expect.any(String));

    // Re-enabled: they sign in again; the old sign-ins stay ended.
    const enabled = await patch(s.coordinator, vol.id, { disabled: false });
    expect(enabled.json().user.disabledAt).toBeNull();
    expect((await login(s.app, vol.email)).user.id).toBe(vol.id);
    expect((await me(vol.session)).statusCode).toBe(401);
  });

  it('renames a volunteer; an admin changes a role; nobody makes an admin', async () => {
    const vol = await person('volunteer');
    const renamed = await patch(s.coordinator, vol.id, { name: '  Noor  ' });
    expect(renamed.json().user).toMatchObject({ name: 'Noor', role: 'volunteer' });
    const promoted = await patch(s.admin, vol.id, { role: 'coordinator' });
    expect(promoted.json().user.role).toBe('coordinator');
    expect((await me(vol.session)).json().user.role).toBe('coordinator');
    for (const body of [
      { role: 'admin' },
      {},
      { disabled: 'yes' },
      { name: '' },
      { email: 'x@example.org' },
    ]) {
      const res = await patch(s.admin, vol.id, body);
      expectApiError(res, 400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('lets coordinators manage volunteers only, admins coordinators and volunteers, nobody themselves', async () => {
    const coordinator = await person('coordinator');
    const vol = await person('volunteer');
    const forbidden: Array<[Session, string, unknown]> = [
      [s.coordinator, s.admin.user.id, { disabled: true }],
      [s.coordinator, coordinator.id, { disabled: true }],
      [s.coordinator, coordinator.id, { name: 'Renamed' }],
      [s.coordinator, s.coordinator.user.id, { disabled: true }],
      [s.coordinator, s.coordinator.user.id, { role: 'volunteer' }],
      [s.coordinator, vol.id, { role: 'coordinator' }],
      [s.admin, s.admin.user.id, { disabled: true }],
      [vol.session, s.volunteer.user.id, { disabled: true }],
    ];
    for (const [by, id, body] of forbidden) {
      const res = await patch(by, id, body);
      expectApiError(res, 403);
    }
    expect((await me(s.admin)).statusCode).toBe(200);
    expect((await me(coordinator.session)).statusCode).toBe(200);
    // Changing one's own name is fine.
    expect((await patch(s.coordinator, s.coordinator.user.id, { name: 'Coco' })).statusCode).toBe(200);
    // An admin disables a coordinator.
    expect((await patch(s.admin, coordinator.id, { disabled: true })).statusCode).toBe(200);
    expect((await me(coordinator.session)).json().error.code).toBe('account_disabled');
    // Another organisation's people are not found.
    expectApiError(await patch(s.otherOrg.coordinator, vol.id, { disabled: true }), 404);
    expectApiError(await patch(s.coordinator, newId(), { disabled: true }), 404);
    expect((await me(vol.session)).statusCode).toBe(200);
  });

  it('lets a coordinator revoke a volunteer’s phone but not the admin’s or another coordinator’s', async () => {
    const adminLaptop = await login(s.app, s.admin.user.email);
    const colleague = await person('coordinator');
    for (const device of [adminLaptop.deviceId, colleague.session.deviceId]) {
      expectApiError(await api(s.app, s.coordinator.token, 'DELETE', `/devices/${device}`), 403);
    }
    expect((await me(adminLaptop)).statusCode).toBe(200);
    expect((await me(colleague.session)).statusCode).toBe(200);
    const phone = await login(s.app, s.volunteer.user.email);
    expect((await api(s.app, s.coordinator.token, 'DELETE', `/devices/${phone.deviceId}`)).statusCode).toBe(
      204,
    );
    // The admin revokes a coordinator's laptop; a coordinator their own.
    expect(
      (await api(s.app, s.admin.token, 'DELETE', `/devices/${colleague.session.deviceId}`)).statusCode,
    ).toBe(204);
    const own = await login(s.app, s.coordinator.user.email);
    expect((await api(s.app, s.coordinator.token, 'DELETE', `/devices/${own.deviceId}`)).statusCode).toBe(
      204,
    );
  });

  it('changes the caller’s password: the old one stops working and their other sign-ins end', async () => {
    const vol = await person('volunteer', 'Hanne Peeters');
    const otherPhone = await login(s.app, vol.email);
    const wrong = await api(s.app, vol.session.token, 'POST', '/auth/password', {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
    });
    expectApiError(wrong, 401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    for (const [newPassword, reason] of [
      ['aaaaaaaaaaaa', 'pattern'],
      ['short', 'too_short'],
      ['wachtwoord123', 'common'],
      ['HannePeeters2026', 'personal'],
    ] as const) {
      const weak = await api(s.app, vol.session.token, 'POST', '/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expectApiError(weak, 400);
      expect(weak.json().error).toMatchObject({
        code: 'weak_password',
        issues: [{ code: 'weak_password', path: ['newPassword'], reason }],
      });
    }
    const ok = await api(s.app, vol.session.token, 'POST', '/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(vol.session)).statusCode).toBe(200);
    expect((await me(otherPhone)).statusCode).toBe(401);
    const old = await api(s.app, null, 'POST', '/auth/login', { email: vol.email, password: TEST_PASSWORD });
    expect(old.statusCode).toBe(401);
    expect((await login(s.app, vol.email, NEW_PASSWORD)).user.id).toBe(vol.id);
  });

  it('a reset code lets a person choose a new password once, and signs them in', async () => {
    const vol = await person('volunteer', 'Ilse');
    const made = await api(s.app, s.coordinator.token, 'POST', `/users/${vol.id}/reset-codes`, {});
    expect(made.statusCode, made.body).toBe(201);
    const { code, url: link, expiresAt } = made.json();
    expect(link).toMatch(new RegExp(`/#/reset/${code}$`));
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const stored = await s.db.selectFrom('reset_codes').select('code_hash').execute();
    expect(stored.some((r) => r.code_hash === code)).toBe(false);

    const check = await api(s.app, null, 'POST', '/auth/reset/check', { code });
    expect(check.json()).toEqual({ orgName: s.config.orgName, name: 'Ilse', expiresAt });
    // A weak password is refused and leaves the code working.
    const weak = await api(s.app, null, 'POST', '/auth/reset', { code, newPassword: 'ilse12345678' });
    expect(weak.json().error.code).toBe('weak_password');
    const reset = await api(s.app, null, 'POST', '/auth/reset', { code, newPassword: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    const session: Session = reset.json();
    expect(session.user).toMatchObject({ id: vol.id, name: 'Ilse', role: 'volunteer' });
    expect((await me(session)).statusCode).toBe(200);
    // Whatever was signed in as them before is ended; the old password is gone.
    expect((await me(vol.session)).statusCode).toBe(401);
    expect(
      (await api(s.app, null, 'POST', '/auth/login', { email: vol.email, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(401);
    expect((await login(s.app, vol.email, NEW_PASSWORD)).user.id).toBe(vol.id);
    // Once only.
    const twice = await api(s.app, null, 'POST', '/auth/reset', { code, newPassword: `${NEW_PASSWORD}!` });
    expectApiError(twice, 401);
    expect(twice.json().error.code).toBe('invalid_reset_code');
  });

  it('a new reset code replaces the earlier one; an expired one does not work', async () => {
    const vol = await person('volunteer');
    const first = (await api(s.app, s.coordinator.token, 'POST', `/users/${vol.id}/reset-codes`, {})).json();
    const second = (await api(s.app, s.coordinator.token, 'POST', `/users/${vol.id}/reset-codes`, {})).json();
    expect((await api(s.app, null, 'POST', '/auth/reset/check', { code: first.code })).statusCode).toBe(401);
    await s.db
      .updateTable('reset_codes')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('user_id', '=', vol.id)
      .execute();
    const late = await api(s.app, null, 'POST', '/auth/reset', {
      code: second.code,
      newPassword: NEW_PASSWORD,
    });
    expect(late.json().error.code).toBe('invalid_reset_code');
  });

  it('lets an enrolled volunteer without a password back in with a reset code', async () => {
    const made = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Mo',
      role: 'volunteer',
    });
    const enrolled: Session = (
      await api(s.app, null, 'POST', '/auth/enrol', { code: made.json().code })
    ).json();
    const reset = await api(s.app, s.coordinator.token, 'POST', `/users/${enrolled.user.id}/reset-codes`, {});
    const back = await api(s.app, null, 'POST', '/auth/reset', {
      code: reset.json().code,
      newPassword: NEW_PASSWORD,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().user).toMatchObject({ id: enrolled.user.id, name: 'Mo' });
  });

  it('makes reset codes only for people the caller manages, and not for a disabled account', async () => {
    const colleague = await person('coordinator');
    for (const [by, id, status] of [
      [s.coordinator, s.admin.user.id, 403],
      [s.coordinator, colleague.id, 403],
      [s.coordinator, s.coordinator.user.id, 403],
      [s.admin, s.admin.user.id, 403],
      [s.volunteer, s.volunteer.user.id, 403],
      [s.otherOrg.coordinator, s.volunteer.user.id, 404],
    ] as const) {
      expectApiError(await api(s.app, by.token, 'POST', `/users/${id}/reset-codes`, {}), status);
    }
    expect(
      (await api(s.app, s.admin.token, 'POST', `/users/${colleague.id}/reset-codes`, {})).statusCode,
    ).toBe(201);
    const vol = await person('volunteer');
    await patch(s.coordinator, vol.id, { disabled: true });
    const refused = await api(s.app, s.coordinator.token, 'POST', `/users/${vol.id}/reset-codes`, {});
    expectApiError(refused, 409);
    expect(refused.json().error.code).toBe('account_disabled');
  });

  it('refuses weak passwords for new people and organisations, with the reason', async () => {
    const base = { email: `weak-${newId().slice(-8)}@example.org`, name: 'Weak', role: 'volunteer' };
    for (const [password, reason] of [
      ['aaaaaaaaaa', 'too_short'],
      ['aaaaaaaaaaaa', 'pattern'],
      ['azertyuiop123', 'pattern'],
      ['motdepasse2024', 'common'],
      ['qwerty123456', 'common'],
    ] as const) {
      const res = await api(s.app, s.coordinator.token, 'POST', '/users', { ...base, password });
      expectApiError(res, 400);
      expect(res.json().error, password).toMatchObject({
        code: 'weak_password',
        message: expect.any(String),
        issues: [{ path: ['password'], reason }],
      });
    }
    const org = await api(s.app, s.admin.token, 'POST', '/orgs', {
      name: 'Weak org',
      coordinator: { email: `c-${base.email}`, name: 'C', password: 'password1234' },
    });
    expect(org.json().error.code).toBe('weak_password');
    expect(await s.db.selectFrom('users').select('id').where('name', '=', 'Weak').execute()).toEqual([]);
  });

  it('lets a coordinator give a colleague coordinator they added their first password link, once', async () => {
    const email = `colleague-${newId().slice(-8)}@example.org`;
    const res = await api(s.app, s.coordinator.token, 'POST', '/users', {
      email,
      name: 'Jo',
      role: 'coordinator',
    });
    const id = res.json().user.id;
    const first = await api(s.app, s.coordinator.token, 'POST', `/users/${id}/reset-codes`, {});
    expect(first.statusCode, first.body).toBe(201);
    const session = await api(s.app, null, 'POST', '/auth/reset', {
      code: first.json().code,
      newPassword: NEW_PASSWORD,
    });
    expect(session.json().user).toMatchObject({ id, role: 'coordinator' });
    // Once they have a password (and signed in), only an admin resets it.
    expectApiError(await api(s.app, s.coordinator.token, 'POST', `/users/${id}/reset-codes`, {}), 403);
    expect((await api(s.app, s.admin.token, 'POST', `/users/${id}/reset-codes`, {})).statusCode).toBe(201);
  });

  it('adds a person without a password, who gets in with a reset code', async () => {
    const email = `nopass-${newId().slice(-8)}@example.org`;
    const res = await api(s.app, s.coordinator.token, 'POST', '/users', {
      email,
      name: 'Sam',
      role: 'coordinator',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().user.id;
    const code = (await api(s.app, s.admin.token, 'POST', `/users/${id}/reset-codes`, {})).json().code;
    expect(
      (await api(s.app, null, 'POST', '/auth/reset', { code, newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    expect((await login(s.app, email, NEW_PASSWORD)).user.role).toBe('coordinator');
  });

  it('lists pending enrolment codes (never the codes) and withdraws one', async () => {
    const made = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Yara',
      role: 'volunteer',
    });
    const { code } = made.json();
    const used = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Used',
      role: 'volunteer',
    });
    await api(s.app, null, 'POST', '/auth/enrol', { code: used.json().code });
    const list = await api(s.app, s.coordinator.token, 'GET', '/enrolment-codes');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(code);
    const pending: Array<{ id: string; name: string; expiresAt: string; createdBy: string }> =
      list.json().codes;
    const yara = pending.find((c) => c.name === 'Yara');
    expect(yara).toMatchObject({ expiresAt: made.json().expiresAt, createdBy: s.coordinator.user.id });
    expect(pending.some((c) => c.name === 'Used')).toBe(false);
    // Not the other organisation's to see or withdraw.
    const theirs = (await api(s.app, s.otherOrg.coordinator.token, 'GET', '/enrolment-codes')).json().codes;
    expect(theirs.some((c: { id: string }) => c.id === yara!.id)).toBe(false);
    expectApiError(
      await api(s.app, s.otherOrg.coordinator.token, 'DELETE', `/enrolment-codes/${yara!.id}`),
      404,
    );
    expectApiError(await api(s.app, s.volunteer.token, 'DELETE', `/enrolment-codes/${yara!.id}`), 403);

    expect((await api(s.app, s.coordinator.token, 'DELETE', `/enrolment-codes/${yara!.id}`)).statusCode).toBe(
      204,
    );
    const enrol = await api(s.app, null, 'POST', '/auth/enrol', { code });
    expect(enrol.json().error.code).toBe('invalid_enrolment_code');
    expectApiError(await api(s.app, s.coordinator.token, 'DELETE', `/enrolment-codes/${yara!.id}`), 404);
  });

  it('says whose an enrolment code is before it is used', async () => {
    const made = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Lina',
      role: 'volunteer',
    });
    const { code, expiresAt } = made.json();
    for (let i = 0; i < 3; i++) {
      const check = await api(s.app, null, 'POST', '/auth/enrol/check', { code });
      expect(check.json()).toEqual({ orgName: s.config.orgName, name: 'Lina', expiresAt });
    }
    expect((await api(s.app, null, 'POST', '/auth/enrol', { code })).statusCode).toBe(200);
    const gone = await api(s.app, null, 'POST', '/auth/enrol/check', { code });
    expectApiError(gone, 401);
    expect(gone.json().error.code).toBe('invalid_enrolment_code');
  });

  it('ends a staff sign-in after DIGITAFEL_STAFF_TOKEN_MAX_HOURS, however busy; a volunteer’s lives on', async () => {
    const maxHours = s.config.staffTokenMaxHours;
    expect(maxHours).toBe(12);
    const laptop = await login(s.app, s.coordinator.user.email);
    const phone = await login(s.app, s.volunteer.user.email);
    const began = new Date(Date.now() - (maxHours + 1) * 3_600_000).toISOString();
    await s.db
      .updateTable('devices')
      .set({ created_at: began })
      .where('id', 'in', [laptop.deviceId, phone.deviceId])
      .execute();
    const old = await me(laptop);
    expectApiError(old, 401);
    expect(old.json().error.code).toBe('token_expired');
    expect((await me(phone)).statusCode).toBe(200);
    const young = await login(s.app, s.coordinator.user.email);
    await s.db
      .updateTable('devices')
      .set({ created_at: new Date(Date.now() - (maxHours - 1) * 3_600_000).toISOString() })
      .where('id', '=', young.deviceId)
      .execute();
    expect((await me(young)).statusCode).toBe(200);
  });
});
