// GET /reports/summary on SQLite and PostgreSQL: exact figures from known data, counts of people
// hidden by the rule of src/shared/report.ts (small groups, complementary suppression, hidden
// keys not listed), equipment never hidden, Brussels weeks, the rollup following deletes and
// corrections and rebuilding itself when its facts change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, helpRequest, loan, push, type Mut } from '../fixtures';
import { coordDb } from '../../../src/server/coordinator/db';
import { catchUpReports } from '../../../src/server/coordinator/report-rollup';
import { ROLLUP_VERSION } from '../../../src/shared/report-summary';
import { startCoordinatorServer } from './server';

const A = '0193a000-0000-7000-8000-00000000000a';
const B = '0193a000-0000-7000-8000-00000000000b';
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe.each(testDatabases())('report summary on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const q = '/reports/summary?from=2026-11-02&to=2026-11-29';
  const corrected = helpRequest({
    occurredAt: '2026-11-24T10:00:00Z',
    topics: ['phishing'],
    outcome: 'partly',
    channel: 'permanence',
    gender: 'woman',
    locationId: B,
  });
  const removed = helpRequest({
    occurredAt: '2026-11-18T10:00:00Z',
    topics: ['tax_on_web'],
    outcome: 'solved',
    locationId: A,
  });

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    const help = [
      ...times(6, () =>
        helpRequest({
          occurredAt: '2026-11-10T10:00:00Z',
          topics: ['itsme'],
          outcome: 'solved',
          channel: 'street_stand',
          gender: 'woman',
          ageBand: '66_75',
          language: 'nl',
          locationId: A,
        }),
      ),
      ...times(2, () =>
        helpRequest({
          occurredAt: '2026-11-17T10:00:00Z',
          topics: ['itsme', 'email'],
          outcome: 'referred',
          channel: 'phone',
          gender: 'man',
          language: 'fr',
          locationId: A,
        }),
      ),
      // 23:30 UTC on Sunday the 22nd is Monday the 23rd in Brussels: ISO week 48.
      ...times(5, () =>
        helpRequest({
          occurredAt: '2026-11-22T23:30:00Z',
          topics: ['email'],
          outcome: 'partly',
          channel: 'permanence',
          gender: 'woman',
          locationId: B,
        }),
      ),
      helpRequest({ occurredAt: '2026-12-01T10:00:00Z', topics: ['itsme'] }),
      corrected,
      removed,
    ];
    const permanences = [
      {
        id: newId(),
        locationId: A,
        kind: 'permanence',
        startedAt: '2026-11-10T09:00:00Z',
        endedAt: '2026-11-10T12:00:00Z',
        visitorCount: 12,
        turnedAwayCount: 3,
        extraHelpers: 1,
      },
      {
        id: newId(),
        locationId: B,
        kind: 'digi_table',
        startedAt: '2026-11-17T13:00:00Z',
        endedAt: '2026-11-17T14:30:00Z',
        visitorCount: 2,
        turnedAwayCount: 0,
        staffUserIds: ['u1', 'u2'],
      },
      {
        id: newId(),
        locationId: B,
        kind: 'digi_table',
        startedAt: '2026-10-01T13:00:00Z',
        endedAt: '2026-10-01T14:30:00Z',
        visitorCount: 40,
        turnedAwayCount: 9,
      },
    ];
    const items = [...times(7, () => equipment()), equipment({ kind: 'tablet' })];
    const v: Mut[] = [
      ...help.map((record) => ({ mutationId: 0, table: 'help_requests' as const, record })),
      ...permanences.map((record) => ({ mutationId: 0, table: 'permanences' as const, record })),
    ];
    await push(
      s.app,
      s.volunteer,
      v.map((m) => ({ ...m, mutationId: next(s.volunteer) })),
    );
    await push(
      s.app,
      s.coordinator,
      items.map((record) => ({ mutationId: next(s.coordinator), table: 'equipment', record })),
    );
    const loans = [
      ...items
        .slice(0, 5)
        .map((e) =>
          loan(e.id as string, { startedAt: '2025-12-01T10:00:00Z', dueAt: '2026-01-01T10:00:00Z' }),
        ),
      loan(items[5]!.id as string, { startedAt: '2026-11-20T10:00:00Z', dueAt: '2099-01-01T10:00:00Z' }),
      loan(items[6]!.id as string, { startedAt: '2026-11-01T10:00:00Z', returnedAt: '2026-11-12T10:00:00Z' }),
      loan(items[7]!.id as string, { kind: 'gift', startedAt: '2026-11-15T10:00:00Z' }),
    ];
    await push(
      s.app,
      s.volunteer,
      loans.map((record) => ({ mutationId: next(s.volunteer), table: 'loans', record })),
    );
  });
  afterAll(() => s.close());

  it('gives a volunteer 403 and refuses bad periods with a message', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', q)).statusCode).toBe(403);
    const missing = await api(s.app, s.coordinator.token, 'GET', '/reports/summary?from=2026-11-02');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toEqual(['to']);
    const reversed = await api(
      s.app,
      s.coordinator.token,
      'GET',
      '/reports/summary?from=2026-11-29&to=2026-11-02',
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.issues[0].message).toMatch(/from/);
  });

  it('counts the rollup, then follows a delete and a correction', async () => {
    const first = (await api(s.app, s.coordinator.token, 'GET', q)).json();
    expect(first.total).toBe(15);
    expect(first.byTopic).toEqual({ itsme: 8, email: 7 }); // phishing and tax_on_web: 1 each, hidden

    await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'help_requests', op: 'delete', id: removed.id as string },
    ]);
    const fix = await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${corrected.id}`, {
      changes: { topics: ['email'] },
    });
    expect(fix.statusCode).toBe(200);

    const r = (await api(s.app, s.coordinator.token, 'GET', q)).json();
    expect(r.total).toBe(14);
    expect(r.byTopic).toEqual({ itsme: 8, email: 8 });
    // referred (2) is hidden, and with it the smaller of the rest (a tie: the first key), since
    // 14 - 6 - 6 would give it away; the hidden keys are not listed.
    expect(r.byOutcome).toEqual({ solved: 6 });
    expect(r.byChannel).toEqual({ street_stand: 6 });
    expect(r.byLocation).toEqual({ [A]: 8, [B]: 6 });
    expect(r.byWeek).toEqual({ '2026-W48': 6 });
    expect(r.byTopicOutcome).toEqual({});
    expect(r.byWeekTopic).toEqual({});
    expect(r.reach).toEqual({ ageBand: { '66_75': 6, unknown: 8 }, gender: {}, language: { unknown: 6 } });
    expect(r.didItThemselves).toEqual({ unknown: 14 });
    expect(r.didItThemselvesShare).toBeNull();
    // 14 visitors + the 8 helped outside a permanence, but "permanence" is a hidden channel.
    expect(r.peopleReached).toBeNull();
    expect(r.permanences).toEqual({
      sessions: 2,
      hours: 4.5,
      visitors: 14,
      turnedAway: null,
      doors: 0,
      notHome: 0,
      conversations: 0,
      volunteerHours: 9,
      byKind: { permanence: 1, digi_table: 1 },
      byLocation: {
        [A]: { sessions: 1, hours: 3, visitors: null, turnedAway: null },
        [B]: { sessions: 1, hours: 1.5, visitors: null, turnedAway: 0 },
      },
    });
    // Equipment is not people: exact, even under 5.
    expect(r.loans).toEqual({
      active: 6,
      overdue: 5,
      lent: 1,
      returned: 1,
      given: 1,
      lentByKind: { laptop: 1 },
      givenByKind: { tablet: 1 },
    });
    const body = JSON.stringify(r);
    for (const hidden of ['referred', 'phone', '"man"', '"fr"', 'partly', '2026-W47'])
      expect(body).not.toContain(hidden);
  });

  it('counts a one-day period and shows nothing of another organisation', async () => {
    const day = (
      await api(s.app, s.coordinator.token, 'GET', '/reports/summary?from=2026-11-23&to=2026-11-23')
    ).json();
    expect(day.total).toBe(5);
    expect(day.byWeek).toEqual({ '2026-W48': 5 });
    const other = (await api(s.app, s.otherOrg.coordinator.token, 'GET', q)).json();
    expect(other.total).toBe(0);
    expect(other.byTopic).toEqual({});
    expect(other.loans).toMatchObject({ active: 0, overdue: 0, lent: 0, returned: 0, given: 0 });
  });

  it('catches the rollup up in the background, before any report is asked', async () => {
    const db = coordDb(s.db);
    const march = times(7, () => helpRequest({ occurredAt: '2027-03-03T10:00:00Z', topics: ['itsme'] }));
    await push(
      s.app,
      s.volunteer,
      march.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests', record })),
    );
    const countsOf = () =>
      db
        .selectFrom('report_help_counts')
        .select(['dim', 'bucket', 'n'])
        .where('org_id', '=', s.orgId)
        .where('day', '=', '2027-03-03')
        .execute();
    expect(await countsOf()).toEqual([]); // nothing rolled up yet: no report was asked

    expect(await catchUpReports(db)).toBeGreaterThanOrEqual(1);
    const rows = await countsOf();
    expect(rows.find((r) => r.dim === 'total')).toMatchObject({ n: 7 });
    expect(rows.find((r) => r.dim === 'topic' && r.bucket === 'itsme')).toMatchObject({ n: 7 });
    const state = await db
      .selectFrom('report_state')
      .select('help_seq')
      .where('org_id', '=', s.orgId)
      .executeTakeFirstOrThrow();
    const last = await db
      .selectFrom('help_requests')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('org_id', '=', s.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(state.help_seq)).toBe(Number(last.seq));

    // The report reads the same figures, and a second catch-up adds nothing twice.
    await catchUpReports(db);
    const r = (
      await api(s.app, s.coordinator.token, 'GET', '/reports/summary?from=2027-03-01&to=2027-03-07')
    ).json();
    expect(r.total).toBe(7);
    expect(r.byTopic).toEqual({ itsme: 7 });
  });

  it('says nothing about the one man among six, nor which group one person was in', async () => {
    const day = (over: Record<string, unknown>) =>
      helpRequest({ occurredAt: '2027-02-02T10:00:00Z', topics: ['itsme'], outcome: 'solved', ...over });
    const one = helpRequest({
      occurredAt: '2027-02-09T10:00:00Z',
      topics: ['tax_on_web'],
      outcome: 'not_solved',
      gender: 'other',
      ageBand: 'gt75',
    });
    const help = [...times(5, () => day({ gender: 'woman' })), day({ gender: 'man', ageBand: '18_25' }), one];
    await push(
      s.app,
      s.volunteer,
      help.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests', record })),
    );
    const six = (
      await api(s.app, s.coordinator.token, 'GET', '/reports/summary?from=2027-02-02&to=2027-02-02')
    ).json();
    expect(six.total).toBe(6);
    expect(six.reach.gender).toEqual({});
    expect(six.reach.ageBand).toEqual({});
    expect(JSON.stringify(six)).not.toMatch(/"man"|18_25/);

    const res = await api(
      s.app,
      s.coordinator.token,
      'GET',
      '/reports/summary?from=2027-02-09&to=2027-02-09',
    );
    expect(res.json().total).toBeNull();
    expect(res.body).not.toMatch(/tax_on_web|not_solved|"other"|gt75|street_stand/);
  });

  it('counts what funders ask: did it themselves, referrals per partner, signals, people reached', async () => {
    const p1 = newId();
    const p2 = newId();
    const october = (over: Record<string, unknown>) =>
      helpRequest({ occurredAt: '2026-10-14T09:00:00Z', topics: ['mypension'], outcome: 'solved', ...over });
    const help = [
      ...times(12, () => october({ didItThemselves: 'yes', channel: 'permanence' })),
      ...times(5, () => october({ didItThemselves: 'together', channel: 'permanence' })),
      ...times(5, () => october({ didItThemselves: false, channel: 'permanence' })), // an older phone: helper
      ...times(6, () => october({ outcome: 'referred', referralPartnerIds: [p1], channel: 'street_stand' })),
      ...times(5, () =>
        october({ outcome: 'referred', referralPartnerIds: [p1, p2], channel: 'door_to_door' }),
      ),
      ...times(7, () =>
        october({
          topics: ['itsme', 'mypension'],
          serviceSignal: 'itsme refuses old phones',
          channel: 'phone',
        }),
      ),
    ];
    const session = {
      id: newId(),
      locationId: A,
      kind: 'permanence',
      startedAt: '2026-10-14T08:00:00Z',
      endedAt: '2026-10-14T12:00:00Z',
      visitorCount: 30,
      turnedAwayCount: 6,
      serviceSignals: 'MyPension asks for itsme only',
    };
    await push(s.app, s.volunteer, [
      ...help.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests' as const, record })),
      { mutationId: next(s.volunteer), table: 'permanences', record: session },
    ]);
    const r = (
      await api(s.app, s.coordinator.token, 'GET', '/reports/summary?from=2026-10-01&to=2026-10-31')
    ).json();
    expect(r.total).toBe(40);
    expect(r.didItThemselves).toEqual({ yes: 12, together: 5, helper: 5, unknown: 18 });
    expect(r.didItThemselvesShare).toBe(0.545); // 12 of the 22 asked
    expect(r.byPartner).toEqual({ [p1]: 11, [p2]: 5 });
    expect(r.signals).toEqual({ helpRequests: 7, byTopic: { itsme: 7, mypension: 7 }, sessions: 1 });
    // 30 + 40 visitors (the October digi-table of beforeAll too) + 18 helped outside a
    // permanence (6 at the stand, 5 door to door, 7 by phone).
    expect(r.peopleReached).toBe(88);
    expect(r.permanences).toMatchObject({ sessions: 2, hours: 5.5, visitors: 70, turnedAway: 15 });
  });

  it('sums every phone of a shared session and counts door-to-door rounds', async () => {
    const round = {
      id: newId(),
      locationId: A,
      kind: 'door_to_door',
      startedAt: '2026-09-09T08:00:00Z',
      endedAt: '2026-09-09T10:00:00Z',
      staffUserIds: [s.volunteer.user.id],
      visitorCount: 0,
      turnedAwayCount: 0,
      doorCount: 10,
      notHomeCount: 4,
      conversationCount: 6,
    };
    // The coordinator joined the round on their own phone and counted there.
    const joined = {
      id: newId(),
      permanenceId: round.id,
      joinedAt: '2026-09-09T08:05:00Z',
      endedAt: null,
      visitorCount: 0,
      turnedAwayCount: 0,
      doorCount: 7,
      notHomeCount: 2,
      conversationCount: 5,
    };
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'permanences', record: round }]);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'session_members', record: joined },
    ]);
    const r = (
      await api(s.app, s.coordinator.token, 'GET', '/reports/summary?from=2026-09-01&to=2026-09-30')
    ).json();
    expect(r.permanences).toMatchObject({
      sessions: 1,
      hours: 2,
      visitors: 0,
      doors: 17,
      notHome: 6,
      conversations: 11,
      // Two people staffed it for two hours: the opener and the coordinator who joined.
      volunteerHours: 4,
      byKind: { door_to_door: 1 },
    });
    // Conversations at the door are people reached.
    expect(r.peopleReached).toBe(11);
  });

  it('rebuilds the rollup once when its facts change (ROLLUP_VERSION)', async () => {
    const db = coordDb(s.db);
    const before = (await api(s.app, s.coordinator.token, 'GET', q)).json();
    await db.updateTable('report_state').set({ rollup_version: 1 }).where('org_id', '=', s.orgId).execute();
    // A count the old facts left behind, which the rebuild must forget.
    await db
      .insertInto('report_help_counts')
      .values({ org_id: s.orgId, day: '2026-11-10', dim: 'total', bucket: '', n: 1000 })
      .onConflict((oc) => oc.columns(['org_id', 'day', 'dim', 'bucket']).doUpdateSet({ n: 1000 }))
      .execute();
    expect(await catchUpReports(db)).toBeGreaterThanOrEqual(1);
    const state = await db
      .selectFrom('report_state')
      .select('rollup_version')
      .where('org_id', '=', s.orgId)
      .executeTakeFirstOrThrow();
    expect(state.rollup_version).toBe(ROLLUP_VERSION);
    expect((await api(s.app, s.coordinator.token, 'GET', q)).json()).toEqual(before);
  });
});
