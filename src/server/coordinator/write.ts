// Coordinator writes: every correction, review change and conflict resolution becomes a new
// row version with a new seq (so phones pull the outcome) plus an audit entry holding who, when,
// and the changed fields before and after. Callers run it inside one transaction that holds the
// org's sequence lock, so nothing is half-saved.
import type { Transaction } from 'kysely';
import { newId } from '../../shared/ids';
import type { TableName } from '../../shared/records';
import type { DB } from '../db';
import type { CoordDB } from './db';
import type { SeqAllocator } from '../db/orgs.repository';
import { openLoansOf, saveRecord, type RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { extraColumns, loanStatus } from '../records/columns';
import { parseData, toRecord } from '../records/format';
import { syncEquipmentStatus } from '../sync/equipment-status';

type Data = Record<string, unknown>;

export interface WriteCtx {
  trx: Transaction<DB>;
  /** The same transaction, typed with the coordinator tables too. */
  ctrx: Transaction<CoordDB>;
  seq: SeqAllocator;
  orgId: string;
  userId: string;
  deviceId: string | null;
  now: string;
}

export interface NextState {
  data: Data;
  deleted?: boolean;
  reviewState?: string;
  reviewComment?: string | null;
}

/** The fields whose values differ, as {before, after} objects. */
export function diff(before: Data, after: Data): { before: Data; after: Data } {
  const b: Data = {};
  const a: Data = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    b[k] = before[k] ?? null;
    a[k] = after[k] ?? null;
  }
  return { before: b, after: a };
}

/** Loans: the server-owned status, refusing a second open loan of one item with 409. */
async function checkLoan(ctx: WriteCtx, id: string, data: Data, deleted: boolean): Promise<Data> {
  if (deleted) return data;
  const next: Data = { ...data, status: loanStatus(data) };
  if (next.status !== 'active') return next;
  const open = await openLoansOf(ctx.trx, ctx.orgId, String(next.equipmentId));
  if (open.some((l) => l.id !== id)) {
    throw new HttpError(409, 'loan_conflict', 'this item already has an open loan: close or cancel it first');
  }
  return next;
}

/** Writes the next version of `cur` and its audit entry; returns the stored row. */
export async function writeVersion(
  ctx: WriteCtx,
  table: TableName,
  cur: RecordRow,
  next: NextState,
): Promise<RecordRow> {
  const deleted = next.deleted ?? cur.deleted === 1;
  const data = table === 'loans' ? await checkLoan(ctx, cur.id, next.data, deleted) : next.data;
  const row: RecordRow = {
    ...cur,
    version: cur.version + 1,
    seq: ctx.seq.next(),
    deleted: deleted ? 1 : 0,
    data: JSON.stringify(data),
    last_device_id: ctx.deviceId,
    received_at: ctx.now,
    review_state: next.reviewState ?? cur.review_state,
    review_comment: next.reviewComment !== undefined ? next.reviewComment : cur.review_comment,
    ...extraColumns(table, data, deleted),
  };
  await saveRecord(ctx.trx, table, row, true);
  if (table === 'loans' && typeof data.equipmentId === 'string') {
    await syncEquipmentStatus(
      ctx.trx,
      ctx.seq,
      ctx.orgId,
      data.equipmentId,
      deleted ? null : String(data.status),
      ctx.now,
    );
    // A correction that moves the loan to another item frees the one it held.
    const before = parseData(cur).equipmentId;
    if (typeof before === 'string' && before !== data.equipmentId)
      await syncEquipmentStatus(ctx.trx, ctx.seq, ctx.orgId, before, null, ctx.now);
  }
  const change = diff(toRecord(cur), toRecord(row));
  for (const k of ['version', 'receivedAt']) {
    delete change.before[k];
    delete change.after[k];
  }
  await ctx.trx
    .insertInto('audit_log')
    .values({
      org_id: ctx.orgId,
      id: newId(),
      table_name: table,
      record_id: cur.id,
      user_id: ctx.userId,
      at: ctx.now,
      before: JSON.stringify(change.before),
      after: JSON.stringify(change.after),
    })
    .execute();
  return row;
}
