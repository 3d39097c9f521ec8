// Applies one push mutation inside the request's transaction: role checks, validation, the
// plain-or-merge decision, the one-open-loan rule, tombstones, and the new version and seq.
import type { Transaction } from 'kysely';
import type { Role } from '../../shared/api';
import { inputSchemas, WRITABLE_TABLES, type TableName } from '../../shared/records';
import type { Mutation, MutationResult } from '../../shared/sync-protocol';
import type { DB } from '../db';
import { findNul } from '../http/nul';
import type { SeqAllocator } from '../db/orgs.repository';
import { findRecord, insertMerges, openLoansOf, type RecordRow } from '../db/records.repository';
import { extraColumns, loanStatus } from '../records/columns';
import { parseData, toRecord } from '../records/format';
import type { BatchRows } from './batch-rows';
import { syncEquipmentStatus } from './equipment-status';
import { mergeFields } from './merge';

export interface PushContext {
  trx: Transaction<DB>;
  seq: SeqAllocator;
  orgId: string;
  userId: string;
  role: Role;
  deviceId: string;
  now: string;
  /** The batch's record rows (read ahead, new rows inserted at the end). */
  rows: BatchRows;
}

type Data = Record<string, unknown>;

function rejected(m: Mutation, code: string, message: string, issues?: unknown[]): MutationResult {
  return {
    mutationId: m.mutationId,
    status: 'rejected',
    error: { code, message, ...(issues && { issues }) },
  };
}

/** Why the caller may not write this mutation, or null when it may. */
function forbidden(ctx: PushContext, m: Mutation, cur: RecordRow | undefined): MutationResult | null {
  if (!WRITABLE_TABLES[ctx.role].includes(m.table)) {
    return rejected(m, 'forbidden_table', `role ${ctx.role} may not write ${m.table}`);
  }
  // Volunteers change only what they created; any volunteer may return or extend a loan.
  const ownOnly = ctx.role === 'volunteer' && !(m.table === 'loans' && m.op === 'upsert');
  if (cur && ownOnly && cur.created_by !== ctx.userId) {
    return rejected(m, 'forbidden_record', 'volunteers may only change records they created');
  }
  return null;
}

/** Writes a new version of the row with `data`; returns the stored row. */
async function write(
  ctx: PushContext,
  table: TableName,
  cur: RecordRow | undefined,
  data: Data,
  deleted: boolean,
) {
  const row: RecordRow = {
    org_id: ctx.orgId,
    id: data.id as string,
    version: (cur?.version ?? 0) + 1,
    seq: ctx.seq.next(),
    deleted: deleted ? 1 : 0,
    data: JSON.stringify(data),
    created_by: cur ? cur.created_by : ctx.userId,
    last_device_id: ctx.deviceId,
    received_at: ctx.now,
    review_state: cur?.review_state ?? 'new',
    review_comment: cur?.review_comment ?? null,
    retention_stage: 0,
    ...extraColumns(table, data, deleted),
  };
  await ctx.rows.save(table, row, cur !== undefined);
  if (table === 'loans' && typeof data.equipmentId === 'string') {
    const status = deleted ? null : (data.status as string);
    await syncEquipmentStatus(ctx.trx, ctx.seq, ctx.orgId, data.equipmentId, status, ctx.now);
  }
  return row;
}

async function applyDelete(
  ctx: PushContext,
  m: Mutation,
  cur: RecordRow | undefined,
): Promise<MutationResult> {
  if (cur?.deleted === 1) return { mutationId: m.mutationId, status: 'applied', version: cur.version };
  const data = cur ? parseData(cur) : { id: m.id };
  const row = await write(ctx, m.table, cur, data, true);
  return { mutationId: m.mutationId, status: 'applied', version: row.version };
}

async function applyUpsert(
  ctx: PushContext,
  m: Mutation,
  cur: RecordRow | undefined,
): Promise<MutationResult> {
  if (!m.record) return rejected(m, 'invalid_record', 'an upsert needs a record');
  const nulAt = findNul(m.record);
  if (nulAt !== undefined)
    return rejected(m, 'invalid_record', 'the record is not valid', [
      { code: 'invalid_string', path: nulAt.split('.'), message: 'NUL characters are not allowed' },
    ]);
  const parsed = inputSchemas[m.table].safeParse(m.record);
  if (!parsed.success) return rejected(m, 'invalid_record', 'the record is not valid', parsed.error.issues);
  const input = parsed.data as Data;
  if (input.id !== m.id) return rejected(m, 'invalid_record', 'record.id differs from the mutation id');
  if (m.table === 'loans') {
    const eq = await findRecord(ctx.trx, 'equipment', ctx.orgId, input.equipmentId as string);
    if (!eq || eq.deleted === 1) return rejected(m, 'unknown_equipment', 'no such equipment item');
  }

  // Plain when the device saw the current version or wrote it itself; otherwise a stale write
  // from another device (or a second create of the same id): merge field by field.
  const plain = !cur || m.baseVersion === cur.version || cur.last_device_id === ctx.deviceId;
  let data = input;
  const overwritten: ReturnType<typeof mergeFields>['overwritten'] = [];
  if (!plain && cur) {
    const merged = mergeFields(parseData(cur), input);
    data = merged.data;
    overwritten.push(...merged.overwritten);
    if (cur.deleted === 1) overwritten.push({ field: 'deleted', oldValue: true, newValue: false });
  }

  let conflict = false;
  if (m.table === 'loans') {
    data = { ...data, status: loanStatus(data) };
    if (data.status === 'active') {
      const open = await openLoansOf(ctx.trx, ctx.orgId, data.equipmentId as string);
      if (open.some((l) => l.id !== m.id)) {
        data = { ...data, status: 'conflict' };
        conflict = true;
      }
    }
  }

  const row = await write(ctx, m.table, cur, data, false);
  await insertMerges(
    ctx.trx,
    { orgId: ctx.orgId, table: m.table, recordId: m.id, deviceId: ctx.deviceId, at: ctx.now },
    overwritten,
  );
  if (conflict)
    return { mutationId: m.mutationId, status: 'conflict', version: row.version, record: toRecord(row) };
  return { mutationId: m.mutationId, status: 'applied', version: row.version };
}

/** Handles one mutation whose turn it is (mutationId = lastMutationId + 1). */
export async function applyMutation(ctx: PushContext, m: Mutation): Promise<MutationResult> {
  const cur = await ctx.rows.find(m.table, m.id);
  const refusal = forbidden(ctx, m, cur);
  if (refusal) return refusal;
  return m.op === 'delete' ? applyDelete(ctx, m, cur) : applyUpsert(ctx, m, cur);
}
