// The access table: every route the app has (read from the app, so a new route without a row
// here fails) × {anonymous, volunteer, coordinator, admin, another organisation's coordinator},
// against this organisation's resources, answers the status the API reference specifies. Ids of this
// organisation asked for by the other one answer exactly like ids that do not exist (no leak),
// and what the other organisation lists never holds this one's ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/api';
import { newId } from '../../src/shared/ids';
import { hashPassword } from '../../src/server/auth/secrets';
import { insertUser } from '../../src/server/db/users.repository';
import { counter, equipment, helpRequest, loan, push } from './fixtures';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { expectApiError, listRoutes, routeKey, type Route } from './routes';

/** The smallest PNG (one pixel), for the fiche image routes. */
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

type Who = 'anonymous' | 'revoked' | 'volunteer' | 'coordinator' | 'admin' | 'other';
/** `revoked`: a coordinator's token after logout. */
const WHO: Who[] = ['anonymous', 'revoked', 'volunteer', 'coordinator', 'admin', 'other'];
type Method = 'GET' | 'POST' | 'DELETE' | 'PATCH';

interface Call {
  url: string;
  payload?: unknown;
  /** A fresh session to use instead of the shared one (for logout). */
  session?: Session | null;
  /** The same call with this organisation's id replaced by one that does not exist. */
  missing?: string;
}

interface Row {
  /** Makes the resources one call needs (fresh each time, as calls may consume them). */
  call: (who: Who, session: Session | null) => Promise<Call>;
  expect: Record<Who, number>;
  /** Ids of this organisation that must not appear in `other`'s 2xx answer. */
  hides?: () => string[];
}

/** Coordinators and admins only; the other organisation's coordinator gets `other`. */
const coordinatorsOnly = (ok: number, other: number): Record<Who, number> => ({
  anonymous: 401,
  revoked: 401,
  volunteer: 403,
  coordinator: ok,
  admin: ok,
  other,
});
/** Public: no token needed, and a revoked one does not matter. */
const anyone = (ok: number): Record<Who, number> => ({
  anonymous: ok,
  revoked: ok,
  volunteer: ok,
  coordinator: ok,
  admin: ok,
  other: ok,
});
const everyone = (ok: number): Record<Who, number> => ({
  anonymous: 401,
  revoked: 401,
  volunteer: ok,
  coordinator: ok,
  admin: ok,
  other: ok,
});

