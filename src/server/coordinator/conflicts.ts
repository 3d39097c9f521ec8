// The conflicts queue: loans stored with status `conflict` (a second open loan of one item) and
// values a stale write overwrote that nobody has looked at. Resolving writes new versions, so
// the phones involved see the outcome on their next pull.
import { sql } from 'kysely';
import type { ConflictsQuery, ConflictsResponse, LoanConflict } from '../../shared/conflicts';
import type { TableName } from '../../shared/records';
import type { ConflictResolution } from '../../shared/review';
import type { Db } from '../db';
import type { AuthContext } from '../http/auth';
import { findRecord, openLoansOf, type RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { parseData, toRecord } from '../records/format';
import { baseDb, type CoordDb } from './db';
import { afterKeyset, decodeKeyset, encodeKeyset } from './keyset';
import { equipmentSummaryOf, loanEntries } from './loans.query';
import { collectIds, deviceUserNames, idsToName, referenceNames } from './names';
import { applyChanges, liveRow, withWriteCtx } from './review';
import { writeVersion, type WriteCtx } from './write';

type Data = Record<string, unknown>;
const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));
/** Overwritten values per page. */
export const DEFAULT_MERGES_LIMIT = 50;

/** Loans of the organisation in conflict, with the item and the open loans they collide with. */
async function loanConflicts(db: Db, orgId: string): Promise<LoanConflict[]> {
  const rows = (await db
    .selectFrom('loans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'conflict')
    .where('deleted', '=', 0)
    .orderBy('received_at')
    .orderBy('id')
    .execute()) as RecordRow[];
  if (rows.length === 0) return [];
  const itemIds = [
    ...new Set(rows.map((r) => r.equipment_id as string | null).filter((i): i is string => !!i)),
  ];
  const items = itemIds.length
    ? await db
        .selectFrom('equipment')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', itemIds)
        .where('deleted', '=', 0)
        .execute()
    : [];
  const open = itemIds.length
    ? ((await db
        .selectFrom('loans')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('equipment_id', 'in', itemIds)
        .where('open', '=', 1)
        .orderBy('started_at')
        .execute()) as RecordRow[])
    : [];
  const entries = await loanEntries(db, orgId, [...rows, ...open]);
  const byId = new Map(entries.map((e) => [e.loan.id, e]));
  const summary = new Map(items.map((e) => [e.id, equipmentSummaryOf(e.id, parseData(e))]));
  return rows.map((r) => ({
    ...byId.get(r.id)!,
    equipment: summary.get(r.equipment_id as string) ?? null,
    openLoans: open.filter((o) => o.equipment_id === r.equipment_id).map((o) => byId.get(o.id)!),
  }));
}

/** GET /conflicts: loans in conflict, and one page of unanswered overwritten values, with names. */
export async function listConflicts(
  db: CoordDb,
  orgId: string,
  q: ConflictsQuery = {},
): Promise<ConflictsResponse> {
  const base = baseDb(db);
  const limit = q.limit ?? DEFAULT_MERGES_LIMIT;
  const unanswered = db
    .selectFrom('merges')
    .where('merges.org_id', '=', orgId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('merge_resolutions')
            .select('merge_id')
            .whereRef('merge_resolutions.org_id', '=', 'merges.org_id')
            .whereRef('merge_resolutions.merge_id', '=', 'merges.id'),
        ),
      ),
    );
  const total = await unanswered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  let query = unanswered.selectAll();
  const keys = [sql<string>`merges.at`, sql<string>`merges.id`];
  if (q.cursor) {
    const values = decodeKeyset(q.cursor, keys.length);
    query = query.where((eb) => afterKeyset(eb, keys, values, 'desc'));
  }
  const rows = await query
    .orderBy('merges.at', 'desc')
    .orderBy('merges.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const records = new Map<string, Data | null>();
  for (const m of page) {
    const key = `${m.table_name}\u0000${m.record_id}`;
    if (records.has(key)) continue;
    const row = await findRecord(base, m.table_name as TableName, orgId, m.record_id);
    records.set(key, row && row.deleted === 0 ? toRecord(row) : null);
  }
  const writers = await deviceUserNames(
    base,
    orgId,
    page.flatMap((m) => [m.device_id, m.overwritten_device_id]),
  );
  const loans = await loanConflicts(base, orgId);
  const ids = idsToName();
  for (const m of page) {
    const record = records.get(`${m.table_name}\u0000${m.record_id}`);
    for (const [field, value] of Object.entries(record ?? {})) collectIds(ids, field, value);
    collectIds(ids, m.field, parse(m.old_value));
    collectIds(ids, m.field, parse(m.new_value));
  }
  const last = page[page.length - 1];
  return {
    loans,
    merges: page.map((m) => ({
      id: m.id,
      table: m.table_name as TableName,
      recordId: m.record_id,
      field: m.field,
      oldValue: parse(m.old_value),
      overwrittenBy: writers.get(m.overwritten_device_id ?? '') ?? null,
      overwrittenAt: m.overwritten_at,
      newValue: parse(m.new_value),
      writtenBy: writers.get(m.device_id ?? '') ?? null,
      at: m.at,
      record: records.get(`${m.table_name}\u0000${m.record_id}`) ?? null,
    })),
    mergesTotal: Number(total?.n ?? 0),
    cursor: rows.length > limit && last ? encodeKeyset([last.at, last.id]) : null,
    hasMore: rows.length > limit,
    names: await referenceNames(base, orgId, ids),
  };
}

