// Applies one push mutation inside the request's transaction: role checks, validation, the
// plain-or-merge decision, the one-open-loan rule, tombstones, and the new version and seq.
import type { Transaction } from 'kysely';
import type { Role } from '../../shared/api';
import { LOAN_RETURN_FIELDS, loanFieldsOutsideReturn } from '../../shared/loan-rules';
import { inputSchemas, WRITABLE_TABLES, type ReviewState, type TableName } from '../../shared/records';
import { reviewStateAfterEdit } from '../../shared/review-state';
import type { Mutation, MutationResult } from '../../shared/sync-protocol';
import type { DB } from '../db';
import { findNul } from '../http/nul';
import { assetTagTaken } from '../db/asset-tags';
import { borrowerCodeTaken } from '../db/borrower-codes';
import type { SeqAllocator } from '../db/orgs.repository';
import { findRecord, insertMerges, openLoansOf, type RecordRow } from '../db/records.repository';
import { extraColumns, loanStatus } from '../records/columns';
import { parseData, toRecord } from '../records/format';
import type { BatchRows } from './batch-rows';
import { syncEquipmentStatus } from './equipment-status';
import { mergeFields } from './merge';
import { endSessionFromMember, keepSessionEnd } from './sessions';

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
  /** Whether a record may hold a NUL character (false: the request's text had none). */
  recordsMayHoldNul: boolean;
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
  // Volunteers change only what they created; any volunteer may return or extend a loan
  // (othersLoan limits that to the return and extension fields).
  const ownOnly = ctx.role === 'volunteer' && !(m.table === 'loans' && m.op === 'upsert');
  if (cur && ownOnly && cur.created_by !== ctx.userId) {
    return rejected(m, 'forbidden_record', 'volunteers may only change records they created');
  }
  return null;
}

/**
 * A volunteer's write of a loan someone else made may change only its return and extension
 * (LOAN_RETURN_FIELDS). Any other difference from the current version is refused when the phone
 * saw that version; on a stale copy those fields are taken as the phone's old view, not a
 * change, and keep their current values (a coordinator's correction meanwhile stands).
 */
function othersLoan(
  ctx: PushContext,
  m: Mutation,
  cur: RecordRow | undefined,
  input: Data,
  plain: boolean,
): { input: Data; refusal?: MutationResult } {
  if (m.table !== 'loans' || ctx.role !== 'volunteer' || !cur || cur.created_by === ctx.userId)
    return { input };
  const current = parseData(cur);
  const changed = cur.deleted === 1 ? ['deleted'] : loanFieldsOutsideReturn(current, input);
  if (changed.length === 0) return { input };
  if (plain || cur.deleted === 1) {
    const message = 'volunteers may only return or extend a loan someone else made';
    return {
      input,
      refusal: rejected(
        m,
        'forbidden_record',
        message,
        changed.map((f) => ({ code: 'custom', path: [f], message: 'not_yours_to_change' })),
      ),
    };
  }
  const own: Data = { ...current };
  for (const f of [...LOAN_RETURN_FIELDS, 'createdAt', 'updatedAt']) {
    if (input[f] === undefined) delete own[f];
    else own[f] = input[f];
  }
  return { input: own };
}

/**
 * The review state of a new version: `reviewed` or `has_issues` becomes `new` when the device
 * changes what the record says (src/shared/review-state.ts); a tombstone keeps the state, an
 * undeleted record is new.
 */
function reviewStateAfter(
  cur: RecordRow | undefined,
  data: Data,
  deleted: boolean,
): RecordRow['review_state'] {
  if (!cur) return 'new';
  if (cur.review_state === 'new' || deleted) return cur.review_state;
  if (cur.deleted === 1) return 'new';
  return reviewStateAfterEdit(cur.review_state as ReviewState, parseData(cur), data);
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
    review_state: reviewStateAfter(cur, data, deleted),
    review_comment: cur?.review_comment ?? null,
    retention_stage: 0,
    ...extraColumns(table, data, deleted),
  };
  await ctx.rows.save(table, row, cur !== undefined);
  if (table === 'loans' && typeof data.equipmentId === 'string') {
    const status = deleted ? null : (data.status as string);
    await syncEquipmentStatus(ctx.trx, ctx.seq, ctx.orgId, data.equipmentId, status, ctx.now);
    // A loan moved to another item frees the one it held (it stayed on_loan before).
    const before = cur ? parseData(cur).equipmentId : undefined;
    if (typeof before === 'string' && before !== data.equipmentId)
      await syncEquipmentStatus(ctx.trx, ctx.seq, ctx.orgId, before, null, ctx.now);
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
  const nulAt = ctx.recordsMayHoldNul ? findNul(m.record) : undefined;
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
  const limited = othersLoan(ctx, m, cur, input, plain);
  if (limited.refusal) return limited.refusal;
  let data = limited.input;
  if (m.table === 'permanences') data = await keepSessionEnd(ctx.trx, ctx.orgId, cur, data);
  const overwritten: ReturnType<typeof mergeFields>['overwritten'] = [];
  if (!plain && cur) {
    const merged = mergeFields(parseData(cur), data);
    data = merged.data;
    overwritten.push(...merged.overwritten);
    if (cur.deleted === 1) overwritten.push({ field: 'deleted', oldValue: true, newValue: false });
  }

  if (m.table === 'borrowers' && (await borrowerCodeTaken(ctx.trx, ctx.orgId, data.borrowerCode, m.id))) {
    return rejected(m, 'borrower_code_taken', 'another borrower has this borrower code', [
      { code: 'custom', path: ['borrowerCode'], message: 'borrower_code_taken' },
    ]);
  }

  if (
    m.table === 'equipment' &&
    data.assetTag !== (cur && parseData(cur).assetTag) &&
    (await assetTagTaken(ctx.trx, ctx.orgId, data.assetTag, m.id))
  ) {
    return rejected(m, 'asset_tag_taken', 'another item has this asset tag (in any case)', [
      { code: 'custom', path: ['assetTag'], message: 'asset_tag_taken' },
    ]);
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
  if (m.table === 'session_members') await endSessionFromMember(ctx, data);
  await insertMerges(
    ctx.trx,
    {
      orgId: ctx.orgId,
      table: m.table,
      recordId: m.id,
      deviceId: ctx.deviceId,
      at: ctx.now,
      previous: cur ? { deviceId: cur.last_device_id, at: cur.received_at } : null,
    },
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
