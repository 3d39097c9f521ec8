// No personal data in the logs: a full run through the server with its real logger (the options
// main.ts uses, written to a captured stream) — sign-ins, enrolment, users, pushes, pulls,
// review, exports, a borrower's export and erasure, rejected records, 400s, 401s, 404s and a
// logged server error — then the captured log is searched for every distinctive name, contact,
// note, comment, place, code, token, password and enrolment code the run used. None may appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/api';
import { newId } from '../../src/shared/ids';
import { counter, equipment, helpRequest, loan, push } from './fixtures';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';

describe.each(testDatabases())('the log of a full run on $name', ({ url }) => {
  let s: TestServer;
  const lines: string[] = [];
  const next = counter();
  /** Everything that must never reach the log. */
  const secrets = new Set<string>([TEST_PASSWORD]);
  const tag = newId().slice(-6);
  const pd = {
    borrowerName: `Zorabelle Quintavon ${tag}`,
    borrowerPhone: '+32 470 99 88 77',
    borrowerEmail: `zorabelle.${tag}@private.example`,
    borrowerCode: `B-PRIV-${tag}`,
    note: `Mevrouw Xylander-${tag} heeft schulden bij de bank`,
    serviceSignal: `Itsme blokkeert bij Plumtree-${tag}`,
    comment: `Reviewer says Gorbaduc-${tag} was upset`,
    place: `Rue Secretplace ${tag}`,
    district: `Quuxwijk-${tag}`,
    visitorCode: `VIS-${tag}-77`,
    volunteerName: `Volunteer Hieronymus ${tag}`,
    volunteerEmail: `hieronymus.${tag}@example.org`,
    // Not the tag itself: it is in the volunteer's name, and a password holding one's name is weak.
    volunteerPassword: `Sup3r-secret-pass-${[...tag].reverse().join('')}`,
    newPassword: `Nieuw-geheim-wachtwoord-${[...tag].reverse().join('')}`,
    enrolName: `Phone of Ermintrude ${tag}`,
    wrongPassword: `Wr0ng-pass-${tag}`,
    equipmentNote: `Belongs to Florizel-${tag}`,
  };
  Object.values(pd).forEach((v) => secrets.add(v));

  beforeAll(async () => {
    s = await startTestServer({
      dbUrl: url,
      logger: { stream: { write: (line: string) => lines.push(line) } },
    });
    for (const who of [s.admin, s.coordinator, s.volunteer, s.otherOrg.coordinator]) {
      secrets.add(who.token);
      secrets.add(who.user.email);
    }
    await runEverything();
  });
  afterAll(() => s.close());

  const remember = (session: Session) => {
    secrets.add(session.token);
    return session;
  };

  async function runEverything(): Promise<void> {
    const { app, coordinator: coord } = s;
    // A user, an enrolment code and a phone enrolled with it.
    const user = await api(app, coord.token, 'POST', '/users', {
      email: pd.volunteerEmail,
      name: pd.volunteerName,
      password: pd.volunteerPassword,
      role: 'volunteer',
    });
    expect(user.statusCode).toBe(201);
    const volunteer = remember(await login(app, pd.volunteerEmail, pd.volunteerPassword));
    const code = await api(app, coord.token, 'POST', '/enrolment-codes', {
      name: pd.enrolName,
      role: 'volunteer',
    });
    secrets.add(code.json().code);
    const enrolled = await api(app, null, 'POST', '/auth/enrol', {
      code: code.json().code,
      deviceLabel: pd.enrolName,
    });
    expect(enrolled.statusCode).toBe(200);
    remember(enrolled.json());
    // Reference data, equipment, a borrower, a loan and help requests.
    const place = { id: newId(), name: pd.place, address: pd.place };
    const item = equipment({ notes: pd.equipmentNote });
    const borrower = {
      id: newId(),
      borrowerCode: pd.borrowerCode,
      name: pd.borrowerName,
      phone: pd.borrowerPhone,
      email: pd.borrowerEmail,
      consent: true,
    };
    const created = await api(app, coord.token, 'POST', '/records/locations', { record: place });
    expect(created.statusCode).toBe(201);
    await push(app, coord, [
      { mutationId: next(coord), table: 'equipment', record: item },
      { mutationId: next(coord), table: 'borrowers', record: borrower },
    ]);
    const help = helpRequest({
      note: pd.note,
      serviceSignal: pd.serviceSignal,
      locationId: place.id,
      districtOrPostcode: pd.district,
      visitorCode: pd.visitorCode,
    });
    const lent = loan(item.id as string, { borrowerCode: pd.borrowerCode, notes: pd.note });
    const pushed = await push(app, volunteer, [
      { mutationId: next(volunteer), table: 'help_requests', record: help },
      { mutationId: next(volunteer), table: 'loans', record: lent },
      // Rejected, with issues that quote nothing of the record but are logged nowhere anyway.
      {
        mutationId: next(volunteer),
        table: 'help_requests',
        record: { ...helpRequest(), note: 7, x: pd.note },
      },
      { mutationId: next(volunteer), table: 'borrowers', record: { ...borrower, id: newId() } },
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'rejected']);
    // Pulls, review, corrections, exports, reports.
    expect((await api(app, volunteer.token, 'GET', '/sync/pull')).statusCode).toBe(200);
    expect((await api(app, coord.token, 'GET', '/sync/pull')).statusCode).toBe(200);
    const patched = await api(app, coord.token, 'PATCH', `/records/help_requests/${help.id}`, {
      reviewState: 'has_issues',
      reviewComment: pd.comment,
      changes: { note: `${pd.note} (checked)` },
    });
    expect(patched.statusCode).toBe(200);
    expect(
      (
        await api(app, coord.token, 'POST', '/records/help_requests/review', {
          ids: [help.id],
          reviewState: 'reviewed',
          reviewComment: pd.comment,
        })
      ).statusCode,
    ).toBe(200);
    expect((await api(app, coord.token, 'GET', `/records/help_requests/${help.id}`)).statusCode).toBe(200);
    for (const table of ['help_requests', 'loans', 'borrowers', 'locations']) {
      expect((await api(app, coord.token, 'GET', `/export/${table}.csv`)).statusCode).toBe(200);
    }
    expect(
      (await api(app, coord.token, 'GET', '/reports/summary?from=2020-01-01&to=2030-12-31')).statusCode,
    ).toBe(200);
    const codePath = `/borrowers/${encodeURIComponent(pd.borrowerCode)}`;
    expect((await api(app, coord.token, 'GET', `${codePath}/export`)).statusCode).toBe(200);
    expect((await api(app, coord.token, 'POST', `${codePath}/erase`)).statusCode).toBe(200);
    // Failures that carry the values: 400s with issues, wrong passwords, unknown codes, 404s.
    const bad = [
      await api(app, coord.token, 'POST', '/users', {
        email: pd.volunteerEmail,
        name: pd.volunteerName,
        password: pd.volunteerPassword,
        role: 'admin',
      }),
      await api(app, coord.token, 'PATCH', `/records/help_requests/${help.id}`, {
        changes: { note: 42, outcome: pd.note },
        reviewComment: pd.comment,
      }),
      await api(
        app,
        coord.token,
        'GET',
        `/records/help_requests?createdBy=${encodeURIComponent(pd.volunteerName)}&from=${encodeURIComponent(pd.note)}`,
      ),
      await api(app, null, 'POST', '/auth/login', { email: pd.volunteerEmail, password: pd.wrongPassword }),
      await api(app, null, 'POST', '/auth/enrol', { code: code.json().code }),
      await api(app, coord.token, 'GET', `/borrowers/${encodeURIComponent(pd.borrowerName)}/export`),
      await api(app, coord.token, 'GET', `/records/help_requests/${encodeURIComponent(pd.note)}`),
      await api(app, coord.token, 'GET', `/nothing/${encodeURIComponent(pd.borrowerName)}`),
      await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' },
        payload: `{"name": "${pd.volunteerName}", `,
      }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: `${pd.volunteerEmail} ${pd.volunteerPassword}`,
      }),
    ];
    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400, 401, 401, 404, 400, 404, 400, 415]);
    // Logout and a revoked token.
    expect((await api(app, volunteer.token, 'POST', '/auth/logout')).statusCode).toBe(204);
    expect((await api(app, volunteer.token, 'GET', '/me')).statusCode).toBe(401);
    // A reset code, a new password with it, and a password change (weak first).
    const reset = await api(app, coord.token, 'POST', `/users/${user.json().user.id}/reset-codes`, {});
    secrets.add(reset.json().code);
    expect((await api(app, null, 'POST', '/auth/reset/check', { code: reset.json().code })).statusCode).toBe(
      200,
    );
    const back = await api(app, null, 'POST', '/auth/reset', {
      code: reset.json().code,
      newPassword: pd.newPassword,
    });
    expect(back.statusCode).toBe(200);
    const again = remember(back.json());
    for (const [newPassword, status] of [
      [`${pd.volunteerName} 1`, 400],
      [pd.volunteerPassword, 204],
    ] as const) {
      const changed = await api(app, again.token, 'POST', '/auth/password', {
        currentPassword: pd.newPassword,
        newPassword,
      });
      expect(changed.statusCode).toBe(status);
    }
    // A server error as errors.ts logs it: a database error whose detail quotes a row.
    const dbError = Object.assign(new Error(`invalid input syntax for type json: "${pd.borrowerName}"`), {
      code: '22P02',
      detail: `Key (name)=(${pd.borrowerName}) already exists.`,
      where: `SQL statement "insert ... ${pd.note}"`,
    });
    app.log.error({ err: dbError, body: borrower, password: pd.volunteerPassword }, 'request failed');
  }

  it('logs every request (so the scan below means something)', () => {
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const completed = parsed.filter((l) => l.msg === 'request completed');
    expect(completed.length).toBeGreaterThan(30);
    expect(parsed.some((l) => (l.err as { code?: string } | undefined)?.code === '22P02')).toBe(true);
    expect(completed.every((l) => typeof (l.res as { statusCode: number }).statusCode === 'number')).toBe(
      true,
    );
    console.log(
      `log of a full run on ${url.split(':')[0]}: ${lines.length} lines, ${secrets.size} values searched`,
    );
  });

  it('holds no name, contact, note, comment, place, code, token, password or e-mail', () => {
    const log = lines.join('');
    const found = [...secrets].filter((v) => {
      const forms = [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v), v.toLowerCase()];
      return forms.some((f) => log.includes(f) || log.toLowerCase().includes(f.toLowerCase()));
    });
    expect(found).toEqual([]);
  });
});