/** Settles a loan in conflict. */
async function resolveLoan(ctx: WriteCtx, id: string, r: ConflictResolution) {
  const cur = await liveRow(ctx, 'loans', id);
  const data = parseData(cur);
  if (r.action === 'cancel' || (r.action === 'choose' && r.keep === 'existing')) {
    await writeVersion(ctx, 'loans', cur, { data, deleted: true, reviewState: 'reviewed' });
    return { loan: null };
  }
  if (r.action === 'choose') {
    // This loan stands: the open loan(s) it collided with end when it started.
    for (const other of await openLoansOf(ctx.trx, ctx.orgId, String(data.equipmentId))) {
      if (other.id === id) continue;
      const o = parseData(other);
      await writeVersion(ctx, 'loans', other, {
        data: { ...o, returnedAt: String(data.startedAt), status: 'returned' },
      });
    }
  }
  const changes = r.action === 'edit' ? r.changes : {};
  const next = applyChanges('loans', { ...data, status: 'active' }, { ...changes });
  const row = await writeVersion(ctx, 'loans', cur, {
    data: { ...next, status: 'active' },
    reviewState: 'reviewed',
  });
  return { loan: toRecord(row) };
}

/** Settles one overwritten value. */
async function resolveMerge(ctx: WriteCtx, mergeId: string, r: ConflictResolution) {
  const m = await ctx.trx
    .selectFrom('merges')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', mergeId)
    .executeTakeFirst();
  if (!m) throw new HttpError(404, 'not_found', 'no such conflict');
  const table = m.table_name as TableName;
  let value: unknown;
  if (r.action === 'choose' && r.keep === 'existing') value = parse(m.old_value);
  if (r.action === 'edit') {
    const keys = Object.keys(r.changes);
    if (keys.length !== 1 || keys[0] !== m.field) {
      throw new HttpError(
        400,
        'validation_failed',
        `an edit of this conflict changes the field "${m.field}" only`,
      );
    }
    value = r.changes[m.field];
  }
  let record: Data | null = null;
  if (value !== undefined) {
    const cur = await liveRow(ctx, table, m.record_id);
    const data = applyChanges(table, parseData(cur), { [m.field]: value });
    record = toRecord(await writeVersion(ctx, table, cur, { data }));
  }
  await ctx.ctrx
    .insertInto('merge_resolutions')
    .values({
      org_id: ctx.orgId,
      merge_id: m.id,
      resolved_by: ctx.userId,
      resolved_at: ctx.now,
      resolution: value === undefined ? 'accepted' : 'restored',
    })
    .onConflict((oc) => oc.columns(['org_id', 'merge_id']).doNothing())
    .execute();
  return { id: m.id, record, resolution: value === undefined ? 'accepted' : 'restored' };
}

/** POST /conflicts/:id/resolve: `id` is a loan in conflict or an overwritten value. */
export async function resolveConflict(db: CoordDb, auth: AuthContext, id: string, r: ConflictResolution) {
  return withWriteCtx(db, auth, async (ctx) => {
    const loan = await findRecord(ctx.trx, 'loans', ctx.orgId, id);
    if (loan && loan.deleted === 0) {
      if (loan.status !== 'conflict')
        throw new HttpError(409, 'not_in_conflict', 'this loan is not in conflict');
      return resolveLoan(ctx, id, r);
    }
    return resolveMerge(ctx, id, r);
  });
}
