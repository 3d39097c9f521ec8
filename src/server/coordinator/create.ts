// Creating reference data and equipment from the coordinator workspace (online): version 1 with
// a new seq so every phone pulls it, validated by the table's input schema, audited like every
// coordinator write. The id may come from the client (UUID) or is made here; a topic's key is
// derived from its name when not given, and names already in use are refused (reference.ts).
import { newId } from '../../shared/ids';
import { inputSchemas, type TableName } from '../../shared/records';
import type { AuthContext } from '../http/auth';
import { findRecord, saveRecord, type RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { extraColumns } from '../records/columns';
import { toRecord } from '../records/format';
import type { CoordDb } from './db';
import { prepareCreate } from './reference';
import { withWriteCtx } from './review';

/** POST /records/:table: a new record; 409 when the id is taken, 400 when invalid. */
export async function createRecord(
  db: CoordDb,
  auth: AuthContext,
  table: TableName,
  record: Record<string, unknown>,
) {
  return withWriteCtx(db, auth, async (ctx) => {
    // A topic made by name gets its key here; a name or asset tag in use is refused (409).
    const prepared = await prepareCreate(ctx, table, record);
    const parsed = inputSchemas[table].safeParse({ id: newId(), ...prepared });
    if (!parsed.success) {
      throw new HttpError(400, 'validation_failed', `the ${table} record is not valid`, parsed.error.issues);
    }
    const data = parsed.data as Record<string, unknown> & { id: string };
    if (await findRecord(ctx.trx, table, ctx.orgId, data.id)) {
      throw new HttpError(409, 'id_taken', 'a record with this id exists already');
    }
    const row: RecordRow = {
      org_id: ctx.orgId,
      id: data.id,
      version: 1,
      seq: ctx.seq.next(),
      deleted: 0,
      data: JSON.stringify(data),
      created_by: ctx.userId,
      last_device_id: ctx.deviceId,
      received_at: ctx.now,
      review_state: 'reviewed',
      review_comment: null,
      retention_stage: 0,
      ...extraColumns(table, data, false),
    };
    await saveRecord(ctx.trx, table, row, false);
    await ctx.trx
      .insertInto('audit_log')
      .values({
        org_id: ctx.orgId,
        id: newId(),
        table_name: table,
        record_id: data.id,
        user_id: ctx.userId,
        at: ctx.now,
        before: null,
        after: table === 'borrowers' ? JSON.stringify({ created: true }) : JSON.stringify(data),
      })
      .execute();
    return toRecord(row);
  });
}
