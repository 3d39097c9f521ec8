// The conflicts queue: loans stored with status `conflict` (a second open loan of one item) and
// values a stale write overwrote that nobody has looked at. Resolving writes new versions, so
// the phones involved see the outcome on their next pull.
import type { TableName } from '../../shared/records';
import type { ConflictResolution } from '../../shared/review';
import type { AuthContext } from '../http/auth';
import { findRecord, openLoansOf } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { parseData, toRecord } from '../records/format';
import { baseDb, type CoordDb } from './db';
import { applyChanges, liveRow, withWriteCtx } from './review';
import { writeVersion, type WriteCtx } from './write';

type Data = Record<string, unknown>;
const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** GET /conflicts: loans in conflict (with the open loan they collide with) and unresolved merges. */
export async function listConflicts(db: CoordDb, orgId: string) {
  const loans = await db
    .selectFrom('loans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'conflict')
    .where('deleted', '=', 0)
    .execute();
  const loanConflicts = [];
  for (const l of loans) {
    const equipmentId = l.equipment_id ?? '';
    const equipment = await findRecord(baseDb(db), 'equipment', orgId, equipmentId);
    const open = await openLoansOf(baseDb(db), orgId, equipmentId);
    loanConflicts.push({
      loan: toRecord(l),
      equipment: equipment ? toRecord(equipment) : null,
      openLoans: open.map(toRecord),
    });
  }
  const merges = await db
    .selectFrom('merges')
    .selectAll()
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
    )
    .orderBy('at', 'desc')
    .limit(500)
    .execute();
  return {
    loans: loanConflicts,
    merges: merges.map((m) => ({
      id: m.id,
      table: m.table_name,
      recordId: m.record_id,
      field: m.field,
      oldValue: parse(m.old_value),
      newValue: parse(m.new_value),
      deviceId: m.device_id,
      at: m.at,
    })),
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
