// Review routes on SQLite and PostgreSQL: roles, organisation isolation, filters, corrections
// with their audit entry (and the new version reaching the phone), bulk review all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src/shared/sync-protocol';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, helpRequest, push } from '../fixtures';
import { startCoordinatorServer } from './server';

describe.each(testDatabases())('review routes on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const ids: string[] = [];
  const place = '0193a000-0000-7000-8000-000000000001';

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    const records = [
      helpRequest({ occurredAt: '2026-11-16T09:00:00Z', topics: ['itsme', 'email'], locationId: place }),
      helpRequest({ occurredAt: '2026-11-17T09:00:00Z', topics: ['email'], note: 'printer jammed' }),
      helpRequest({ occurredAt: '2026-11-18T09:00:00Z', topics: ['other'], channel: 'other' }),
    ];
    await push(
      s.app,
      s.volunteer,
      records.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests', record })),
    );
    ids.push(...records.map((r) => r.id as string));
  });
  afterAll(() => s.close());

  it('gives a volunteer 403 and no token 401', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', '/records/help_requests')).statusCode).toBe(403);
    expect(
      (
        await api(s.app, s.volunteer.token, 'PATCH', `/records/help_requests/${ids[0]}`, {
          reviewState: 'reviewed',
        })
      ).statusCode,
    ).toBe(403);
    expect((await api(s.app, null, 'GET', '/records/help_requests')).statusCode).toBe(401);
  });

  it('lists the records newest first, filtered and paged', async () => {
    const all = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests');
    expect(all.statusCode).toBe(200);
    expect(all.json().records.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    const byTopic = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?topic=email');
    expect(byTopic.json().records.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[0]]);
    const other = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?topic=other');
    expect(other.json().records.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    const byPlace = await api(
      s.app,
      s.coordinator.token,
      'GET',
      `/records/help_requests?locationId=${place}`,
    );
    expect(byPlace.json().records.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const period = await api(
      s.app,
      s.coordinator.token,
      'GET',
      '/records/help_requests?from=2026-11-17&to=2026-11-17',
    );
    expect(period.json().records.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    const byAuthor = await api(
      s.app,
      s.coordinator.token,
      'GET',
      `/records/help_requests?createdBy=${s.coordinator.user.id}`,
    );
    expect(byAuthor.json().records).toEqual([]);

    const first = (await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?limit=2')).json();
    expect(first.hasMore).toBe(true);
    const second = (
      await api(s.app, s.coordinator.token, 'GET', `/records/help_requests?limit=2&cursor=${first.cursor}`)
    ).json();
    expect(second.hasMore).toBe(false);
    expect([...first.records, ...second.records].map((r: { id: string }) => r.id)).toEqual(
      [...ids].reverse(),
    );
  });

  it('refuses invalid filters with a clear message', async () => {
    const bad = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?reviewState=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.issues[0].path).toEqual(['reviewState']);
    const order = await api(
      s.app,
      s.coordinator.token,
      'GET',
      '/records/help_requests?from=2026-11-20&to=2026-11-01',
    );
    expect(order.statusCode).toBe(400);
    expect(order.json().error.message).toMatch(/from/);
    const topicOnLoans = await api(s.app, s.coordinator.token, 'GET', '/records/loans?topic=email');
    expect(topicOnLoans.statusCode).toBe(400);
    expect((await api(s.app, s.coordinator.token, 'GET', '/records/nope')).statusCode).toBe(400);
    expect(
      (await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?cursor=xx')).statusCode,
    ).toBe(400);
  });

  it("hides another organisation's records (404)", async () => {
    const other = s.otherOrg.coordinator.token;
    expect((await api(s.app, other, 'GET', '/records/help_requests')).json().records).toEqual([]);
    expect((await api(s.app, other, 'GET', `/records/help_requests/${ids[0]}`)).statusCode).toBe(404);
    const patch = await api(s.app, other, 'PATCH', `/records/help_requests/${ids[0]}`, {
      reviewState: 'reviewed',
    });
    expect(patch.statusCode).toBe(404);
    const bulk = await api(s.app, other, 'POST', '/records/help_requests/review', {
      ids: [ids[0]],
      reviewState: 'reviewed',
    });
    expect(bulk.statusCode).toBe(404);
  });

  it('corrects a record: new version, audit entry with who/when/before/after, the phone pulls it', async () => {
    const res = await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${ids[1]}`, {
      reviewState: 'has_issues',
      reviewComment: 'topic was e-banking',
      changes: { topics: ['e_banking'], note: null },
    });
    expect(res.statusCode).toBe(200);
    const record = res.json().record;
    expect(record).toMatchObject({
      version: 2,
      reviewState: 'has_issues',
      reviewComment: 'topic was e-banking',
      topics: ['e_banking'],
      note: null,
    });

    const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${ids[1]}`)).json();
    expect(detail.audit).toHaveLength(1);
    expect(detail.audit[0].userId).toBe(s.coordinator.user.id);
    expect(Date.now() - Date.parse(detail.audit[0].at)).toBeLessThan(60_000);
    expect(detail.audit[0].before).toEqual({
      topics: ['email'],
      note: 'printer jammed',
      reviewState: 'new',
      reviewComment: null,
    });
    expect(detail.audit[0].after).toEqual({
      topics: ['e_banking'],
      note: null,
      reviewState: 'has_issues',
      reviewComment: 'topic was e-banking',
    });

    const pull = (await api(s.app, s.volunteer.token, 'GET', '/sync/pull')).json<PullResponse>();
    const mine = pull.changes.find((c) => c.id === ids[1]);
    expect(mine?.version).toBe(2);
    expect(mine?.record?.topics).toEqual(['e_banking']);
  });

  it('names the users, places and partners its records and audit entries point to', async () => {
    const partner = crypto.randomUUID();
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'locations', record: { id: place, name: 'Markt Kiel' } },
      { mutationId: next(s.coordinator), table: 'partners', record: { id: partner, name: 'OCMW' } },
    ]);
    const list = (await api(s.app, s.coordinator.token, 'GET', '/records/help_requests')).json();
    expect(list.names).toMatchObject({
      users: { [s.volunteer.user.id]: 'Vera' },
      locations: { [place]: 'Markt Kiel' },
    });
    const patched = await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${ids[2]}`, {
      changes: { outcome: 'referred', referralPartnerIds: [partner] },
    });
    expect(patched.statusCode).toBe(200);
    const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${ids[2]}`)).json();
    expect(detail.names).toEqual({
      users: { [s.volunteer.user.id]: 'Vera', [s.coordinator.user.id]: 'Coco' },
      locations: {},
      partners: { [partner]: 'OCMW' },
      equipment: {},
    });
    // Another organisation's coordinator learns no name through its own (empty) answers.
    const other = (await api(s.app, s.otherOrg.coordinator.token, 'GET', '/records/help_requests')).json();
    expect(other).toMatchObject({ records: [], names: { users: {}, locations: {}, partners: {} } });
  });

  it('refuses an invalid correction and saves nothing of it', async () => {
    const before = (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${ids[0]}`)).json();
    for (const body of [
      { reviewState: 'reviewed', changes: { outcome: 'maybe' } },
      { reviewState: 'reviewed', changes: { unknownField: 1 } },
      { reviewState: 'reviewed', changes: { id: ids[1] } },
      { reviewState: 'bogus' },
      {},
    ]) {
      const res = await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${ids[0]}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message.length).toBeGreaterThan(5);
    }
    const after = (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${ids[0]}`)).json();
    expect(after).toEqual(before);
  });

  it('marks many reviewed at once, all or nothing', async () => {
    const missing = '0193a000-0000-7000-8000-00000000dead';
    const bad = await api(s.app, s.coordinator.token, 'POST', '/records/help_requests/review', {
      ids: [ids[0], missing],
      reviewState: 'reviewed',
    });
    expect(bad.statusCode).toBe(404);
    const still = (
      await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?reviewState=new')
    ).json();
    expect(still.records.map((r: { id: string }) => r.id)).toContain(ids[0]);

    const ok = await api(s.app, s.admin.token, 'POST', '/records/help_requests/review', {
      ids: [ids[0], ids[2]],
      reviewState: 'reviewed',
    });
    expect(ok.json()).toEqual({ updated: 2 });
    const reviewed = (
      await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?reviewState=reviewed')
    ).json();
    expect(reviewed.records.map((r: { id: string }) => r.id).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('puts a reviewed record its volunteer then changes back to new; an unchanged save stays reviewed (issue 11, finding 7)', async () => {
    const record = helpRequest({ occurredAt: '2026-11-19T09:00:00Z', topics: ['email'], note: 'first' });
    const id = record.id as string;
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'help_requests', record }]);
    const reviewed = await api(s.app, s.coordinator.token, 'POST', '/records/help_requests/review', {
      ids: [id],
      reviewState: 'reviewed',
    });
    expect(reviewed.json()).toEqual({ updated: 1 });
    const state = async () =>
      (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${id}`)).json().record
        .reviewState as string;
    expect(await state()).toBe('reviewed');
    const version = () =>
      s.db.selectFrom('help_requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();

    // The phone saves it again as it was (a new updatedAt only): still reviewed.
    const same = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: { ...record, updatedAt: '2026-11-19T10:00:00Z' },
        baseVersion: (await version()).version,
      },
    ]);
    expect(same.results[0]!.status).toBe('applied');
    expect(await state()).toBe('reviewed');

    // The volunteer changes what it says: nobody reviewed that, so it is new again.
    const changed = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: { ...record, note: 'changed after review', topics: ['email', 'itsme'] },
        baseVersion: (await version()).version,
      },
    ]);
    expect(changed.results[0]!.status).toBe('applied');
    expect(await state()).toBe('new');
    const inbox = (
      await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?reviewState=new')
    ).json();
    expect(inbox.records.map((r: { id: string }) => r.id)).toContain(id);
  });
});
