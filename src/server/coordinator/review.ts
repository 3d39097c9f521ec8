// Review and correction of one record, bulk review, and a record's detail (audit trail and
// overwritten values). Each runs in one transaction holding the org's sequence lock.
import { inputSchemas, type TableName } from '../../shared/records';
import type { BulkReview, ReviewPatch } from '../../shared/review';
import type { AuthContext } from '../http/auth';
import { SeqAllocator } from '../db/orgs.repository';
import { findRecord, type RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { parseData, toRecord } from '../records/format';
import { baseDb, baseTx, type CoordDb } from './db';
import { checkCorrection } from './reference';
import { collectIds, idsToName, referenceNames } from './names';
import { sessionOf } from './sessions';
import { writeVersion, type WriteCtx } from './write';

type Data = Record<string, unknown>;

/** Runs `fn` in a transaction with the org's sequence locked and saved. */
export async function withWriteCtx<T>(db: CoordDb, auth: AuthContext, fn: (ctx: WriteCtx) => Promise<T>) {
  return db.transaction().execute(async (ctrx) => {
    const trx = baseTx(ctrx);
    const seq = await SeqAllocator.lock(trx, auth.orgId);
    const ctx: WriteCtx = {
      trx,
      ctrx,
      seq,
      orgId: auth.orgId,
      userId: auth.userId,
      deviceId: auth.deviceId,
      now: new Date().toISOString(),
    };
    const out = await fn(ctx);
    await seq.save(trx);
    return out;
  });
}

/** The live row, or 404 (another organisation's id looks the same as a missing one). */
export async function liveRow(ctx: WriteCtx, table: TableName, id: string): Promise<RecordRow> {
  const cur = await findRecord(ctx.trx, table, ctx.orgId, id);
  if (!cur || cur.deleted === 1) throw new HttpError(404, 'not_found', `no such record in ${table}`);
  return cur;
}

/** The record's data with `changes` applied, validated by the table's input schema (400). */
export function applyChanges(table: TableName, current: Data, changes: Data): Data {
  if ('id' in changes) throw new HttpError(400, 'validation_failed', 'the id of a record cannot change');
  const merged: Data = { ...current };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  // status is the server's for loans; the schema still accepts it, so keep the stored one.
  const parsed = inputSchemas[table].safeParse(merged);
  if (!parsed.success) {
    throw new HttpError(400, 'validation_failed', 'the correction is not valid', parsed.error.issues);
  }
  return parsed.data as Data;
}

/** PATCH /records/:table/:id: review state, comment and corrections, audited. */
export async function patchRecord(
  db: CoordDb,
  auth: AuthContext,
  table: TableName,
  id: string,
  p: ReviewPatch,
) {
  return withWriteCtx(db, auth, async (ctx) => {
    const cur = await liveRow(ctx, table, id);
    const current = parseData(cur);
    const data = p.changes ? applyChanges(table, current, p.changes) : current;
    if (p.changes) await checkCorrection(ctx, table, id, current, data);
    const row = await writeVersion(ctx, table, cur, {
      data,
      ...(p.reviewState !== undefined && { reviewState: p.reviewState }),
      ...(p.reviewComment !== undefined && { reviewComment: p.reviewComment }),
    });
    return toRecord(row);
  });
}

/** Marks many records at once; all or nothing (one unknown id is 404 and nothing changes). */
export async function bulkReview(db: CoordDb, auth: AuthContext, table: TableName, b: BulkReview) {
  return withWriteCtx(db, auth, async (ctx) => {
    let updated = 0;
    for (const id of new Set(b.ids)) {
      const cur = await liveRow(ctx, table, id);
      if (cur.review_state === b.reviewState && b.reviewComment === undefined) continue;
      await writeVersion(ctx, table, cur, {
        data: parseData(cur),
        reviewState: b.reviewState,
        ...(b.reviewComment !== undefined && { reviewComment: b.reviewComment }),
      });
      updated += 1;
    }
    return { updated };
  });
}

/** GET /records/:table/:id: the record, its audit trail and its overwritten values. */
export async function recordDetail(db: CoordDb, orgId: string, table: TableName, id: string) {
  const row = await findRecord(baseDb(db), table, orgId, id);
  if (!row) throw new HttpError(404, 'not_found', `no such record in ${table}`);
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('table_name', '=', table)
    .where('record_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const merges = await db
    .selectFrom('merges')
    .leftJoin('merge_resolutions', (j) =>
      j
        .onRef('merge_resolutions.org_id', '=', 'merges.org_id')
        .onRef('merge_resolutions.merge_id', '=', 'merges.id'),
    )
    .select([
      'merges.id',
      'field',
      'old_value',
      'new_value',
      'device_id',
      'at',
      'merge_resolutions.resolution',
    ])
    .where('merges.org_id', '=', orgId)
    .where('table_name', '=', table)
    .where('record_id', '=', id)
    .orderBy('at')
    .execute();
  const record = toRecord(row);
  const auditOut = audit.map((a) => ({
    id: a.id,
    userId: a.user_id,
    at: a.at,
    before: a.before ? (JSON.parse(a.before) as Data) : null,
    after: a.after ? (JSON.parse(a.after) as Data) : null,
  }));
  const mergesOut = merges.map((m) => ({
    id: m.id,
    field: m.field,
    oldValue: m.old_value === null ? null : (JSON.parse(m.old_value) as unknown),
    newValue: m.new_value === null ? null : (JSON.parse(m.new_value) as unknown),
    deviceId: m.device_id,
    at: m.at,
    resolution: m.resolution ?? null,
  }));
  const ids = idsToName();
  for (const values of [record, ...auditOut.flatMap((a) => [a.before, a.after])])
    for (const [field, value] of Object.entries(values ?? {})) collectIds(ids, field, value);
  for (const m of mergesOut) {
    collectIds(ids, m.field, m.oldValue);
    collectIds(ids, m.field, m.newValue);
  }
  for (const a of auditOut) if (a.userId) ids.users.add(a.userId);
  const session = table === 'permanences' ? await sessionOf(baseDb(db), orgId, record) : undefined;
  for (const m of session?.members ?? []) if (m.userId) ids.users.add(m.userId);
  const names = await referenceNames(baseDb(db), orgId, ids);
  return { record, audit: auditOut, merges: mergesOut, names, ...(session && { session }) };
}
