// Data access for the synced record tables. The tables share their common columns, so one set
// of functions serves all eight; table-specific columns travel as ExtraColumns.
import type { Transaction } from 'kysely';
import type { TableName } from '../../shared/records';
import { newId } from '../../shared/ids';
import type { ExtraColumns } from '../records/columns';
import type { Db, DB } from './index';
import type { RecordColumns } from './records.table';

type Tx = Db | Transaction<DB>;
export type RecordRow = RecordColumns & ExtraColumns;

/** One record row of the organisation (tombstones included), or undefined. */
export async function findRecord(
  db: Tx,
  table: TableName,
  orgId: string,
  id: string,
): Promise<RecordRow | undefined> {
  const row = await db
    .selectFrom(table as 'equipment')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row as RecordRow | undefined;
}

/** Inserts a new row or replaces the existing one (the caller holds the org's sequence lock). */
export async function saveRecord(trx: Transaction<DB>, table: TableName, row: RecordRow, exists: boolean) {
  if (!exists) {
    await trx
      .insertInto(table as 'equipment')
      .values(row as RecordColumns)
      .execute();
    return;
  }
  const { org_id, id, ...rest } = row;
  await trx
    .updateTable(table as 'equipment')
    .set(rest as Partial<RecordColumns>)
    .where('org_id', '=', org_id)
    .where('id', '=', id)
    .execute();
}

/** Open loans of an equipment item (the one-open-loan rule). */
export async function openLoansOf(db: Tx, orgId: string, equipmentId: string): Promise<RecordRow[]> {
  const rows = await db
    .selectFrom('loans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('equipment_id', '=', equipmentId)
    .where('open', '=', 1)
    .execute();
  return rows as RecordRow[];
}

/** Keeps the values a stale write overwrote, for review. */
export async function insertMerges(
  trx: Transaction<DB>,
  m: {
    orgId: string;
    table: TableName;
    recordId: string;
    deviceId: string | null;
    at: string;
    /** Who wrote the values being overwritten, and when (the row before this write). */
    previous: { deviceId: string | null; at: string } | null;
  },
  fields: Array<{ field: string; oldValue: unknown; newValue: unknown }>,
): Promise<void> {
  if (fields.length === 0) return;
  await trx
    .insertInto('merges')
    .values(
      fields.map((f) => ({
        id: newId(),
        org_id: m.orgId,
        table_name: m.table,
        record_id: m.recordId,
        field: f.field,
        old_value: f.oldValue === undefined ? null : JSON.stringify(f.oldValue),
        new_value: f.newValue === undefined ? null : JSON.stringify(f.newValue),
        device_id: m.deviceId,
        at: m.at,
        overwritten_device_id: m.previous?.deviceId ?? null,
        overwritten_at: m.previous?.at ?? null,
      })),
    )
    .execute();
}
