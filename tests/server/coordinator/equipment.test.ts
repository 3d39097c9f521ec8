// The coordinator's inventory (GET /equipment) and an item's page (GET /equipment/:id) on SQLite
// and PostgreSQL: filters, search, every sort in both directions paged to the end (nothing
// dropped, nothing twice), the open loan's borrower and due date, and the loan history with
// the borrower's identity and the lender's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EquipmentListResponse, EquipmentPageResponse } from '../../../src/shared/inventory';
import { EQUIPMENT_SORTS } from '../../../src/shared/inventory';
import { newId } from '../../../src/shared/ids';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, loan, push, type Mut } from '../fixtures';
import { startCoordinatorServer } from './server';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe.each(testDatabases())('the inventory on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  // 23 items: tags with mixed kinds and statuses; every third one on loan.
  const items = Array.from({ length: 23 }, (_, i) =>
    equipment({
      assetTag: `DT-${String(i).padStart(3, '0')}`,
      kind: (['laptop', 'tablet', 'phone'] as const)[i % 3],
      status: (['ready', 'intake', 'repair'] as const)[i % 3],
      make: 'Lenovo',
      model: `T${400 + i}`,
    }),
  );
  const onLoan = items.filter((_, i) => i % 3 === 0);
  const loans = onLoan.map((e, i) =>
    loan(e.id as string, { borrowerCode: `B-${i}`, startedAt: iso(-40), dueAt: iso(i - 4) }),
  );
  const returned = loan(items[1]!.id as string, {
    borrowerCode: 'B-OLD',
    startedAt: iso(-90),
    dueAt: iso(-60),
    returnedAt: iso(-61),
  });

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    const muts: Mut[] = items.map((record) => ({
      mutationId: next(s.coordinator),
      table: 'equipment',
      record,
    }));
    muts.push({
      mutationId: next(s.coordinator),
      table: 'borrowers',
      record: {
        id: newId(),
        borrowerCode: 'B-0',
        name: 'Anna Peeters',
        phone: '0470 12 34 56',
        consent: true,
      },
    });
    muts.push({ mutationId: next(s.coordinator), table: 'loans', record: returned });
    await push(s.app, s.coordinator, muts);
    await push(
      s.app,
      s.volunteer,
      loans.map((record) => ({ mutationId: next(s.volunteer), table: 'loans' as const, record })),
    );
  });
  afterAll(() => s.close());

  const list = async (query: string, who = s.coordinator) => {
    const res = await api(s.app, who.token, 'GET', `/equipment${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EquipmentListResponse>();
  };

  /** Every page of a query, followed by its cursor. */
  async function all(query: string): Promise<EquipmentListResponse['items']> {
    const out: EquipmentListResponse['items'] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.cursor;
      expect(page.hasMore).toBe(cursor !== null);
    } while (cursor);
    return out;
  }

  it('pages every sort in both directions to the end, each item once, in order', async () => {
    for (const sort of EQUIPMENT_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const got = await all(`?sort=${sort}&dir=${dir}`);
        expect(got.map((g) => g.equipment.id).sort()).toEqual(items.map((e) => e.id as string).sort());
        const key = (g: (typeof got)[number]): string =>
          sort === 'tag'
            ? g.equipment.assetTag
            : sort === 'kind'
              ? `${g.equipment.kind}|${g.equipment.assetTag}`
              : sort === 'status'
                ? `${g.equipment.status}|${g.equipment.assetTag}`
                : `${g.loan ? 0 : 1}|${g.loan?.dueAt ?? ''}|${g.equipment.assetTag}`;
        const keys = got.map(key);
        const sorted = [...keys].sort();
        expect(keys, `${sort} ${dir}`).toEqual(dir === 'asc' ? sorted : sorted.reverse());
      }
    }
  });

  it('filters by status and kind, finds tags containing a text, and counts what matches', async () => {
    const onLoanPage = await list('?status=on_loan');
    expect(onLoanPage.items.map((i) => i.equipment.id).sort()).toEqual(onLoan.map((e) => e.id).sort());
    expect(onLoanPage.total).toBe(onLoan.length);
    expect(onLoanPage.statusCounts).toMatchObject({ on_loan: onLoan.length });
    const tablets = await list('?kind=tablet&limit=3');
    expect(tablets.total).toBe(items.filter((e) => e.kind === 'tablet').length);
    expect(tablets.items).toHaveLength(3);
    expect(tablets.hasMore).toBe(true);
    const found = await list('?q=dt-01');
    expect(found.items.map((i) => i.equipment.assetTag)).toEqual(
      Array.from({ length: 10 }, (_, i) => `DT-01${i}`),
    );
    // LIKE wildcards are taken literally.
    expect((await list('?q=%25')).total).toBe(0);
    expect((await list('?q=DT_0')).total).toBe(0);
  });

  it('shows the open loan of an item on loan: borrower code and due date', async () => {
    const first = (await list('?q=DT-000')).items[0]!;
    expect(first.equipment.status).toBe('on_loan');
    expect(first.loan).toEqual({ id: loans[0]!.id, borrowerCode: 'B-0', dueAt: loans[0]!.dueAt });
    const notOnLoan = (await list('?q=DT-001')).items[0]!;
    expect(notOnLoan.loan).toBeNull();
  });

  it("opens an item's page with every loan, newest first, the borrower's identity and who lent it", async () => {
    const page = (
      await api(s.app, s.coordinator.token, 'GET', `/equipment/${items[0]!.id as string}`)
    ).json<EquipmentPageResponse>();
    expect(page.equipment.assetTag).toBe('DT-000');
    expect(page.loans).toHaveLength(1);
    expect(page.loans[0]).toMatchObject({
      loan: { id: loans[0]!.id, borrowerCode: 'B-0' },
      borrower: { name: 'Anna Peeters', phone: '0470 12 34 56', email: null },
      lentBy: 'Vera',
    });
    const old = (
      await api(s.app, s.coordinator.token, 'GET', `/equipment/${items[1]!.id as string}`)
    ).json<EquipmentPageResponse>();
    expect(old.loans.map((l) => [l.loan.status, l.borrower, l.lentBy])).toEqual([['returned', null, 'Coco']]);
  });

  it('keeps the list and pages from volunteers and other organisations, and refuses bad input', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', '/equipment')).statusCode).toBe(403);
    expect((await list('', s.otherOrg.coordinator)).items).toEqual([]);
    const other = await api(
      s.app,
      s.otherOrg.coordinator.token,
      'GET',
      `/equipment/${items[0]!.id as string}`,
    );
    expect(other.statusCode).toBe(404);
    expect((await api(s.app, s.coordinator.token, 'GET', `/equipment/${newId()}`)).statusCode).toBe(404);
    for (const bad of ['?sort=name', '?status=lent', '?limit=0', '?cursor=nope', '?dir=up', '?x=1']) {
      const res = await api(s.app, s.coordinator.token, 'GET', `/equipment${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toMatch(/validation_failed|invalid_cursor/);
    }
    const wrongShape = Buffer.from(JSON.stringify(['a'])).toString('base64url');
    expect((await api(s.app, s.coordinator.token, 'GET', `/equipment?cursor=${wrongShape}`)).statusCode).toBe(
      400,
    );
  });
});
