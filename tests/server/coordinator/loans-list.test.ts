// Open loans by due bucket (GET /loans) on SQLite and PostgreSQL. The issue this answers: the
// overdue screen read only the 500 most recently written loans, so a loan 70 days overdue
// disappeared after 520 newer ones. Here a loan 90 days overdue stays on the overdue list after
// 2,000 newer loans, every bucket agrees with src/shared/loan-rules.ts overdueBucket (the rule
// the phones use), and paging reads every open loan once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoanListResponse } from '../../../src/shared/inventory';
import { LOAN_BUCKETS } from '../../../src/shared/inventory';
import { newId } from '../../../src/shared/ids';
import { overdueBucket } from '../../../src/shared/loan-rules';
import type { LoanInput } from '../../../src/shared/records';
import { bucketBounds } from '../../../src/server/coordinator/loans.query';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, loan, push, type Mut } from '../fixtures';
import { startCoordinatorServer } from './server';

const DAY = 86_400_000;
const iso = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

describe('bucket bounds', () => {
  it('agree with overdueBucket around every edge, in winter and summer time', () => {
    for (const nowIso of [
      '2026-01-15T23:30:00Z',
      '2026-03-29T00:30:00Z',
      '2026-07-01T22:10:00Z',
      '2026-10-25T01:30:00Z',
    ]) {
      const now = new Date(nowIso);
      const b = bucketBounds(now);
      const sqlBucket = (dueAt: string) => {
        if (dueAt >= b.soon) return 'not_due';
        if (dueAt >= b.today) return 'due_soon';
        if (dueAt >= b.late7) return 'overdue';
        if (dueAt >= b.late30) return 'overdue_7';
        if (dueAt >= b.late60) return 'overdue_30';
        return 'overdue_60';
      };
      for (let minutes = -70 * 24 * 60; minutes <= 10 * 24 * 60; minutes += 17) {
        const dueAt = new Date(now.getTime() + minutes * 60_000).toISOString();
        const rule = overdueBucket({ id: 'x', equipmentId: 'y', kind: 'loan', dueAt } as LoanInput, now);
        expect(sqlBucket(dueAt), `${nowIso} due ${dueAt}`).toBe(rule);
      }
    }
  });
});

describe.each(testDatabases())('open loans on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const oldItem = equipment({ assetTag: 'OLD-1' });
  const late90 = loan(oldItem.id as string, {
    borrowerCode: 'B-LATE',
    startedAt: iso(-120),
    dueAt: iso(-90),
  });
  /** Every open loan the server should hold, to compare buckets with. */
  const open: Array<Record<string, unknown>> = [late90];

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: oldItem },
      {
        mutationId: next(s.coordinator),
        table: 'borrowers',
        record: {
          id: newId(),
          borrowerCode: 'B-LATE',
          name: 'Jan Janssens',
          email: 'jan@example.org',
          consent: true,
        },
      },
      { mutationId: next(s.coordinator), table: 'loans', record: late90 },
    ]);
    // 2,000 newer loans on 1,000 items: each item lent once and returned, then lent again with a
    // due date between 80 days ago and 30 days ahead, written after the late loan.
    const muts: Mut[] = [];
    for (let i = 0; i < 1000; i++) {
      const item = equipment({ assetTag: `N-${String(i).padStart(4, '0')}` });
      const again = loan(item.id as string, {
        borrowerCode: `B-${i}`,
        startedAt: iso(-85),
        dueAt: i % 10 === 9 ? undefined : iso((i % 110) - 80, i % 24),
      });
      if (again.dueAt === undefined) delete again.dueAt;
      open.push(again);
      muts.push(
        { mutationId: 0, table: 'equipment', record: item },
        {
          mutationId: 0,
          table: 'loans',
          record: loan(item.id as string, {
            borrowerCode: `B-${i}`,
            startedAt: iso(-100),
            returnedAt: iso(-90),
          }),
        },
        { mutationId: 0, table: 'loans', record: again },
      );
    }
    for (let i = 0; i < muts.length; i += 500) {
      const batch = muts.slice(i, i + 500).map((m) => ({ ...m, mutationId: next(s.coordinator) }));
      const res = await push(s.app, s.coordinator, batch);
      expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    }
  }, 300_000);
  afterAll(() => s.close());

  const get = async (query: string) => {
    const res = await api(s.app, s.coordinator.token, 'GET', `/loans${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LoanListResponse>();
  };

  async function all(query: string): Promise<LoanListResponse['loans']> {
    const out: LoanListResponse['loans'] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.loans);
      cursor = page.cursor;
    } while (cursor);
    return out;
  }

  it('keeps a loan 90 days overdue on the overdue list after 2,000 newer loans', async () => {
    const first = await get('?bucket=overdue_any');
    expect(first.loans[0]).toMatchObject({
      loan: { id: late90.id, borrowerCode: 'B-LATE' },
      bucket: 'overdue_60',
      equipment: { assetTag: 'OLD-1', kind: 'laptop' },
      borrower: { name: 'Jan Janssens', email: 'jan@example.org', phone: null },
      lentBy: 'Coco',
    });
    expect((await get('?bucket=overdue_60')).loans.map((l) => l.loan.id)).toContain(late90.id);
  });

  it('pages through every open loan once, most overdue first, each in the bucket the phones compute', async () => {
    const now = new Date();
    const got = await all('?bucket=open');
    expect(got).toHaveLength(open.length);
    expect(new Set(got.map((l) => l.loan.id)).size).toBe(open.length);
    const dueTimes = got.filter((l) => l.loan.dueAt).map((l) => l.loan.dueAt!);
    expect(dueTimes).toEqual([...dueTimes].sort());
    expect(got.slice(dueTimes.length).every((l) => !l.loan.dueAt)).toBe(true);
    const expected = Object.fromEntries(LOAN_BUCKETS.map((b) => [b, 0]));
    for (const l of open) expected[overdueBucket(l as LoanInput, now)]! += 1;
    const page = await get('?bucket=open&limit=1');
    expect(page.counts).toEqual(expected);
    for (const bucket of LOAN_BUCKETS) {
      const inBucket = await all(`?bucket=${bucket}`);
      expect(inBucket.length, bucket).toBe(expected[bucket]);
      expect(inBucket.every((l) => l.bucket === bucket)).toBe(true);
    }
    const overdue = await all('?bucket=overdue_any');
    expect(overdue.length).toBe(
      expected.overdue! + expected.overdue_7! + expected.overdue_30! + expected.overdue_60!,
    );
  });

  it('finds loans by asset tag or borrower code', async () => {
    const byTag = await get('?q=n-0012');
    expect(byTag.loans.map((l) => l.equipment?.assetTag)).toEqual(['N-0012']);
    const byCode = await get('?q=b-late');
    expect(byCode.loans.map((l) => l.loan.id)).toEqual([late90.id]);
  });

  it('is for coordinators of this organisation only', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', '/loans')).statusCode).toBe(403);
    const other = (await api(s.app, s.otherOrg.coordinator.token, 'GET', '/loans')).json<LoanListResponse>();
    expect(other.loans).toEqual([]);
    expect(Object.values(other.counts).every((n) => n === 0)).toBe(true);
    for (const bad of ['?bucket=late', '?limit=500', '?cursor=x', '?when=now']) {
      expect((await api(s.app, s.coordinator.token, 'GET', `/loans${bad}`)).statusCode, bad).toBe(400);
    }
  });
});