describe.each(testDatabases())('the access table on $name', ({ url }) => {
  let s: TestServer;
  let revoked: Session;
  const next = counter();
  const mine: { help: string; equipment: string; loan: string; borrower: string; image: string } = {
    help: '',
    equipment: '',
    loan: '',
    borrower: '',
    image: '',
  };
  const tag = newId().slice(-8);

  const sessionOf = (who: Who): Session | null =>
    ({
      anonymous: null,
      revoked,
      volunteer: s.volunteer,
      coordinator: s.coordinator,
      admin: s.admin,
      other: s.otherOrg.coordinator,
    })[who];

  /** A loan of this organisation in conflict (a second open loan of one item). */
  async function conflictLoan(): Promise<string> {
    const item = equipment();
    const first = loan(item.id as string);
    const second = loan(item.id as string);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: item },
      { mutationId: next(s.coordinator), table: 'loans', record: first },
    ]);
    const res = await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'loans', record: second },
    ]);
    expect(res.results[0]!.status).toBe('conflict');
    return second.id as string;
  }

  /** A borrower of this organisation with a fresh code. */
  async function borrower(): Promise<string> {
    const code = `B-${newId().slice(-10)}`;
    await push(s.app, s.coordinator, [
      {
        mutationId: next(s.coordinator),
        table: 'borrowers',
        record: { id: newId(), borrowerCode: code, name: 'Access Test', consent: true },
      },
    ]);
    return code;
  }

  let n = 0;
  const email = () => `access-${tag}-${n++}@example.org`;

  /** A new volunteer of this organisation (to disable, rename or reset). */
  async function freshVolunteer(): Promise<string> {
    const res = await api(s.app, s.admin.token, 'POST', '/users', {
      email: email(),
      name: 'Fresh',
      password: TEST_PASSWORD,
      role: 'volunteer',
    });
    return res.json().user.id;
  }

  /** A signed-in new user with the role and organisation of `who` (their password may change). */
  async function freshLike(who: Who): Promise<Session> {
    const like = sessionOf(who)!;
    const address = email();
    await insertUser(s.db, {
      orgId: like.user.orgId,
      email: address,
      name: 'Fresh',
      role: like.user.role,
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    return login(s.app, address);
  }

  /** A reset code for a new volunteer. */
  async function resetCode(): Promise<string> {
    const res = await api(
      s.app,
      s.coordinator.token,
      'POST',
      `/users/${await freshVolunteer()}/reset-codes`,
      {},
    );
    return res.json().code;
  }

  /** A new pending enrolment code: the code and its id. */
  async function enrolmentCode(): Promise<{ code: string; id: string }> {
    const made = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
      name: `Pending ${n++}`,
      role: 'volunteer',
    });
    const list = await api(s.app, s.coordinator.token, 'GET', '/enrolment-codes');
    const id = list.json().codes[0].id as string;
    return { code: made.json().code, id };
  }

  const rows: Record<string, Row> = {
    'GET /api/v1/openapi.json': { call: async () => ({ url: '/openapi.json' }), expect: anyone(200) },
    'GET /api/v1/health': { call: async () => ({ url: '/health' }), expect: anyone(204) },
    'POST /api/v1/auth/login': {
      call: async () => ({
        url: '/auth/login',
        payload: { email: s.volunteer.user.email, password: TEST_PASSWORD },
      }),
      expect: { anonymous: 200, revoked: 200, volunteer: 200, coordinator: 200, admin: 200, other: 200 },
    },
    'POST /api/v1/auth/enrol': {
      call: async () => {
        const code = await api(s.app, s.coordinator.token, 'POST', '/enrolment-codes', {
          name: 'Enrolled',
          role: 'volunteer',
        });
        return { url: '/auth/enrol', payload: { code: code.json().code } };
      },
      expect: { anonymous: 200, revoked: 200, volunteer: 200, coordinator: 200, admin: 200, other: 200 },
    },
    'POST /api/v1/auth/enrol/check': {
      call: async () => ({ url: '/auth/enrol/check', payload: { code: (await enrolmentCode()).code } }),
      expect: { anonymous: 200, revoked: 200, volunteer: 200, coordinator: 200, admin: 200, other: 200 },
    },
    'POST /api/v1/auth/reset/check': {
      call: async () => ({ url: '/auth/reset/check', payload: { code: await resetCode() } }),
      expect: { anonymous: 200, revoked: 200, volunteer: 200, coordinator: 200, admin: 200, other: 200 },
    },
    'POST /api/v1/auth/reset': {
      call: async () => ({
        url: '/auth/reset',
        payload: { code: await resetCode(), newPassword: 'lindeboom kapstok vijver 7' },
      }),
      expect: { anonymous: 200, revoked: 200, volunteer: 200, coordinator: 200, admin: 200, other: 200 },
    },
    'POST /api/v1/auth/password': {
      call: async (who) => ({
        url: '/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'lindeboom kapstok vijver 7' },
        session: who === 'anonymous' || who === 'revoked' ? sessionOf(who) : await freshLike(who),
      }),
      expect: everyone(204),
    },
    'POST /api/v1/auth/logout': {
      call: async (who) => ({
        url: '/auth/logout',
        session:
          who === 'anonymous' || who === 'revoked'
            ? sessionOf(who)
            : await login(s.app, sessionOf(who)!.user.email),
      }),
      expect: everyone(204),
    },
    'GET /api/v1/me': { call: async () => ({ url: '/me' }), expect: everyone(200) },
    'PATCH /api/v1/org': {
      call: async () => ({ url: '/org', payload: { privacyContact: 'privacy@example.org' } }),
      expect: coordinatorsOnly(200, 200),
    },
    'POST /api/v1/orgs': {
      call: async () => ({
        url: '/orgs',
        payload: { name: 'Access org', coordinator: { email: email(), name: 'C', password: TEST_PASSWORD } },
      }),
      expect: { anonymous: 401, revoked: 401, volunteer: 403, coordinator: 403, admin: 201, other: 403 },
    },
    'POST /api/v1/users': {
      call: async () => ({
        url: '/users',
        payload: { email: email(), name: 'U', password: TEST_PASSWORD, role: 'volunteer' },
      }),
      expect: coordinatorsOnly(201, 201),
    },
    'GET /api/v1/users': {
      call: async () => ({ url: '/users' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [s.volunteer.user.id, s.coordinator.user.id],
    },
    'PATCH /api/v1/users/:id': {
      call: async () => ({
        url: `/users/${await freshVolunteer()}`,
        payload: { name: 'Renamed', disabled: true },
        missing: `/users/${newId()}`,
      }),
      expect: coordinatorsOnly(200, 404),
    },
    'POST /api/v1/users/:id/reset-codes': {
      call: async () => ({
        url: `/users/${await freshVolunteer()}/reset-codes`,
        payload: {},
        missing: `/users/${newId()}/reset-codes`,
      }),
      expect: coordinatorsOnly(201, 404),
    },
    'GET /api/v1/enrolment-codes': {
      call: async () => ({ url: '/enrolment-codes' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => pendingIds,
    },
    'DELETE /api/v1/enrolment-codes/:id': {
      call: async () => ({
        url: `/enrolment-codes/${(await enrolmentCode()).id}`,
        missing: `/enrolment-codes/${newId()}`,
      }),
      expect: coordinatorsOnly(204, 404),
    },
    'GET /api/v1/security-events': {
      call: async () => ({ url: '/security-events' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [s.volunteer.user.id, s.coordinator.user.id, s.admin.user.id],
    },
    'POST /api/v1/enrolment-codes': {
      call: async () => ({ url: '/enrolment-codes', payload: { name: 'E', role: 'volunteer' } }),
      expect: coordinatorsOnly(201, 201),
    },
    'GET /api/v1/devices': {
      call: async () => ({ url: '/devices' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [s.volunteer.deviceId, s.coordinator.deviceId],
    },
    'DELETE /api/v1/devices/:deviceId': {
      call: async () => {
        const phone = await login(s.app, s.volunteer.user.email);
        return { url: `/devices/${phone.deviceId}`, missing: `/devices/${newId()}` };
      },
      // The phone is the volunteer's own; a colleague's phone is the last test of this file.
      expect: { anonymous: 401, revoked: 401, volunteer: 204, coordinator: 204, admin: 204, other: 404 },
    },
    'POST /api/v1/sync/push': {
      call: async (_who, session) => ({
        url: '/sync/push',
        payload: {
          deviceId: session?.deviceId ?? newId(),
          schemaVersion: 1,
          mutations: session
            ? [
                {
                  mutationId: next(session),
                  table: 'help_requests',
                  op: 'upsert',
                  id: newId(),
                  baseVersion: null,
                },
              ]
            : [],
        },
      }),
      expect: everyone(200),
    },
    'GET /api/v1/sync/pull': {
      call: async () => ({ url: '/sync/pull?limit=1000' }),
      expect: everyone(200),
      hides: () => [mine.help, mine.equipment, mine.loan],
    },
    'GET /api/v1/records/:table': {
      call: async () => ({ url: '/records/help_requests' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [mine.help],
    },
    'POST /api/v1/records/:table': {
      call: async () => ({
        url: '/records/locations',
        payload: { record: { id: newId(), name: `Hall ${newId()}` } },
      }),
      expect: coordinatorsOnly(201, 201),
    },
    'POST /api/v1/records/:table/review': {
      call: async () => ({
        url: '/records/help_requests/review',
        payload: { ids: [mine.help], reviewState: 'reviewed' },
        missing: '/records/help_requests/review',
      }),
      expect: coordinatorsOnly(200, 404),
    },
    'GET /api/v1/records/:table/:id': {
      call: async () => ({
        url: `/records/help_requests/${mine.help}`,
        missing: `/records/help_requests/${newId()}`,
      }),
      expect: coordinatorsOnly(200, 404),
    },
    'PATCH /api/v1/records/:table/:id': {
      call: async () => ({
        url: `/records/help_requests/${mine.help}`,
        payload: { reviewComment: 'checked' },
        missing: `/records/help_requests/${newId()}`,
      }),
      expect: coordinatorsOnly(200, 404),
    },
    'GET /api/v1/reports/summary': {
      call: async () => ({ url: '/reports/summary?from=2020-01-01&to=2030-12-31' }),
      expect: coordinatorsOnly(200, 200),
    },
    'GET /api/v1/export/:file': {
      call: async () => ({ url: '/export/help_requests.csv' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [mine.help],
    },
    'GET /api/v1/retention/status': {
      call: async () => ({ url: '/retention/status' }),
      expect: coordinatorsOnly(200, 200),
    },
    'GET /api/v1/conflicts': {
      call: async () => ({ url: '/conflicts' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [mine.loan, mine.equipment],
    },
    'POST /api/v1/conflicts/:id/resolve': {
      call: async () => ({
        url: `/conflicts/${await conflictLoan()}/resolve`,
        payload: { action: 'cancel' },
        missing: `/conflicts/${newId()}/resolve`,
      }),
      expect: coordinatorsOnly(200, 404),
    },
    'GET /api/v1/borrowers/:code/export': {
      call: async () => ({ url: `/borrowers/${mine.borrower}/export`, missing: `/borrowers/B-none/export` }),
      expect: coordinatorsOnly(200, 404),
    },
    'POST /api/v1/borrowers/:code/erase': {
      call: async () => ({ url: `/borrowers/${await borrower()}/erase`, missing: `/borrowers/B-none/erase` }),
      expect: coordinatorsOnly(200, 404),
    },
    'GET /api/v1/equipment': {
      call: async () => ({ url: '/equipment' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [mine.equipment, mine.loan],
    },
    'GET /api/v1/equipment/:id': {
      call: async () => ({ url: `/equipment/${mine.equipment}`, missing: `/equipment/${newId()}` }),
      expect: coordinatorsOnly(200, 404),
    },
    'GET /api/v1/loans': {
      call: async () => ({ url: '/loans?bucket=open' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [mine.loan, mine.equipment, 'B-ACCESS'],
    },
    'POST /api/v1/fiche-images': {
      call: async () => ({ url: '/fiche-images', payload: { type: 'image/png', data: PNG_1PX } }),
      expect: coordinatorsOnly(201, 201),
    },
    'GET /api/v1/fiche-images/:id': {
      call: async () => ({ url: `/fiche-images/${mine.image}`, missing: `/fiche-images/${newId()}` }),
      expect: { ...everyone(200), other: 404 },
    },
    'GET /api/v1/people': {
      call: async () => ({ url: '/people' }),
      expect: coordinatorsOnly(200, 200),
      hides: () => [s.volunteer.user.id, s.coordinator.user.id],
    },
  };

  const pendingIds: string[] = [];
  let routes: Route[] = [];
  const counts = { calls: 0 };

  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
    const item = equipment();
    const help = helpRequest();
    const lent = loan(item.id as string, { borrowerCode: 'B-ACCESS' });
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: item }]);
    await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'help_requests', record: help },
      { mutationId: next(s.volunteer), table: 'loans', record: lent },
    ]);
    Object.assign(mine, {
      help: help.id,
      equipment: item.id,
      loan: lent.id,
      borrower: await borrower(),
      image: (
        await api(s.app, s.coordinator.token, 'POST', '/fiche-images', { type: 'image/png', data: PNG_1PX })
      ).json().image.id,
    });
    pendingIds.push((await enrolmentCode()).id);
    routes = listRoutes(s.app);
    revoked = await login(s.app, s.coordinator.user.email);
    expect((await api(s.app, revoked.token, 'POST', '/auth/logout')).statusCode).toBe(204);
  });
  afterAll(async () => {
    console.log(
      `access table on ${url.split(':')[0]}: ${routes.length} routes × ${WHO.length} callers, ${counts.calls} calls`,
    );
    await s.close();
  });

  it('has a row for every route the app has', () => {
    const missing = routes.filter((r) => !rows[routeKey(r).replace(/^HEAD /, 'GET ')]).map(routeKey);
    expect(missing).toEqual([]);
  });

  it('answers every route × caller with the status the API reference specifies, never revealing other organisations', async () => {
    for (const route of routes) {
      const row = rows[routeKey(route).replace(/^HEAD /, 'GET ')]!;
      for (const who of WHO) {
        const shared = sessionOf(who);
        const call = await row.call(who, shared);
        const session = call.session === undefined ? shared : call.session;
        const send = (path: string) =>
          route.method === 'HEAD'
            ? s.app.inject({
                method: 'HEAD',
                url: `/api/v1${path}`,
                headers: session ? { authorization: `Bearer ${session.token}` } : {},
              })
            : api(s.app, session?.token ?? null, route.method as Method, path, call.payload);
        const res = await send(call.url);
        counts.calls++;
        const what = `${routeKey(route)} as ${who}: ${res.body.slice(0, 200)}`;
        expect(res.statusCode, what).toBe(row.expect[who]);
        if (route.method === 'HEAD') continue;
        if (res.statusCode >= 400) expectApiError(res);
        if (who === 'other' && res.statusCode === 404 && call.missing) {
          // The other organisation's 404 is the 404 of an id that does not exist at all.
          const absent = await send(call.missing);
          expect(absent.statusCode, what).toBe(404);
          expect(res.json(), what).toEqual(absent.json());
        }
        if (who === 'other' && res.statusCode < 300 && row.hides) {
          for (const id of row.hides()) expect(res.body, `${what} leaks ${id}`).not.toContain(id);
        }
      }
    }
  });

  it('leaves this organisation’s records untouched by the other organisation’s writes', async () => {
    const before = await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${mine.help}`);
    const other = s.otherOrg.coordinator;
    // A push of the same id from the other organisation makes its own record, not a change to ours.
    const res = await push(s.app, other, [
      {
        mutationId: next(other),
        table: 'help_requests',
        record: helpRequest({ id: mine.help, note: 'from the other org' }),
      },
      { mutationId: next(other), table: 'help_requests', op: 'delete', id: mine.equipment },
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const after = await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${mine.help}`);
    expect(after.json().record).toEqual(before.json().record);
    expect(after.json().record.note).toBeUndefined();
    const equipmentRow = await s.db
      .selectFrom('equipment')
      .select(['deleted', 'org_id'])
      .where('id', '=', mine.equipment)
      .execute();
    expect(equipmentRow.filter((r) => r.org_id === s.orgId)).toEqual([{ deleted: 0, org_id: s.orgId }]);
    // A loan of the other organisation cannot point at this organisation's equipment.
    const lend = await push(s.app, other, [
      { mutationId: next(other), table: 'loans', record: loan(mine.equipment) },
    ]);
    expect(lend.results[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_equipment' } });
  });

  it('lets a volunteer revoke only their own phones, not a colleague’s', async () => {
    const colleague = await api(s.app, s.coordinator.token, 'POST', '/users', {
      email: email(),
      name: 'Colleague',
      password: TEST_PASSWORD,
      role: 'volunteer',
    });
    const phone = await login(s.app, colleague.json().user.email);
    const res = await api(s.app, s.volunteer.token, 'DELETE', `/devices/${phone.deviceId}`);
    expectApiError(res, 403);
    expect((await api(s.app, phone.token, 'GET', '/me')).statusCode).toBe(200);
  });
});
