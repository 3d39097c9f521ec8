// The retention job: free text after 26 weeks, pseudonym links after 12 months, borrower
// identity 6 months after the loan ended; every change reaches phones through pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/shared/sync-protocol';
import { findRecord } from '../../src/server/db/records.repository';
import { runRetention } from '../../src/server/retention/run';
import { api, startTestServer, testDatabases, type TestServer } from './helpers';
import { counter, equipment, helpRequest, loan, push } from './fixtures';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(testDatabases())('retention on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  const data = async (table: 'help_requests' | 'borrowers' | 'loans' | 'permanences', id: unknown) => {
    const row = await findRecord(s.db, table, s.orgId, id as string);
    return { ...row!, data: JSON.parse(row!.data) as Record<string, unknown> };
  };

  it('clears, drops and deletes what is past retention, and phones receive it', async () => {
    const v = s.volunteer;
    const pii = {
      note: 'asked about her pension',
      serviceSignal: 'itsme blocked',
      visitorCode: 'V-17',
      ageBand: '66_75',
    };
    const halfYear = helpRequest({ ...pii, occurredAt: ago(26 * 7 + 3) });
    const year = helpRequest({ ...pii, occurredAt: ago(370) });
    const recent = helpRequest({ ...pii, occurredAt: ago(10) });
    const perm = {
      id: crypto.randomUUID(),
      locationId: null,
      kind: 'permanence',
      startedAt: ago(200),
      visitorCount: 12,
      turnedAwayCount: 2,
      notes: 'busy',
      difficulties: 'wifi down',
    };
    await push(s.app, v, [
      { mutationId: next(v), table: 'help_requests', record: halfYear },
      { mutationId: next(v), table: 'help_requests', record: year },
      { mutationId: next(v), table: 'help_requests', record: recent },
      { mutationId: next(v), table: 'permanences', record: perm },
    ]);
    const c = s.coordinator;
    const [e1, e2, e3] = [equipment(), equipment(), equipment()];
    const borrower = (code: string) => ({
      id: crypto.randomUUID(),
      borrowerCode: code,
      name: `Name ${code}`,
      phone: '0470',
      consent: true,
    });
    const [bOld, bNew, bOpen] = [borrower('B-OLD'), borrower('B-NEW'), borrower('B-OPEN')];
    const oldLoan = loan(e1.id as string, {
      borrowerCode: 'B-OLD',
      startedAt: ago(250),
      returnedAt: ago(200),
    });
    await push(s.app, c, [
      ...[e1, e2, e3].map((e) => ({ mutationId: next(c), table: 'equipment' as const, record: e })),
      ...[bOld, bNew, bOpen].map((b) => ({ mutationId: next(c), table: 'borrowers' as const, record: b })),
      { mutationId: next(c), table: 'loans', record: oldLoan },
      {
        mutationId: next(c),
        table: 'loans',
        record: loan(e2.id as string, { borrowerCode: 'B-NEW', startedAt: ago(60), returnedAt: ago(30) }),
      },
      {
        mutationId: next(c),
        table: 'loans',
        record: loan(e3.id as string, { borrowerCode: 'B-OPEN', startedAt: ago(400) }),
      },
    ]);
    const before = (await api(s.app, c.token, 'GET', '/sync/pull?limit=1000')).json<PullResponse>();
    expect(before.hasMore).toBe(false);

    const summary = await runRetention(s.db);
    expect(summary.find((x) => x.orgId === s.orgId)).toEqual({
      orgId: s.orgId,
      freeTextCleared: 3,
      linksDropped: 1,
      borrowersDeleted: 1,
    });

    const h = await data('help_requests', halfYear.id);
    expect(h.version).toBe(2);
    expect(h.data).not.toHaveProperty('note');
    expect(h.data).not.toHaveProperty('serviceSignal');
    expect(h.data).toMatchObject({ visitorCode: 'V-17', ageBand: '66_75', outcome: 'solved' });
    expect(h.created_by).toBe(v.user.id);

    const y = await data('help_requests', year.id);
    expect(y.data).not.toHaveProperty('note');
    expect(y.data).not.toHaveProperty('visitorCode');
    expect(y.data).toMatchObject({ ageBand: '66_75', topics: ['itsme'] });
    expect(y.created_by).toBeNull();

    const r = await data('help_requests', recent.id);
    expect(r.version).toBe(1);
    expect(r.data).toMatchObject(pii);

    const p = await data('permanences', perm.id);
    expect(p.data).not.toHaveProperty('notes');
    expect(p.data).toMatchObject({ visitorCount: 12 });

    const bo = await data('borrowers', bOld.id);
    expect(bo).toMatchObject({ deleted: 1, version: 2 });
    expect(JSON.stringify(bo.data)).not.toContain('Name');
    expect((await data('borrowers', bNew.id)).deleted).toBe(0);
    expect((await data('borrowers', bOpen.id)).deleted).toBe(0);
    expect((await data('loans', oldLoan.id)).data.borrowerCode).toBe('B-OLD');

    const after = (
      await api(s.app, c.token, 'GET', `/sync/pull?cursor=${before.cursor}`)
    ).json<PullResponse>();
    expect(new Set(after.changes.map((ch) => ch.id))).toEqual(
      new Set([halfYear.id, year.id, perm.id, bOld.id]),
    );
    expect(after.changes.find((ch) => ch.id === bOld.id)).toMatchObject({ deleted: true, record: null });

    const runs = await s.db.selectFrom('retention_runs').selectAll().where('org_id', '=', s.orgId).execute();
    expect(runs).toHaveLength(1);

    // A second run changes nothing more.
    await runRetention(s.db);
    const again = (
      await api(s.app, c.token, 'GET', `/sync/pull?cursor=${after.cursor}`)
    ).json<PullResponse>();
    expect(again.changes).toEqual([]);
  });

  it('clears free text written again into an old record', async () => {
    const v = s.volunteer;
    const rec = helpRequest({ occurredAt: ago(200) });
    await push(s.app, v, [{ mutationId: next(v), table: 'help_requests', record: rec }]);
    await runRetention(s.db);
    await push(s.app, v, [
      { mutationId: next(v), table: 'help_requests', record: { ...rec, note: 'added later' } },
    ]);
    await runRetention(s.db);
    expect((await data('help_requests', rec.id)).data).not.toHaveProperty('note');
  });
});
