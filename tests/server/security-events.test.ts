// The security log (issue 11, "Also"), on SQLite and PostgreSQL: sign-in failures, accounts
// disabled and re-enabled, password changes and resets, exports, a borrower's export and
// erasure are recorded with time, kind and actor; GET /security-events lists them to
// coordinators (their organisation) and admins (every organisation); no password, token, code,
// borrower code or name is ever in it; it is append-only and kept one year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_EVENT_KINDS, type SecurityEvent } from '../../src/shared/api';
import { newId } from '../../src/shared/ids';
import { recordSecurityEvent } from '../../src/server/db/security-events.repository';
import { runRetention } from '../../src/server/retention/run';
import { counter, push } from './fixtures';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { expectApiError } from './routes';

const NEW_PASSWORD = 'lindeboom kapstok vijver 7';
const WRONG_ENROLMENT = 'Qq7-wrong-enrolment-code-3141';
const WRONG_RESET = 'Rr8-wrong-reset-code-2718';
const BORROWER = { code: `B-SEC-${newId().slice(-6)}`, name: 'Rosa Borrowerova', phone: '0470 11 22 33' };

describe.each(testDatabases())('security events on $name', ({ url }) => {
  let s: TestServer;
  const secrets: string[] = [
    TEST_PASSWORD,
    NEW_PASSWORD,
    WRONG_ENROLMENT,
    WRONG_RESET,
    BORROWER.code,
    BORROWER.name,
    BORROWER.phone,
  ];
  const next = counter();
  let volunteerId = '';
  const unknownEmail = `intruder-${newId().slice(-6)}@example.org`;

  const events = async (token: string, query = '') => {
    const res = await api(s.app, token, 'GET', `/security-events${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
    secrets.push(s.admin.token, s.coordinator.token, s.volunteer.token);
    // Things worth a record, done the way people do them.
    const made = await api(s.app, s.coordinator.token, 'POST', '/users', {
      email: `sec-${newId().slice(-8)}@example.org`,
      name: 'Sander',
      password: TEST_PASSWORD,
      role: 'volunteer',
    });
    volunteerId = made.json().user.id;
    const email = made.json().user.email as string;
    await api(s.app, null, 'POST', '/auth/login', { email, password: 'a wrong guess here' });
    await api(s.app, null, 'POST', '/auth/login', { email: unknownEmail, password: 'another guess' });
    await api(s.app, s.coordinator.token, 'PATCH', `/users/${volunteerId}`, { disabled: true });
    await api(s.app, s.coordinator.token, 'PATCH', `/users/${volunteerId}`, { disabled: false });
    const reset = await api(s.app, s.coordinator.token, 'POST', `/users/${volunteerId}/reset-codes`, {});
    secrets.push(reset.json().code);
    const session = await api(s.app, null, 'POST', '/auth/reset', {
      code: reset.json().code,
      newPassword: NEW_PASSWORD,
    });
    secrets.push(session.json().token);
    const phone = await login(s.app, s.volunteer.user.email);
    await api(s.app, phone.token, 'POST', '/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect((await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.csv')).statusCode).toBe(200);
    expect((await api(s.app, s.coordinator.token, 'GET', '/export/loans.xlsx')).statusCode).toBe(200);
    // A phone tries a wrong enrolment code, someone a wrong password-reset code.
    expectApiError(await api(s.app, null, 'POST', '/auth/enrol', { code: WRONG_ENROLMENT }), 401);
    expectApiError(
      await api(s.app, null, 'POST', '/auth/reset', { code: WRONG_RESET, newPassword: NEW_PASSWORD }),
      401,
    );
    await push(s.app, s.coordinator, [
      {
        mutationId: next(s.coordinator),
        table: 'borrowers',
        record: {
          id: newId(),
          borrowerCode: BORROWER.code,
          name: BORROWER.name,
          phone: BORROWER.phone,
          consent: true,
        },
      },
    ]);
    expect(
      (await api(s.app, s.coordinator.token, 'GET', `/borrowers/${BORROWER.code}/export`)).statusCode,
    ).toBe(200);
    expect(
      (await api(s.app, s.coordinator.token, 'POST', `/borrowers/${BORROWER.code}/erase`)).statusCode,
    ).toBe(200);
    // The admin makes the volunteer a coordinator (last: coordinators manage volunteers only).
    const promoted = await api(s.app, s.admin.token, 'PATCH', `/users/${volunteerId}`, {
      role: 'coordinator',
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
  });
  afterAll(() => s.close());

  it('lists what happened, newest first, with time, kind, actor and the account concerned', async () => {
    const res = await events(s.coordinator.token);
    const list: SecurityEvent[] = res.json().events;
    const kinds = list.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'user_created',
        'sign_in_failed',
        'user_disabled',
        'user_enabled',
        'reset_code_created',
        'password_reset',
        'password_changed',
        'role_changed',
        'export',
        'borrower_exported',
        'borrower_erased',
      ]),
    );
    const at = list.map((e) => e.at);
    expect([...at].sort().reverse()).toEqual(at);
    const disabled = list.find((e) => e.kind === 'user_disabled')!;
    expect(disabled).toMatchObject({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      org: { id: s.orgId, name: s.config.orgName },
      actor: { id: s.coordinator.user.id, name: 'Coco' },
      subject: { id: volunteerId, name: 'Sander' },
    });
    expect(list.find((e) => e.kind === 'sign_in_failed')).toMatchObject({
      actor: null,
      subject: { id: volunteerId },
      details: { reason: 'wrong_password' },
    });
    // Both exports, the CSV and the spreadsheet, with what and which format.
    const exports = list.filter((e) => e.kind === 'export');
    expect(exports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: expect.objectContaining({ name: 'Coco' }),
          details: expect.objectContaining({ table: 'help_requests', format: 'csv' }),
        }),
        expect.objectContaining({
          actor: expect.objectContaining({ name: 'Coco' }),
          details: expect.objectContaining({ table: 'loans', format: 'xlsx' }),
        }),
      ]),
    );
    expect(list.find((e) => e.kind === 'role_changed')).toMatchObject({
      actor: { id: s.admin.user.id },
      subject: { id: volunteerId, name: 'Sander' },
      details: { role: 'coordinator' },
    });
    expect(list.find((e) => e.kind === 'password_changed')).toMatchObject({
      actor: { id: s.volunteer.user.id },
      subject: { id: s.volunteer.user.id },
    });
  });

  it('never holds a password, token, code, typed e-mail or borrower data', async () => {
    const coordinatorView = (await events(s.coordinator.token)).body;
    const adminView = (await events(s.admin.token)).body;
    const stored = JSON.stringify(await s.db.selectFrom('security_events').selectAll().execute());
    for (const text of [coordinatorView, adminView, stored]) {
      for (const secret of [...secrets, unknownEmail]) expect(text).not.toContain(secret);
    }
  });

  it('shows coordinators their organisation only; admins every organisation and unknown accounts', async () => {
    const other: SecurityEvent[] = (await events(s.otherOrg.coordinator.token)).json().events;
    expect(other.every((e) => e.org?.id === s.otherOrg.orgId)).toBe(true);
    const mine: SecurityEvent[] = (await events(s.coordinator.token)).json().events;
    expect(mine.every((e) => e.org?.id === s.orgId)).toBe(true);
    const all: SecurityEvent[] = (await events(s.admin.token)).json().events;
    expect(all.find((e) => e.org === null && e.kind === 'sign_in_failed')).toMatchObject({
      details: { reason: 'unknown_account' },
      subject: null,
    });
    // Every kind of event the server knows was recorded by something done above.
    expect([...new Set(all.map((e) => e.kind))].sort()).toEqual([...SECURITY_EVENT_KINDS].sort());
    // A wrong enrolment or reset code belongs to no organisation: admins see it, with no actor.
    for (const kind of ['enrolment_failed', 'reset_failed'] as const) {
      expect(
        all.filter((e) => e.kind === kind),
        kind,
      ).toEqual([expect.objectContaining({ org: null, actor: null, subject: null })]);
      expect(mine.some((e) => e.kind === kind)).toBe(false);
    }
    // (The volunteer changed their password above, which ended their other sign-ins.)
    const volunteer = await login(s.app, s.volunteer.user.email, NEW_PASSWORD);
    expectApiError(await api(s.app, volunteer.token, 'GET', '/security-events'), 403);
    expectApiError(await api(s.app, null, 'GET', '/security-events'), 401);
  });

  it('pages through every event with the cursor, and filters by period', async () => {
    const all: SecurityEvent[] = (await events(s.coordinator.token)).json().events;
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const res = (await events(s.coordinator.token, `?limit=3${cursor && `&cursor=${cursor}`}`)).json();
      seen.push(...res.events.map((e: SecurityEvent) => e.id));
      if (!res.hasMore) break;
      cursor = res.cursor;
    }
    expect(seen).toEqual(all.map((e) => e.id));
    const future = (await events(s.coordinator.token, '?from=2099-01-01')).json().events;
    expect(future).toEqual([]);
    expectApiError(await api(s.app, s.coordinator.token, 'GET', '/security-events?cursor=nonsense'), 400);
  });

  it('is append-only: the database refuses to change an event', async () => {
    await expect(
      s.db.updateTable('security_events').set({ kind: 'export' }).where('org_id', '=', s.orgId).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps events one year: the retention job deletes older ones', async () => {
    const day = 86_400_000;
    await recordSecurityEvent(s.db, {
      orgId: s.orgId,
      kind: 'export',
      actorId: s.coordinator.user.id,
      details: { table: 'loans', format: 'csv', marker: 'old' },
      at: new Date(Date.now() - 370 * day),
    });
    await recordSecurityEvent(s.db, {
      orgId: s.orgId,
      kind: 'export',
      actorId: s.coordinator.user.id,
      details: { table: 'loans', format: 'csv', marker: 'recent' },
      at: new Date(Date.now() - 360 * day),
    });
    await runRetention(s.db);
    const markers = (await s.db.selectFrom('security_events').select('details').execute())
      .map((r) => (r.details ? (JSON.parse(r.details) as { marker?: string }).marker : undefined))
      .filter(Boolean);
    expect(markers).toEqual(['recent']);
  });
});
