// The coordinator's inventory (GET /equipment) and an item's page (GET /equipment/:id). The
// list filters by status and kind, finds asset tags containing a text, sorts by tag, kind,
// status or due date of the open loan, and pages with a keyset cursor over indexed columns
// (migrations/20261201T1437_coordinator_lists.ts).
import { sql, type Expression, type SqlBool } from 'kysely';
import type {
  EquipmentListQuery,
  EquipmentListResponse,
  EquipmentPageResponse,
  EquipmentRecord,
  EquipmentSort,
} from '../../shared/inventory';
import type { Db } from '../db';
import type { RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { toRecord } from '../records/format';
import { afterKeyset, decodeKeyset, encodeKeyset, type KeyValue } from './keyset';
import { loanEntries } from './loans.query';
import { likePattern } from './search';

export const DEFAULT_EQUIPMENT_LIMIT = 50;

const tag = sql<string>`coalesce(e.asset_tag, '')`;
const id = sql<string>`e.id`;

/** The sort keys of each order (the asset tag, then the id, break ties). */
const SORT_KEYS: Record<EquipmentSort, Array<Expression<KeyValue>>> = {
  tag: [tag, id],
  kind: [sql<string>`coalesce(e.kind, '')`, tag, id],
  status: [sql<string>`coalesce(e.status, '')`, tag, id],
  // Items without an open loan (no due date) after the others, in either direction.
  due: [
    sql<number>`case when l.due_at is null then 1 else 0 end`,
    sql<string>`coalesce(l.due_at, '')`,
    tag,
    id,
  ],
};

/** The values of the sort keys of one result row (what the next page's cursor starts after). */
function keyValues(
  sort: EquipmentSort,
  r: {
    asset_tag: string | null;
    kind: string | null;
    status: string | null;
    l_due: string | null;
    id: string;
  },
): KeyValue[] {
  const t = r.asset_tag ?? '';
  switch (sort) {
    case 'tag':
      return [t, r.id];
    case 'kind':
      return [r.kind ?? '', t, r.id];
    case 'status':
      return [r.status ?? '', t, r.id];
    case 'due':
      return [r.l_due === null ? 1 : 0, r.l_due ?? '', t, r.id];
  }
}

/** The list's filters as conditions on `e` (the counts use them without the join). */
function filters(q: EquipmentListQuery): Array<Expression<SqlBool>> {
  const out: Array<Expression<SqlBool>> = [];
  if (q.status) out.push(sql<SqlBool>`e.status = ${q.status}`);
  if (q.kind) out.push(sql<SqlBool>`e.kind = ${q.kind}`);
  if (q.q) out.push(sql<SqlBool>`lower(e.asset_tag) like ${likePattern(q.q)} escape '\\'`);
  return out;
}

/** GET /equipment: one page of the inventory with each item's open loan. */
export async function listEquipment(
  db: Db,
  orgId: string,
  q: EquipmentListQuery,
): Promise<EquipmentListResponse> {
  const sort = q.sort ?? 'tag';
  const dir = q.dir ?? 'asc';
  const limit = q.limit ?? DEFAULT_EQUIPMENT_LIMIT;
  const keys = SORT_KEYS[sort];
  let query = db
    .selectFrom('equipment as e')
    .leftJoin('loans as l', (j) =>
      j.onRef('l.org_id', '=', 'e.org_id').onRef('l.equipment_id', '=', 'e.id').on('l.open', '=', 1),
    )
    .selectAll('e')
    .select(['l.id as l_id', 'l.borrower_code as l_code', 'l.due_at as l_due'])
    .where('e.org_id', '=', orgId)
    .where('e.deleted', '=', 0);
  for (const f of filters(q)) query = query.where(f);
  if (q.cursor) {
    const values = decodeKeyset(q.cursor, keys.length);
    query = query.where((eb) => afterKeyset(eb, keys, values, dir));
  }
  for (const k of keys) query = query.orderBy(k, dir);
  const rows = await query.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  let count = db
    .selectFrom('equipment as e')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('e.org_id', '=', orgId)
    .where('e.deleted', '=', 0);
  for (const f of filters(q)) count = count.where(f);
  const byStatus = await db
    .selectFrom('equipment as e')
    .select(['e.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('e.org_id', '=', orgId)
    .where('e.deleted', '=', 0)
    .groupBy('e.status')
    .execute();
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      equipment: toRecord(r as unknown as RecordRow) as EquipmentRecord,
      loan: r.l_id ? { id: r.l_id, borrowerCode: r.l_code, dueAt: r.l_due } : null,
    })),
    total: Number((await count.executeTakeFirst())?.n ?? 0),
    statusCounts: Object.fromEntries(byStatus.filter((s) => s.status).map((s) => [s.status!, Number(s.n)])),
    cursor: rows.length > limit && last ? encodeKeyset(keyValues(sort, last)) : null,
    hasMore: rows.length > limit,
  };
}

/** GET /equipment/:id: the item and every loan of it, newest first, with names. */
export async function equipmentPage(
  db: Db,
  orgId: string,
  equipmentId: string,
): Promise<EquipmentPageResponse> {
  const row = await db
    .selectFrom('equipment')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', equipmentId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'no such equipment item');
  const loans = await db
    .selectFrom('loans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('equipment_id', '=', equipmentId)
    .where('deleted', '=', 0)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    equipment: toRecord(row) as EquipmentRecord,
    loans: await loanEntries(db, orgId, loans as RecordRow[]),
  };
}
