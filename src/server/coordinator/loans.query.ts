// Open loans by due bucket for the coordinator (GET /loans): read from the indexed `open` and
// `due_at` columns, most overdue first, paged with a keyset cursor, so a loan long overdue stays
// on the list however many loans were written after it. Buckets are the Brussels calendar days
// of src/shared/loan-rules.ts overdueBucket, turned into UTC instants bounds once per request.
import { sql, type Expression, type SqlBool } from 'kysely';
import { addDaysToDay, brusselsDay } from '../../shared/i18n/format';
import type {
  EquipmentSummary,
  LoanBucket,
  LoanEntry,
  LoanListQuery,
  LoanListResponse,
  LoanView,
} from '../../shared/inventory';
import { LOAN_BUCKETS } from '../../shared/inventory';
import { overdueBucket } from '../../shared/loan-rules';
import type { LoanInput } from '../../shared/records';
import { brusselsDayStart } from '../../shared/report';
import type { Db } from '../db';
import type { RecordRow } from '../db/records.repository';
import { toRecord } from '../records/format';
import { afterKeyset, decodeKeyset, encodeKeyset } from './keyset';
import { borrowerIdentities, userNames } from './names';
import { likePattern } from './search';

export const DEFAULT_LOAN_LIMIT = 50;

/** The instants where the buckets meet, as of `now` (each the start of a Brussels day). */
export function bucketBounds(now: Date) {
  const today = brusselsDay(now);
  const start = (days: number) => brusselsDayStart(addDaysToDay(today, days)).toISOString();
  return {
    /** due before: 60+ days late. */
    late60: start(-59),
    late30: start(-29),
    late7: start(-6),
    /** due before the start of today: overdue. */
    today: start(0),
    /** due before: within the coming 7 days (or today). */
    soon: start(8),
  };
}

type Bounds = ReturnType<typeof bucketBounds>;
const due = sql.ref<string | null>('l.due_at');

/** The condition on `l.due_at` of a view. */
function viewCondition(view: LoanView, b: Bounds): Expression<SqlBool> | undefined {
  const between = (from: string | null, to: string | null): Expression<SqlBool> =>
    sql<SqlBool>`(${from === null ? sql`1=1` : sql`${due} >= ${from}`} and ${to === null ? sql`1=1` : sql`${due} < ${to}`})`;
  switch (view) {
    case 'open':
      return undefined;
    case 'overdue_any':
      return sql<SqlBool>`${due} < ${b.today}`;
    case 'overdue_60':
      return sql<SqlBool>`${due} < ${b.late60}`;
    case 'overdue_30':
      return between(b.late60, b.late30);
    case 'overdue_7':
      return between(b.late30, b.late7);
    case 'overdue':
      return between(b.late7, b.today);
    case 'due_soon':
      return between(b.today, b.soon);
    case 'not_due':
      return sql<SqlBool>`(${due} is null or ${due} >= ${b.soon})`;
  }
}

/** The bucket of `l.due_at` as an SQL expression (the counts group by it). */
function bucketExpression(b: Bounds) {
  return sql<LoanBucket>`case
    when ${due} is null or ${due} >= ${b.soon} then 'not_due'
    when ${due} >= ${b.today} then 'due_soon'
    when ${due} >= ${b.late7} then 'overdue'
    when ${due} >= ${b.late30} then 'overdue_7'
    when ${due} >= ${b.late60} then 'overdue_30'
    else 'overdue_60' end`;
}

/** Open loans of the organisation per bucket (all of them). */
async function bucketCounts(db: Db, orgId: string, b: Bounds): Promise<Record<LoanBucket, number>> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('loans as l')
        .select(bucketExpression(b).as('bucket'))
        .where('l.org_id', '=', orgId)
        .where('l.open', '=', 1)
        .where('l.deleted', '=', 0)
        .as('t'),
    )
    .select(['t.bucket', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('t.bucket')
    .execute();
  const counts = Object.fromEntries(LOAN_BUCKETS.map((k) => [k, 0])) as Record<LoanBucket, number>;
  for (const r of rows) counts[r.bucket] = Number(r.n);
  return counts;
}

/** The short description of an item shown next to a loan. */
export function equipmentSummaryOf(id: string, d: Record<string, unknown>): EquipmentSummary {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    id,
    assetTag: String(d.assetTag ?? ''),
    kind: d.kind as EquipmentSummary['kind'],
    make: text(d.make),
    model: text(d.model),
  };
}

/** Loan rows with the borrower's identity and the lender's name. */
export async function loanEntries(db: Db, orgId: string, rows: readonly RecordRow[]): Promise<LoanEntry[]> {
  const loans = rows.map((r) => toRecord(r) as LoanEntry['loan']);
  const people = await borrowerIdentities(
    db,
    orgId,
    loans.map((l) => l.borrowerCode),
  );
  const lenders = await userNames(
    db,
    orgId,
    rows.map((r) => r.created_by),
  );
  return loans.map((loan, i) => ({
    loan,
    borrower: (loan.borrowerCode && people.get(loan.borrowerCode)) || null,
    lentBy: lenders.get(rows[i]?.created_by ?? '') ?? null,
  }));
}

/** GET /loans: one page of open loans of a view, most overdue first, with the bucket counts. */
export async function listOpenLoans(
  db: Db,
  orgId: string,
  q: LoanListQuery,
  now: Date = new Date(),
): Promise<LoanListResponse> {
  const b = bucketBounds(now);
  const limit = q.limit ?? DEFAULT_LOAN_LIMIT;
  // Loans without a due date come last: sort by (no due date?, due date, id).
  const keys = [
    sql<number>`case when l.due_at is null then 1 else 0 end`,
    sql<string>`coalesce(l.due_at, '')`,
    sql<string>`l.id`,
  ];
  let query = db
    .selectFrom('loans as l')
    .leftJoin('equipment as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.equipment_id'),
    )
    .selectAll('l')
    .select(['e.id as e_id', 'e.data as e_data', 'e.deleted as e_deleted'])
    .where('l.org_id', '=', orgId)
    .where('l.open', '=', 1)
    .where('l.deleted', '=', 0);
  const cond = viewCondition(q.bucket ?? 'open', b);
  if (cond) query = query.where(cond);
  if (q.q) {
    const pattern = likePattern(q.q);
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`lower(e.asset_tag) like ${pattern} escape '\\'`,
        sql<SqlBool>`lower(l.borrower_code) like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (q.cursor) {
    const values = decodeKeyset(q.cursor, keys.length);
    query = query.where((eb) => afterKeyset(eb, keys, values, 'asc'));
  }
  for (const k of keys) query = query.orderBy(k, 'asc');
  const rows = await query.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const entries = await loanEntries(db, orgId, page as unknown as RecordRow[]);
  const last = page[page.length - 1];
  return {
    loans: entries.map((entry, i) => {
      const r = page[i]!;
      const live = r.e_id && r.e_data && r.e_deleted === 0;
      return {
        ...entry,
        bucket: overdueBucket(entry.loan as LoanInput, now),
        equipment: live
          ? equipmentSummaryOf(r.e_id!, JSON.parse(r.e_data!) as Record<string, unknown>)
          : null,
      };
    }),
    counts: await bucketCounts(db, orgId, b),
    cursor:
      rows.length > limit && last
        ? encodeKeyset([last.due_at === null ? 1 : 0, last.due_at ?? '', last.id])
        : null,
    hasMore: rows.length > limit,
  };
}
