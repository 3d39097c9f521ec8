// GET /reports/summary on SQLite and PostgreSQL: exact figures from known data, small groups
// hidden in every breakdown, Brussels weeks, the rollup following deletes and corrections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, helpRequest, loan, push, type Mut } from '../fixtures';
import { coordDb } from '../../../src/server/coordinator/db';
import { catchUpReports } from '../../../src/server/coordinator/report-rollup';
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
    const items = times(7, () => equipment());
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
      ...items.slice(0, 5).map((e) => loan(e.id as string, { dueAt: '2026-01-01T10:00:00Z' })),
      loan(items[5]!.id as string, { dueAt: '2099-01-01T10:00:00Z' }),
      loan(items[6]!.id as string, { startedAt: '2026-11-01T10:00:00Z', returnedAt: '2026-11-12T10:00:00Z' }),
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
    expect(first.byTopic).toEqual({ itsme: 8, email: 7, phishing: null, tax_on_web: null });

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
    expect(r.byOutcome).toEqual({ solved: 6, referred: null, partly: 6 });
    expect(r.byChannel).toEqual({ street_stand: 6, phone: null, permanence: 6 });
    expect(r.byLocation).toEqual({ [A]: 8, [B]: 6 });
    expect(r.byWeek).toEqual({ '2026-W46': 6, '2026-W47': null, '2026-W48': 6 });
    expect(r.byTopicOutcome).toEqual({
      itsme: { solved: 6, referred: null },
      email: { referred: null, partly: 6 },
    });
    expect(r.byWeekTopic).toEqual({
      '2026-W46': { itsme: 6 },
      '2026-W47': { itsme: null, email: null },
      '2026-W48': { email: 6 },
    });
    expect(r.reach).toEqual({
      ageBand: { '66_75': 6, unknown: 8 },
      gender: { woman: 12, man: null },
      language: { nl: 6, fr: null, unknown: 6 },
    });
    expect(r.permanences).toEqual({
      sessions: 2,
      hours: 4.5,
      visitors: 14,
      turnedAway: 3,
      volunteerHours: 9,
      byLocation: {
        [A]: { sessions: 1, hours: 3, visitors: 12, turnedAway: null },
        [B]: { sessions: 1, hours: 1.5, visitors: null, turnedAway: 0 },
      },
    });
    expect(r.loans).toEqual({ active: 6, overdue: 5, returned: null, given: 0 });
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
    expect(other.loans).toEqual({ active: 0, overdue: 0, returned: 0, given: 0 });
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
});
